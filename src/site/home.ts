// The home page: the companion's title and introduction, then each paper with its authors, venue, the start of
// its abstract and how many of its claims hold.
import type {ClaimResult} from "../contract/claims.js";
import {claimCounts} from "./claims.js";
import {byline, PageContext, venueText} from "./context.js";
import {escapeHtml} from "./html.js";
import {parseProse, renderInline, renderProse} from "./markdown.js";
import type {SourceLink} from "./markdown.js";
import type {SiteModel} from "./model.js";
import {homePage, paperPage, relativeHref} from "./paths.js";

/** The main content of the home page. */
export function homePageHtml(model: SiteModel, links: SourceLink[]): string {
  const {home, papers} = model.content;
  const context = new PageContext(model, homePage, ["main", "papers", "references"], links);
  const prose = renderProse(model.md, parseProse(model.md, {file: home.path, bodyLine: home.bodyLine, body: home.body, headingLevel: 2}), context);
  const cards = papers.map((paper, i) => {
    const layout = model.catalog.papers.find((p) => p.paper === paper)!;
    const figures = layout.items.filter((x) => x.kind === "figure").length;
    const tables = layout.items.length - figures;
    const results = paper.experiments.map((e) => model.claims.get(e.id));
    const counts = results.every((r) => r !== undefined) ? claimCounts((results as ClaimResult[][]).flat()) : undefined;
    const stats = [
      plural(paper.experiments.length, "experiment"),
      ...(figures ? [plural(figures, "figure")] : []),
      ...(tables ? [plural(tables, "table")] : []),
      counts === undefined
        ? "claims not evaluated yet"
        : counts.total === 0
          ? "no claims"
          : counts.passed === counts.total
            ? `<span class="status--pass"><span aria-hidden="true">✓</span> ${counts.total === 1 ? "its claim holds" : counts.total === 2 ? "both claims hold" : `all ${counts.total} claims hold`}</span>`
            : `<span class="status--fail"><span aria-hidden="true">✗</span> ${counts.total - counts.passed} of ${counts.total} claims fail</span>`
    ];
    const abstract = paper.abstract ? renderInline(model.md, shortAbstract(paper.abstract), {file: paper.path, field: "abstract"}, context) : "";
    const venue = venueText(paper);
    return `<li class="paper-card">
<p class="paper-number">Paper ${i + 1}${venue ? ` · ${escapeHtml(venue)}` : ""}</p>
<h3><a href="${escapeHtml(relativeHref(homePage, paperPage(paper.slug)))}">${escapeHtml(paper.title)}</a></h3>
<p class="byline">${byline(paper.authors)}</p>
${abstract ? `<p class="paper-abstract">${abstract}</p>\n` : ""}<p class="paper-stats">${stats.join(' <span aria-hidden="true">·</span> ')}</p>
</li>`;
  });
  return `<header class="page-header home-header">
<h1>${escapeHtml(home.title)}</h1>
<p class="lede">${escapeHtml(home.description)}</p>
</header>
<div class="prose">
${prose}</div>
<section aria-labelledby="papers">
<h2 id="papers">Papers</h2>
<ol class="paper-list">
${cards.join("\n")}
</ol>
</section>
${context.referencesHtml(2)}`;
}

/** The first sentences of an abstract, up to about `max` characters (never cutting inside $…$ math). */
export function shortAbstract(text: string, max = 320): string {
  const masked = text.replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g, (m) => "x".repeat(m.length));
  const ends = [...masked.matchAll(/[.!?](?=\s+\S)/g)].map((m) => m.index + 1);
  let cut = text.length;
  for (const end of ends) {
    if (end > max) break;
    cut = end;
  }
  if (cut === text.length && ends.length && ends[0] <= max * 1.5 && text.length > max * 1.5) cut = ends[0];
  if (cut === text.length && text.length > max * 1.5) {
    // One long sentence: cut at a word boundary outside math.
    const space = masked.lastIndexOf(" ", max);
    return `${text.slice(0, space > 0 ? space : max).trimEnd()} …`;
  }
  return text.slice(0, cut);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

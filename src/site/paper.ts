// A paper's page: title and byline, abstract, contents, the paper's prose, then one section per experiment
// (its prose with figures and tables in place, its data and the command that rebuilds it, its claims with
// their status), the references cited, and how to cite the paper and the companion.
import type {CatalogItem, PaperLayout, SectionLayout} from "./catalog.js";
import {formatBibtex} from "./citation.js";
import type {ClaimResult} from "../contract/claims.js";
import {claimCounts, claimsHtml, claimSummary, countsText} from "./claims.js";
import {buildCommandLine} from "./commandLines.js";
import {byline, PageContext, venueText} from "./context.js";
import {codeBlock, escapeHtml} from "./html.js";
import {itemHtml} from "./item.js";
import {renderInline, renderProse} from "./markdown.js";
import type {SourceLink} from "./markdown.js";
import type {SiteModel} from "./model.js";
import {breadcrumbs} from "./nav.js";
import {citeFiles, citePage, dataFile, homePage, paperPage, relativeHref} from "./paths.js";

/** The main content of a paper's page. */
export function paperPageHtml(model: SiteModel, layout: PaperLayout, links: SourceLink[]): string {
  const {paper} = layout;
  const page = paperPage(paper.slug);
  const href = (target: string) => escapeHtml(relativeHref(page, target));
  const reserved = ["main", "abstract", "contents", "corrections", "references", "cite", "cite-paper", "cite-companion", ...reservedIds(layout)];
  const context = new PageContext(model, page, reserved, links, (_kind, id) => itemHtml(model, model.catalog.items.get(id)!, context));

  const abstract = paper.abstract ? renderInline(model.md, paper.abstract, {file: paper.path, field: "abstract"}, context) : "";
  const prose = renderProse(model.md, layout.prose, context);
  const sections = layout.sections.map((section) => sectionHtml(model, section, context));
  const corrections = correctionsHtml(model, layout, context);
  const references = context.referencesHtml(2);
  const index = model.content.papers.indexOf(paper);
  const [previous, next] = [model.content.papers[index - 1], model.content.papers[index + 1]];

  const venue = venueText(paper);
  const facts = [
    venue && `<span>${escapeHtml(venue)}</span>`,
    paper.arxiv && `<a href="https://arxiv.org/abs/${escapeHtml(paper.arxiv)}">arXiv:${escapeHtml(paper.arxiv)}</a>`,
    `<a href="#cite">Cite</a>`
  ].filter(Boolean);
  const pager = [
    previous ? `<a class="pager-previous" href="${href(paperPage(previous.slug))}"><span class="muted">Previous paper</span> ${escapeHtml(previous.shortTitle)}</a>` : "",
    next ? `<a class="pager-next" href="${href(paperPage(next.slug))}"><span class="muted">Next paper</span> ${escapeHtml(next.shortTitle)}</a>` : ""
  ].join("");

  const html = `${breadcrumbs(page, [
    ["Home", homePage],
    [paper.shortTitle, undefined]
  ])}
<article class="paper">
<header class="page-header">
<h1>${escapeHtml(paper.title)}</h1>
<p class="byline">${byline(paper.authors)}</p>
<p class="paper-facts">${facts.join(' <span aria-hidden="true">·</span> ')}</p>
${statusHtml(model, layout)}
</header>
${noticeHtml(paper)}
${abstract ? `<section class="abstract" aria-labelledby="abstract">\n<h2 id="abstract">Abstract</h2>\n<p>${abstract}</p>\n</section>\n` : ""}@@TOC@@<div class="prose">
${prose}</div>
${sections.join("\n")}
${corrections}${references}<section class="cite" aria-labelledby="cite">
<h2 id="cite">Cite</h2>
<p>This paper:</p>
${codeBlock("cite-paper", formatBibtex(model.paperEntries.get(paper.slug)!), "BibTeX of the paper", {wrap: false})}
<p>The companion (its figures, tables and claims):</p>
${codeBlock("cite-companion", formatBibtex(model.companion), "BibTeX of the companion", {wrap: false})}
<p>Download: <a href="${href(citeFiles.paper(paper.slug))}" download>${escapeHtml(paper.slug)}.bib</a> (this paper) · <a href="${href(citeFiles.companion)}" download>companion.bib</a> (the companion and every paper) · <a href="${href(citeFiles.cff)}" download>CITATION.cff</a> · <a href="${href(citePage)}">all citations</a></p>
</section>
${pager ? `<nav class="pager" aria-label="Papers">${pager}</nav>` : ""}
</article>`;
  return html.replace("@@TOC@@", tocHtml(html));
}

/** "✓ 64 of 64 claims hold · 6 statements corrected": what was checked, with links to the claims and corrections. */
function statusHtml(model: SiteModel, layout: PaperLayout): string {
  const {paper} = layout;
  const results = paper.experiments.map((e) => model.claims.get(e.id));
  const declared = paper.experiments.reduce((n, e) => n + e.claims.length, 0);
  const parts: string[] = [];
  if (declared > 0) {
    const counts = results.every((r) => r !== undefined) ? claimCounts((results as ClaimResult[][]).flat()) : undefined;
    if (!counts) parts.push(`<span class="muted">${declared} claims, not evaluated yet</span>`);
    else {
      const hold = counts.passed === counts.total;
      const first = paper.experiments.find((e) => e.claims.length > 0 && (hold || model.claims.get(e.id)?.some((c) => !c.passed)));
      parts.push(`<a class="status status--${hold ? "pass" : "fail"}" href="#${first!.id}-claims"><span aria-hidden="true">${hold ? "✓" : "✗"}</span> ${escapeHtml(countsText(counts))}</a>`);
    }
  }
  const corrections = paper.corrections?.length ?? 0;
  if (corrections > 0) parts.push(`<a href="#corrections">${corrections} statement${corrections > 1 ? "s" : ""} corrected</a>`);
  return parts.length ? `<p class="paper-status">${parts.join(' <span aria-hidden="true">·</span> ')}</p>` : "";
}

/** What the companion is: an independent reproduction, reconstructed from the paper (and its public code). */
function noticeHtml(paper: PaperLayout["paper"]): string {
  const from = paper.code ? `the paper and <a href="${escapeHtml(paper.code)}">its public code</a>` : "the paper";
  const corrections = paper.corrections?.length
    ? ` Where a statement of the paper or of the specification did not hold as written, the page says so: see <a href="#corrections">the ${paper.corrections.length} correction${paper.corrections.length > 1 ? "s" : ""}</a>.`
    : "";
  return `<aside class="notice" aria-label="About this page"><p><strong>An independent reproduction.</strong> This page is not the paper: its experiments were reconstructed from ${from}, then computed, plotted and checked by this companion.${corrections}</p></aside>`;
}

/** The list of corrections to the paper's or the specification's statements, each linked to its experiment. */
function correctionsHtml(model: SiteModel, layout: PaperLayout, context: PageContext): string {
  const {paper} = layout;
  if (!paper.corrections?.length) return "";
  const items = paper.corrections.map((c, i) => {
    const where = { file: paper.path, field: `corrections.${i}` };
    const experiment = c.experiment ? paper.experiments.find((e) => e.id === c.experiment) : undefined;
    return `<li><p class="correction-statement"><span class="correction-label">Stated:</span> ${renderInline(model.md, c.statement, {...where, field: `${where.field}.statement`}, context)}</p>
<p class="correction-fix"><span class="correction-label">Found:</span> ${renderInline(model.md, c.correction, {...where, field: `${where.field}.correction`}, context)}${experiment ? ` <a href="#${experiment.id}">${escapeHtml(experiment.title)}</a>` : ""}</p></li>`;
  });
  return `<section class="corrections" aria-labelledby="corrections">
<h2 id="corrections">Corrections</h2>
<p>Statements of the paper, or of the specification this companion follows, that do not hold as written, and what the experiments show instead.</p>
<ol>
${items.join("\n")}
</ol>
</section>
`;
}

/** The page's table of contents: every h2 and h3 of the article (prose sections included), in order. */
function tocHtml(html: string): string {
  const entries: {level: number; id: string; text: string}[] = [];
  for (const [, level, id, inner] of html.matchAll(/<h([23]) id="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)) {
    if (id === "abstract" || /-claims$/.test(id)) continue;
    entries.push({level: Number(level), id, text: inner});
  }
  if (entries.length < 2) return "";
  const items: string[] = [];
  let open = false;
  for (const entry of entries) {
    const link = `<a href="#${entry.id}">${entry.text}</a>`;
    if (entry.level === 2) {
      if (open) items.push("</ol></li>");
      items.push(`<li>${link}`);
      open = false;
      const next = entries[entries.indexOf(entry) + 1];
      if (next?.level === 3) {
        items.push("<ol>");
        open = true;
      } else items.push("</li>");
    } else {
      if (!open) {
        items.push("<li><ol>");
        open = true;
      }
      items.push(`<li>${link}</li>`);
    }
  }
  if (open) items.push("</ol></li>");
  return `<nav class="toc" id="contents" aria-label="Contents">
<details class="toc-details">
<summary>Contents</summary>
<ol class="toc-list">
${items.join("\n")}
</ol>
</details>
</nav>
`;
}

function sectionHtml(model: SiteModel, section: SectionLayout, context: PageContext): string {
  const {experiment, prose, trailing} = section;
  const page = context.page;
  const href = (target: string) => escapeHtml(relativeHref(page, target));
  const body = renderProse(model.md, prose, context);
  const items = trailing.map((item) => itemHtml(model, item, context)).join("");
  const result = model.results.get(experiment.id);
  const claims = model.claims.get(experiment.id);
  const points = experiment.sweep.reduce((n, s) => n * s.values.length, 1);
  const tables = result ? [...new Set(result.points.flatMap((p) => p.runs.flatMap((r) => Object.keys(r.dataset.tables))))] : [];
  const data = result
    ? [
        `<a href="${href(dataFile(experiment.paper, experiment.id, "json"))}" download>results (JSON)</a>`,
        ...tables.map((t) => `<a href="${href(dataFile(experiment.paper, experiment.id, {table: t}))}" download>${escapeHtml(t)} (CSV)</a>`)
      ]
    : [];
  return `<section class="experiment" id="${experiment.id}" aria-labelledby="${experiment.id}-title">
<h2 id="${experiment.id}-title">${escapeHtml(experiment.title)}</h2>
<div class="prose">
${body}</div>
${items}<div class="experiment-facts">
<p>Pipeline <code>${escapeHtml(experiment.pipeline)}</code>, ${points} point${points > 1 ? "s" : ""} × ${experiment.seeds.length} seed${experiment.seeds.length > 1 ? "s" : ""}${experiment.claims.length ? `; ${escapeHtml(claimSummary(claims))}` : ""}.${data.length ? ` Data: ${data.join(", ")}.` : " Not built yet."}</p>
<p>Rebuild: <code>${escapeHtml(buildCommandLine(experiment, model.profile))}</code></p>
</div>
${claimsHtml(experiment, claims, 3, experiment.id, (text, i) => renderInline(model.md, text, {file: experiment.path, field: `claims.${i}.description`}, context))}</section>`;
}

function reservedIds(layout: PaperLayout): string[] {
  const ids: string[] = [];
  for (const {experiment} of layout.sections) ids.push(experiment.id, `${experiment.id}-title`, `${experiment.id}-claims`);
  for (const item of layout.items as CatalogItem[]) ids.push(item.id, `${item.id}-caption`);
  return ids;
}

// A paper's page: title and byline, abstract, contents, the paper's prose, then one section per experiment
// (its prose with figures and tables in place, its data and the command that rebuilds it, its claims with
// their status), the references cited, and how to cite the paper and the companion.
import type {CatalogItem, PaperLayout, SectionLayout} from "./catalog.js";
import {formatBibtex} from "./citation.js";
import {claimsHtml, claimSummary} from "./claims.js";
import {buildCommandLine} from "./commandLines.js";
import {byline, PageContext, venueText} from "./context.js";
import {codeBlock, escapeHtml} from "./html.js";
import {itemHtml} from "./item.js";
import {renderInline, renderProse} from "./markdown.js";
import type {SourceLink} from "./markdown.js";
import type {SiteModel} from "./model.js";
import {breadcrumbs} from "./nav.js";
import {citePage, dataFile, homePage, paperPage, relativeHref} from "./paths.js";

/** The main content of a paper's page. */
export function paperPageHtml(model: SiteModel, layout: PaperLayout, links: SourceLink[]): string {
  const {paper} = layout;
  const page = paperPage(paper.slug);
  const href = (target: string) => escapeHtml(relativeHref(page, target));
  const reserved = ["main", "abstract", "contents", "references", "cite", "cite-paper", "cite-companion", ...reservedIds(layout)];
  const context = new PageContext(model, page, reserved, links, (_kind, id) => itemHtml(model, model.catalog.items.get(id)!, context));

  const abstract = paper.abstract ? renderInline(model.md, paper.abstract, {file: paper.path, field: "abstract"}, context) : "";
  const prose = renderProse(model.md, layout.prose, context);
  const sections = layout.sections.map((section) => sectionHtml(model, section, context));
  const references = context.referencesHtml(2);
  const index = model.content.papers.indexOf(paper);
  const [previous, next] = [model.content.papers[index - 1], model.content.papers[index + 1]];

  const venue = venueText(paper);
  const facts = [
    venue && `<span>${escapeHtml(venue)}</span>`,
    paper.arxiv && `<a href="https://arxiv.org/abs/${escapeHtml(paper.arxiv)}">arXiv:${escapeHtml(paper.arxiv)}</a>`,
    `<a href="#cite">Cite</a>`
  ].filter(Boolean);
  const contents = [
    ...layout.sections.map((s) => `<li><a href="#${s.experiment.id}">${escapeHtml(s.experiment.title)}</a></li>`),
    ...(references ? [`<li><a href="#references">References</a></li>`] : []),
    `<li><a href="#cite">Cite</a></li>`
  ];
  const pager = [
    previous ? `<a class="pager-previous" href="${href(paperPage(previous.slug))}"><span class="muted">Previous paper</span> ${escapeHtml(previous.shortTitle)}</a>` : "",
    next ? `<a class="pager-next" href="${href(paperPage(next.slug))}"><span class="muted">Next paper</span> ${escapeHtml(next.shortTitle)}</a>` : ""
  ].join("");

  return `${breadcrumbs(page, [
    ["Home", homePage],
    [paper.shortTitle, undefined]
  ])}
<article class="paper">
<header class="page-header">
<h1>${escapeHtml(paper.title)}</h1>
<p class="byline">${byline(paper.authors)}</p>
<p class="paper-facts">${facts.join(' <span aria-hidden="true">·</span> ')}</p>
</header>
${abstract ? `<section class="abstract" aria-labelledby="abstract">\n<h2 id="abstract">Abstract</h2>\n<p>${abstract}</p>\n</section>\n` : ""}${
    layout.sections.length ? `<nav class="contents" aria-labelledby="contents">\n<h2 id="contents">Contents</h2>\n<ol>\n${contents.join("\n")}\n</ol>\n</nav>\n` : ""
  }<div class="prose">
${prose}</div>
${sections.join("\n")}
${references}<section class="cite" aria-labelledby="cite">
<h2 id="cite">Cite</h2>
<p>This paper:</p>
${codeBlock("cite-paper", formatBibtex(model.paperEntries.get(paper.slug)!), "BibTeX of the paper", {wrap: false})}
<p>The companion (its figures, tables and claims):</p>
${codeBlock("cite-companion", formatBibtex(model.companion), "BibTeX of the companion", {wrap: false})}
<p><a href="${href(citePage)}">All citations</a></p>
</section>
${pager ? `<nav class="pager" aria-label="Papers">${pager}</nav>` : ""}
</article>`;
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
<p>Rebuild: <code>${escapeHtml(buildCommandLine(experiment))}</code></p>
</div>
${claimsHtml(experiment, claims, 3, experiment.id)}</section>`;
}

function reservedIds(layout: PaperLayout): string[] {
  const ids: string[] = [];
  for (const {experiment} of layout.sections) ids.push(experiment.id, `${experiment.id}-title`, `${experiment.id}-claims`);
  for (const item of layout.items as CatalogItem[]) ids.push(item.id, `${item.id}-caption`);
  return ids;
}

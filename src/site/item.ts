// The page of one figure or table (site/<paper>/<id>.html): the item itself, its downloads, the data behind it,
// its provenance from the manifest (parameters, seeds, hashes) and the exact commands that reproduce it.
import type {Experiment, FigureDeclaration} from "../contract/content.js";
import type {ManifestEntry} from "../contract/manifest.js";
import type {CatalogItem} from "./catalog.js";
import {claimSummary} from "./claims.js";
import {buildCommandLine, runCommandLine} from "./commandLines.js";
import type {PageContext} from "./context.js";
import {figureHtml, followPageColors, inlineSvg, tableHtml} from "./figure.js";
import type {PlacedItem} from "./figure.js";
import {codeBlock, escapeHtml} from "./html.js";
import {renderInline} from "./markdown.js";
import type {SiteModel} from "./model.js";
import {breadcrumbs} from "./nav.js";
import {dataFile, homePage, itemFile, itemPage, paperPage, relativeHref} from "./paths.js";

/** The downloadable renderings of a figure or table: extension and what it is for. */
export const itemFormats = {
  figure: [
    ["svg", "SVG", "vector, for the web"],
    ["png", "PNG", "raster at 2×, for slides"],
    ["pdf", "PDF", "vector, for LaTeX"]
  ],
  table: [
    ["csv", "CSV", "the values"],
    ["tex", "LaTeX", "booktabs, ready to \\input"],
    ["md", "Markdown", "for notes and READMEs"]
  ]
} as const;

/** A catalog item prepared for a page: caption rendered with the page's context, the built SVG or table HTML. */
export function placeItem(model: SiteModel, item: CatalogItem, context: PageContext): PlacedItem {
  const {experiment, declaration} = item;
  const list: {id: string}[] = item.kind === "figure" ? experiment.figures : experiment.tables;
  const field = `${item.kind === "figure" ? "figures" : "tables"}.${list.findIndex((x) => x.id === item.id)}.caption`;
  const caption = renderInline(model.md, declaration.caption, {file: experiment.path, field}, context);
  const built = model.files.get(`figures/${item.paper.slug}/${item.id}.${item.kind === "figure" ? "svg" : "html"}`);
  const text = built && new TextDecoder().decode(built);
  const figure = item.kind === "figure" ? (declaration as FigureDeclaration) : undefined;
  return {
    kind: item.kind,
    id: item.id,
    label: item.label,
    caption,
    href: relativeHref(context.page, itemPage(item.paper.slug, item.id)),
    width: figure?.width,
    alt: figure?.alt,
    body: text === undefined ? undefined : figure ? inlineSvg(followPageColors(text), item.id, figure.alt) : text,
    command: buildCommandLine(experiment)
  };
}

/** The HTML of an item placed in prose. */
export function itemHtml(model: SiteModel, item: CatalogItem, context: PageContext): string {
  const placed = placeItem(model, item, context);
  return item.kind === "figure" ? figureHtml(placed) : tableHtml(placed);
}

/** The main content of an item's own page. */
export function itemPageHtml(model: SiteModel, item: CatalogItem, context: PageContext, neighbours: {previous?: CatalogItem; next?: CatalogItem}): string {
  const {paper, experiment} = item;
  const page = context.page;
  const href = (target: string) => escapeHtml(relativeHref(page, target));
  const entry = model.manifest[item.id] as ManifestEntry | undefined;
  const placed = placeItem(model, item, context);
  const shown = item.kind === "figure" ? figureHtml(placed, {anchor: false}) : tableHtml(placed, {anchor: false});
  const built = (ext: string) => model.files.has(`figures/${paper.slug}/${item.id}.${ext}`);

  const downloads = itemFormats[item.kind]
    .filter(([ext]) => built(ext))
    .map(([ext, name, use]) => `<li><a href="${href(itemFile(paper.slug, item.id, ext))}" download>${name}</a> <span class="muted">${escapeHtml(use)}</span></li>`);
  const result = model.results.get(experiment.id);
  const tables = result ? [...new Set(result.points.flatMap((p) => p.runs.flatMap((r) => Object.keys(r.dataset.tables))))] : [];
  const data = result
    ? [
        `<li><a href="${href(dataFile(paper.slug, experiment.id, "json"))}" download>${escapeHtml(experiment.id)}.json</a> <span class="muted">every point and seed: parameters, scalars, tables and summaries</span></li>`,
        ...(model.claims.get(experiment.id)
          ? [`<li><a href="${href(dataFile(paper.slug, experiment.id, "claims"))}" download>${escapeHtml(experiment.id)}.claims.json</a> <span class="muted">the claims as evaluated by this build</span></li>`]
          : []),
        ...tables.map((t) => `<li><a href="${href(dataFile(paper.slug, experiment.id, {table: t}))}" download>${escapeHtml(t)}.csv</a> <span class="muted">dataset table <code>${escapeHtml(t)}</code> over all points and seeds</span></li>`)
      ]
    : [];

  const commands = reproduceHtml(experiment, entry, item.id);
  const claims = model.claims.get(experiment.id);
  const pager = [
    neighbours.previous ? `<a class="pager-previous" href="${href(itemPage(paper.slug, neighbours.previous.id))}"><span class="muted">Previous</span> ${escapeHtml(neighbours.previous.label)}</a>` : "",
    neighbours.next ? `<a class="pager-next" href="${href(itemPage(paper.slug, neighbours.next.id))}"><span class="muted">Next</span> ${escapeHtml(neighbours.next.label)}</a>` : ""
  ].join("");

  return `${breadcrumbs(page, [
    ["Home", homePage],
    [paper.shortTitle, paperPage(paper.slug)],
    [item.label, undefined]
  ])}
<article class="item-page">
<header class="page-header">
<h1>${escapeHtml(item.label)}</h1>
<p class="lede">From <a href="${href(`${paperPage(paper.slug)}#${experiment.id}`)}">${escapeHtml(experiment.title)}</a>, in <a href="${href(`${paperPage(paper.slug)}#${item.id}`)}">${escapeHtml(paper.shortTitle)}</a>.</p>
</header>
${shown}
<section aria-labelledby="downloads">
<h2 id="downloads">Downloads</h2>
${downloads.length ? `<ul class="file-list">${downloads.join("\n")}</ul>` : `<p class="note">Not built yet.</p>`}
${data.length ? `<h3 id="data">Data</h3>\n<ul class="file-list">${data.join("\n")}</ul>` : ""}
</section>
<section aria-labelledby="provenance">
<h2 id="provenance">Provenance</h2>
${provenanceHtml(model, experiment, entry)}
</section>
<section aria-labelledby="reproduce">
<h2 id="reproduce">Reproduce</h2>
${commands}
</section>
<section aria-labelledby="item-claims">
<h2 id="item-claims">Claims</h2>
<p>${experiment.claims.length ? `This experiment makes ${experiment.claims.length} claim${experiment.claims.length > 1 ? "s" : ""}: ${escapeHtml(claimSummary(claims))}. ` : "This experiment makes no numeric claims. "}<a href="${href(`${paperPage(paper.slug)}#${experiment.id}${experiment.claims.length ? "-claims" : ""}`)}">See them with the experiment</a>.</p>
</section>
${pager ? `<nav class="pager" aria-label="Figures and tables of this paper">${pager}</nav>` : ""}
</article>`;
}

function provenanceHtml(model: SiteModel, experiment: Experiment, entry: ManifestEntry | undefined): string {
  const pipeline = model.registry.pipelines[experiment.pipeline];
  const swept = new Map(experiment.sweep.map((s) => [s.name, s.values]));
  const rows = Object.entries(experiment.params).map(([name, value]) => {
    const values = swept.get(name);
    const show = (v: unknown) => escapeHtml(Array.isArray(v) ? `[${v.join(", ")}]` : String(v));
    const shown = values ? `${values.map(show).join(", ")} <span class="muted">(swept)</span>` : show(value);
    const description = pipeline?.params[name]?.description ?? "";
    return `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${shown}</td><td>${escapeHtml(description)}</td></tr>`;
  });
  const hash = (label: string, value: string | undefined, note: string) =>
    value ? `<dt>${label}</dt><dd><code class="hash">${escapeHtml(value)}</code><br><span class="muted">${note}</span></dd>` : "";
  const points = experiment.sweep.reduce((n, s) => n * s.values.length, 1);
  return `<dl class="facts">
<dt>Experiment</dt><dd><code>${escapeHtml(experiment.id)}</code>, declared in <code>${escapeHtml(experiment.path)}</code></dd>
<dt>Pipeline</dt><dd><code>${escapeHtml(experiment.pipeline)}</code>${pipeline?.description ? ` — ${escapeHtml(pipeline.description)}` : ""}</dd>
<dt>Points</dt><dd>${points} parameter point${points > 1 ? "s" : ""} × ${experiment.seeds.length} seed${experiment.seeds.length > 1 ? "s" : ""}</dd>
<dt>Seeds</dt><dd>${experiment.seeds.join(", ")}</dd>
${hash("Dataset hash", entry?.datasetHash, "SHA‑256 of the results file")}
${hash("Pipeline hash", entry?.pipelineHash, "SHA‑256 of the pipeline’s source and the modules it imports")}
${hash("Code hash", entry?.codeHash, "SHA‑256 of the plot or table module and the renderer")}
</dl>
<div class="table-scroll table-scroll--compact" role="region" tabindex="0" aria-label="Parameters">
<table class="params">
<caption>Parameters</caption>
<thead><tr><th scope="col">name</th><th scope="col">value</th><th scope="col">meaning</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`;
}

function reproduceHtml(experiment: Experiment, entry: ManifestEntry | undefined, id: string): string {
  const build = codeBlock(`${id}-build`, buildCommandLine(experiment), "Build command");
  const points = entry?.params ?? [];
  const seed = experiment.seeds[0];
  const others = experiment.seeds.length > 1 ? ` (other seeds: ${escapeHtml(experiment.seeds.slice(1).join(", "))})` : "";
  const runs = points.map((params, i) => codeBlock(`${id}-run-${i + 1}`, runCommandLine(experiment, params, seed), `Run command ${i + 1}`));
  const runText =
    runs.length === 0
      ? ""
      : runs.length === 1
        ? `<p>Compute its parameter point for seed ${seed} and print the dataset${others}:</p>\n${runs[0]}`
        : `<p>Compute one parameter point for seed ${seed} and print the dataset${others}:</p>\n${runs[0]}\n<details><summary>The other ${runs.length - 1} point${runs.length > 2 ? "s" : ""}</summary>\n${runs.slice(1).join("\n")}\n</details>`;
  return `<p>Recompute the experiment (runs already in the cache are reused) and rewrite its figures, tables and this site:</p>
${build}
${runText}`;
}

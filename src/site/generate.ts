// Writes the whole site in memory from content and build outputs: home, citation page, one page per paper, one
// page per figure and table, data downloads and assets; then checks every link before anything reaches disk.
import type {ClaimResult} from "../contract/claims.js";
import type {Content} from "../contract/content.js";
import {ContentError} from "../contract/error.js";
import type {Manifest} from "../contract/manifest.js";
import type {PrintedNumber} from "../contract/numbers.js";
import type {Registry} from "../contract/registry.js";
import type {ExperimentResult} from "../contract/results.js";
import {siteAssets} from "./assets.js";
import {buildCatalog} from "./catalog.js";
import {companionEntry, paperEntry, parseBibtex, referencesPath} from "./citation.js";
import type {BibEntry} from "./citation.js";
import {citePageHtml} from "./citePage.js";
import {PageContext} from "./context.js";
import {datasetCsvs} from "./data.js";
import {homePageHtml} from "./home.js";
import {itemFormats, itemPageHtml} from "./item.js";
import {checkLinks} from "./links.js";
import {createMarkdown} from "./markdown.js";
import type {SourceLink} from "./markdown.js";
import type {SiteModel} from "./model.js";
import {layout} from "./page.js";
import {paperPageHtml} from "./paper.js";
import {citePage, dataFile, homePage, itemFile, itemPage, paperPage} from "./paths.js";

/** The checked content and what the build published, as the site's pages need them. */
export interface SiteSource {
  content: Content;
  registry: Registry;
  manifest: Manifest;
  /** Every declared number, as printed ({{name}} in prose). */
  numbers: readonly PrintedNumber[];
}

/** What the site is made from, read by the caller (which also hashes it to decide whether to rebuild). */
export interface SiteInputs {
  /** Text of every file under content/, by path relative to the root ("content/index.md"). */
  contentFiles: Map<string, string>;
  /** CITATION.cff at the root, if any. */
  citation?: string;
  /** Experiment id → text of its results file (figures/<paper>/data/<id>.json), if built. */
  results: Map<string, string | undefined>;
  /** Experiment id → text of its claims file, if evaluated. */
  claims: Map<string, string | undefined>;
  /** Rendered figures and tables listed in the manifest, by path relative to the output folder. */
  files: Map<string, Uint8Array>;
}

/** Site path → content, for every file of the site. Throws a ContentError for broken links, references or citations. */
export function generateSite(context: SiteSource, inputs: SiteInputs): Map<string, string | Uint8Array> {
  const {content, manifest, registry} = context;
  const md = createMarkdown();
  for (const paper of content.papers) {
    if (paper.slug === "assets") throw new ContentError(paper.path, undefined, "a paper folder cannot be named assets (the site keeps its styles there)");
  }
  for (const experiment of content.experiments) {
    for (const [i, x] of [...experiment.figures, ...experiment.tables].entries()) {
      if (x.id === "index") {
        const field = i < experiment.figures.length ? `figures.${i}.id` : `tables.${i - experiment.figures.length}.id`;
        throw new ContentError(experiment.path, field, "index is reserved for the paper's page; choose another id");
      }
    }
  }

  const bibliography = new Map<string, BibEntry>();
  const bib = inputs.contentFiles.get(referencesPath);
  if (bib !== undefined) for (const [key, entry] of parseBibtex(bib, referencesPath)) bibliography.set(key, entry);
  const paperEntries = new Map(content.papers.map((paper) => [paper.slug, paperEntry(paper)]));
  for (const entry of paperEntries.values()) if (!bibliography.has(entry.key)) bibliography.set(entry.key, entry);

  const results = new Map<string, ExperimentResult | undefined>();
  const claims = new Map<string, ClaimResult[] | undefined>();
  for (const experiment of content.experiments) {
    const result = inputs.results.get(experiment.id);
    results.set(experiment.id, result === undefined ? undefined : (JSON.parse(result) as ExperimentResult));
    const evaluated = inputs.claims.get(experiment.id);
    claims.set(experiment.id, evaluated === undefined ? undefined : (JSON.parse(evaluated) as ClaimResult[]));
  }

  const model: SiteModel = {
    md,
    content,
    catalog: buildCatalog(md, content),
    manifest,
    registry,
    results,
    claims,
    files: inputs.files,
    bibliography,
    paperEntries,
    companion: companionEntry(inputs.citation, content.home),
    siteTitle: content.home.title,
    numbers: new Map(context.numbers.map((n) => [n.name, n]))
  };

  const site = new Map<string, string | Uint8Array>();
  const links: SourceLink[] = [];
  const page = (path: string, title: string, description: string, section: "home" | "papers" | "cite" | undefined, main: string) =>
    site.set(path, layout({path, title, description, siteTitle: model.siteTitle, section, main}));

  page(homePage, content.home.title, content.home.description, "home", homePageHtml(model, links));
  page(citePage, "Cite", `How to cite ${content.home.title} and its papers.`, "cite", citePageHtml(model, inputs.citation !== undefined));
  for (const paperLayout of model.catalog.papers) {
    const {paper} = paperLayout;
    page(paperPage(paper.slug), paper.shortTitle, paper.title, "papers", paperPageHtml(model, paperLayout, links));
    paperLayout.items.forEach((item, i) => {
      const path = itemPage(paper.slug, item.id);
      const context = new PageContext(model, path, ["main", "downloads", "data", "provenance", "reproduce", "item-claims"], links);
      const main = itemPageHtml(model, item, context, {previous: paperLayout.items[i - 1], next: paperLayout.items[i + 1]});
      page(path, `${item.label} · ${paper.shortTitle}`, item.declaration.caption, "papers", main);
      for (const [ext] of itemFormats[item.kind]) {
        const file = inputs.files.get(`figures/${paper.slug}/${item.id}.${ext}`);
        if (file) site.set(itemFile(paper.slug, item.id, ext), file);
      }
    });
  }

  for (const experiment of content.experiments) {
    const result = inputs.results.get(experiment.id);
    if (result === undefined) continue;
    site.set(dataFile(experiment.paper, experiment.id, "json"), result);
    const evaluated = inputs.claims.get(experiment.id);
    if (evaluated !== undefined) site.set(dataFile(experiment.paper, experiment.id, "claims"), evaluated);
    for (const [table, csv] of datasetCsvs(results.get(experiment.id)!)) site.set(dataFile(experiment.paper, experiment.id, {table}), csv);
  }

  const math = [...site.values()].some((text) => typeof text === "string" && text.includes('class="katex'));
  for (const [path, data] of siteAssets(math)) site.set(path, data);
  checkLinks(site, links);
  return new Map([...site].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

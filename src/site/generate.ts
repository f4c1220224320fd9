// Writes the whole site in memory from content and build outputs: home, citation page, one page per paper, one
// page per figure and table, data downloads and assets; then checks every link before anything reaches disk.
import type {ClaimResult} from "../contract/claims.js";
import type {Content} from "../contract/content.js";
import {ContentError} from "../contract/error.js";
import type {Manifest} from "../contract/manifest.js";
import type {PrintedNumber} from "../contract/numbers.js";
import type {Registry} from "../contract/registry.js";
import type {PackRecord, Release} from "../contract/release.js";
import type {ExperimentResult} from "../contract/results.js";
import {siteAssets} from "./assets.js";
import {buildCatalog} from "./catalog.js";
import {companionEntry, formatBibtex, latexToText, paperEntry, parseBibtex, referencesPath} from "./citation.js";
import type {BibEntry} from "./citation.js";
import {citationCff, formatCff} from "./citationFile.js";
import {citePageHtml} from "./citePage.js";
import {PageContext} from "./context.js";
import {datasetCsvs} from "./data.js";
import {footerHtml} from "./footer.js";
import {homePageHtml} from "./home.js";
import {itemFormats, itemPageHtml} from "./item.js";
import {checkLinks} from "./links.js";
import {createMarkdown} from "./markdown.js";
import type {SourceLink} from "./markdown.js";
import type {SiteModel} from "./model.js";
import type {PageSpec} from "./page.js";
import {layout} from "./page.js";
import type {Section} from "./nav.js";
import {paperPageHtml} from "./paper.js";
import {searchIndex, searchPageHtml} from "./search.js";
import {citeFiles, citePage, dataFile, homePage, itemFile, itemPage, paperPage, searchPage} from "./paths.js";

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
  /** The version and commit of the source. */
  release: Release;
  /** The archive of this very commit and outputs, written by `orthogonal pack`, if any. */
  archive?: {record: PackRecord; data: Uint8Array};
  /** The parameter profile of the build ("paper" unless --profile). */
  profile: string;
  /** Whether to index the site for search (the pagefind package is installed). */
  search: boolean;
}

/** Site path → content, for every file of the site. Throws a ContentError for broken links, references or citations. */
export async function generateSite(context: SiteSource, inputs: SiteInputs): Promise<Map<string, string | Uint8Array>> {
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
    companion: companionEntry(formatCff(citationCff(inputs.citation, content, inputs.release)), content.home),
    siteTitle: content.home.title,
    release: inputs.release,
    archive: inputs.archive && {record: inputs.archive.record, path: `downloads/${inputs.archive.record.file}`},
    profile: inputs.profile,
    search: inputs.search,
    numbers: new Map(context.numbers.map((n) => [n.name, n]))
  };

  const site = new Map<string, string | Uint8Array>();
  const links: SourceLink[] = [];
  const page = (path: string, title: string, description: string, section: Section | undefined, main: string, meta?: PageSpec["meta"]) =>
    site.set(path, layout({path, title, description, siteTitle: model.siteTitle, section, main, footer: footerHtml(model, path), meta, search: model.search}));

  page(homePage, content.home.title, content.home.description, "home", homePageHtml(model, links));
  page(citePage, "Cite", `How to cite ${content.home.title} and its papers.`, "cite", citePageHtml(model, inputs.citation !== undefined));
  if (inputs.search) page(searchPage, "Search", `Search ${content.home.title}.`, "search", searchPageHtml());
  for (const paperLayout of model.catalog.papers) {
    const {paper} = paperLayout;
    page(paperPage(paper.slug), paper.shortTitle, paper.title, "papers", paperPageHtml(model, paperLayout, links), paperMeta(model, paper));
    site.set(citeFiles.paper(paper.slug), `${formatBibtex(model.paperEntries.get(paper.slug)!)}\n`);
    paperLayout.items.forEach((item, i) => {
      const path = itemPage(paper.slug, item.id);
      const context = new PageContext(model, path, ["main", "downloads", "data", "provenance", "reproduce", "cite-item", "item-claims"], links);
      const main = itemPageHtml(model, item, context, {previous: paperLayout.items[i - 1], next: paperLayout.items[i + 1]});
      page(path, `${item.label} · ${paper.shortTitle}`, item.declaration.caption, "papers", main);
      for (const [ext] of itemFormats[item.kind]) {
        const file = inputs.files.get(`figures/${paper.slug}/${item.id}.${ext}`);
        if (file) site.set(itemFile(paper.slug, item.id, ext), file);
      }
    });
  }

  site.set(citeFiles.companion, [model.companion, ...content.papers.map((p) => model.paperEntries.get(p.slug)!)].map((e) => `${formatBibtex(e)}\n`).join("\n"));
  site.set(citeFiles.cff, formatCff(citationCff(inputs.citation, content, inputs.release)));
  for (const experiment of content.experiments) {
    const result = inputs.results.get(experiment.id);
    if (result === undefined) continue;
    site.set(dataFile(experiment.paper, experiment.id, "json"), result);
    const evaluated = inputs.claims.get(experiment.id);
    if (evaluated !== undefined) site.set(dataFile(experiment.paper, experiment.id, "claims"), evaluated);
    for (const [table, csv] of datasetCsvs(results.get(experiment.id)!)) site.set(dataFile(experiment.paper, experiment.id, {table}), csv);
  }

  if (inputs.archive && model.archive) site.set(model.archive.path, inputs.archive.data);
  const math = [...site.values()].some((text) => typeof text === "string" && text.includes('class="katex'));
  for (const [path, data] of siteAssets(math)) site.set(path, data);
  if (inputs.search) {
    const pages = new Map([...site].filter(([path, text]) => path.endsWith(".html") && path !== searchPage && typeof text === "string") as [string, string][]);
    for (const [path, data] of await searchIndex(pages)) site.set(path, data);
  }
  checkLinks(site, links);
  return new Map([...site].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Google Scholar (citation_*) and OpenGraph tags of a paper's page, from its front matter. */
function paperMeta(model: SiteModel, paper: SiteModel["content"]["papers"][number]): NonNullable<PageSpec["meta"]> {
  const meta: NonNullable<PageSpec["meta"]> = [{name: "citation_title", content: paper.title}];
  for (const author of paper.authors) meta.push({name: "citation_author", content: author});
  if (paper.year !== undefined) meta.push({name: "citation_publication_date", content: String(paper.year)});
  const venue = paper.booktitle ?? paper.venue;
  if (venue && !/arxiv/i.test(venue)) meta.push({name: "citation_conference_title", content: venue});
  if (paper.arxiv) {
    const id = paper.arxiv.replace(/v\d+$/, "");
    meta.push({name: "citation_arxiv_id", content: id}, {name: "citation_abstract_html_url", content: `https://arxiv.org/abs/${id}`}, {name: "citation_pdf_url", content: `https://arxiv.org/pdf/${id}`});
  }
  meta.push(
    {property: "og:type", content: "article"},
    {property: "og:site_name", content: model.siteTitle},
    {property: "og:title", content: paper.title},
    {property: "og:description", content: paper.abstract ? latexToText(paper.abstract.replace(/\$([^$]*)\$/g, "$1")).slice(0, 300) : paper.title}
  );
  return meta;
}

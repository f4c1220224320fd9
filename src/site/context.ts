// The state of one page while its prose is rendered: unique heading ids, citations numbered in order of first
// use (with the page's reference list), cross-references to numbered figures and tables, and links to content files.
import {ContentError} from "../contract/error.js";
import {formatReference, referenceText} from "./citation.js";
import type {BibEntry} from "./citation.js";
import {escapeHtml} from "./html.js";
import type {ProseContext, SourceLink} from "./markdown.js";
import type {SiteModel} from "./model.js";
import {homePage, paperPage} from "./paths.js";

/** Places a figure or table on a page (only paper pages can). */
export type Placer = (kind: "figure" | "table", id: string, file: string, line: number) => string;

/** The prose context of one page. */
export class PageContext implements ProseContext {
  readonly macros: Record<string, string> = {};
  private readonly ids = new Set<string>();
  private readonly cited: BibEntry[] = [];

  /**
   * @param reserved ids the page's template uses (experiment sections, figures, "cite" …), which headings avoid.
   * @param links where the prose's relative links are collected for the link checker.
   */
  constructor(
    readonly model: SiteModel,
    readonly page: string,
    reserved: Iterable<string>,
    readonly links: SourceLink[],
    private readonly placer?: Placer
  ) {
    for (const id of reserved) this.ids.add(id);
  }

  reference(kind: "fig" | "tbl", id: string): {label: string; target: string} | undefined {
    const item = this.model.catalog.items.get(id);
    if (!item || item.kind !== (kind === "fig" ? "figure" : "table")) return undefined;
    const target = `${paperPage(item.paper.slug)}#${item.id}`;
    return {label: target.startsWith(this.page) ? item.label : `${item.paper.shortTitle}, ${item.label}`, target};
  }

  cite(key: string): {label: string; target: string; title: string} | undefined {
    const entry = this.model.bibliography.get(key);
    if (!entry) return undefined;
    let index = this.cited.indexOf(entry);
    if (index < 0) index = this.cited.push(entry) - 1;
    return {label: String(index + 1), target: `${this.page}#${referenceId(key)}`, title: referenceText(entry)};
  }

  contentPage(file: string): string | undefined {
    if (file === this.model.content.home.path) return homePage;
    for (const paper of this.model.content.papers) {
      if (file === paper.path) return paperPage(paper.slug);
      const experiment = paper.experiments.find((e) => e.path === file);
      if (experiment) return `${paperPage(paper.slug)}#${experiment.id}`;
    }
    return undefined;
  }

  number(name: string): {html: string; latex: string} | undefined {
    return this.model.numbers.get(name);
  }

  slug(text: string): string {
    const base =
      text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "section";
    let id = base;
    for (let n = 2; this.ids.has(id); ++n) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  /** Claims an id for the template (throws if prose already took it). */
  reserve(id: string): string {
    this.ids.add(id);
    return id;
  }

  place(kind: "figure" | "table", id: string, file: string, line: number): string {
    if (!this.placer) throw new ContentError(file, undefined, `::${kind}{${id}}: figures and tables can only be placed on their paper's page; refer to them with @${kind === "figure" ? "fig" : "tbl"}:${id}`, line);
    return this.placer(kind, id, file, line);
  }

  /** The page's reference list (empty when nothing was cited). */
  referencesHtml(headingLevel: number): string {
    if (this.cited.length === 0) return "";
    const items = this.cited.map((entry) => `<li id="${referenceId(entry.key)}">${formatReference(entry)}</li>`);
    return `<section class="references" aria-labelledby="references">
<h${headingLevel} id="references">References</h${headingLevel}>
<ol>
${items.join("\n")}
</ol>
</section>
`;
  }
}

/** The anchor of a reference in a page's reference list. */
export function referenceId(key: string): string {
  return `ref-${key.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** "NeurIPS 2024" or "Venue, 2024": the venue, and the year unless the venue already names it. */
export function venueText(paper: {venue?: string; year?: number}): string {
  const year = paper.year === undefined || paper.venue?.includes(String(paper.year)) ? undefined : String(paper.year);
  return [paper.venue, year].filter((x) => x !== undefined).join(", ");
}

/** Escapes and joins author names for a byline. */
export function byline(authors: string[]): string {
  const names = authors.map(escapeHtml);
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

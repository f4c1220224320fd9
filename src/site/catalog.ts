// The layout of each paper page before any HTML is written: where every figure and table goes (at its
// `::figure{id}` directive, or at the end of its experiment's section) and its number in page order.
import type {MarkdownIt} from "markdown-it";
import type {Content, Experiment, FigureDeclaration, Paper, TableDeclaration} from "../contract/content.js";
import {ContentError} from "../contract/error.js";
import {directivesOf, parseProse} from "./markdown.js";
import type {Prose} from "./markdown.js";

/** A figure or table with its number on its paper's page. */
export interface CatalogItem {
  kind: "figure" | "table";
  id: string;
  /** 1-based, in page order, counted separately for figures and tables. */
  number: number;
  /** "Figure 3" or "Table 1". */
  label: string;
  paper: Paper;
  experiment: Experiment;
  declaration: FigureDeclaration | TableDeclaration;
}

/** An experiment's section on its paper page. */
export interface SectionLayout {
  experiment: Experiment;
  prose: Prose;
  /** Items of this experiment that no directive placed: shown at the end of the section. */
  trailing: CatalogItem[];
}

/** A paper page: its prose, its sections, and its items in page order. */
export interface PaperLayout {
  paper: Paper;
  prose: Prose;
  sections: SectionLayout[];
  items: CatalogItem[];
}

/** Every paper page's layout, and every item by id. */
export interface Catalog {
  papers: PaperLayout[];
  items: Map<string, CatalogItem>;
}

/** Parses the prose of every paper and places and numbers its figures and tables; throws a ContentError for a bad directive. */
export function buildCatalog(md: MarkdownIt, content: Content): Catalog {
  const declared = new Map<string, {kind: "figure" | "table"; experiment: Experiment; declaration: FigureDeclaration | TableDeclaration}>();
  for (const experiment of content.experiments) {
    for (const figure of experiment.figures) declared.set(figure.id, {kind: "figure", experiment, declaration: figure});
    for (const table of experiment.tables) declared.set(table.id, {kind: "table", experiment, declaration: table});
  }
  const items = new Map<string, CatalogItem>();
  const papers = content.papers.map((paper): PaperLayout => {
    const prose = parseProse(md, {file: paper.path, bodyLine: paper.bodyLine, body: paper.body, headingLevel: 2});
    const sections = paper.experiments.map((experiment) => ({
      experiment,
      prose: parseProse(md, {file: experiment.path, bodyLine: experiment.bodyLine, body: experiment.body, headingLevel: 3}),
      trailing: [] as CatalogItem[]
    }));
    const counts = {figure: 0, table: 0};
    const ordered: CatalogItem[] = [];
    const placed = new Map<string, string>(); // id → "file:line" of its directive
    const add = (id: string) => {
      const {kind, experiment, declaration} = declared.get(id)!;
      const number = ++counts[kind];
      const item: CatalogItem = {kind, id, number, label: `${kind === "figure" ? "Figure" : "Table"} ${number}`, paper, experiment, declaration};
      items.set(id, item);
      ordered.push(item);
      return item;
    };
    // First every directive of the page (so that an item placed anywhere is not repeated at its section's end).
    const directives = [prose, ...sections.map((s) => s.prose)].map((p) => ({prose: p, directives: directivesOf(p)}));
    for (const {prose: p, directives: list} of directives) {
      for (const d of list) {
        const fail = (detail: string): never => {
          throw new ContentError(p.source.file, undefined, detail, d.line);
        };
        const target = declared.get(d.id);
        if (!target) {
          const known = paper.experiments.flatMap((e) => (d.kind === "figure" ? e.figures : e.tables).map((x) => x.id));
          fail(`::${d.kind}{${d.id}}: unknown ${d.kind} id${known.length ? `; this paper declares ${known.join(", ")}` : ""}`);
        }
        if (target!.kind !== d.kind) fail(`::${d.kind}{${d.id}}: ${d.id} is a ${target!.kind}; write ::${target!.kind}{${d.id}}`);
        if (target!.experiment.paper !== paper.slug) fail(`::${d.kind}{${d.id}}: ${d.id} belongs to paper ${target!.experiment.paper}; refer to it with @${d.kind === "figure" ? "fig" : "tbl"}:${d.id}`);
        if (placed.has(d.id)) fail(`::${d.kind}{${d.id}} is placed twice (first at ${placed.get(d.id)})`);
        placed.set(d.id, `${p.source.file}:${d.line}`);
      }
    }
    // Then number in page order: the paper's prose, then each section's directives and its unplaced items.
    for (const d of directives[0].directives) add(d.id);
    sections.forEach((section, i) => {
      for (const d of directives[i + 1].directives) add(d.id);
      for (const x of [...section.experiment.figures, ...section.experiment.tables]) {
        if (!placed.has(x.id)) section.trailing.push(add(x.id));
      }
    });
    return {paper, prose, sections, items: ordered};
  });
  return {papers, items};
}

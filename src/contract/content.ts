// The checked content of a project, as the engine hands it to the site and to figure and table modules: papers,
// experiments with their parameters, seeds and sweep, and the figures, tables and claims they declare.
import type {Claim} from "./claims.js";
import type {FigureWidth} from "./figure.js";
import type {NumberDeclaration} from "./numbers.js";
import type {ParamValue} from "./params.js";

/** A figure declared by an experiment. */
export interface FigureDeclaration {
  id: string;
  plot: string;
  caption: string;
  alt: string;
  width: FigureWidth;
  /** Height as a fraction of the width (aspect ratio); the theme's default when absent. */
  aspect?: number;
  experiment: string;
  paper: string;
}

/** A table declared by an experiment. */
export interface TableDeclaration {
  id: string;
  table: string;
  caption: string;
  experiment: string;
  paper: string;
}

/** A checked experiment declaration with its profile applied. */
export interface Experiment {
  id: string;
  title: string;
  /** Source path relative to the root, e.g. "content/feature-learning/spike.md". */
  path: string;
  paper: string;
  pipeline: string;
  /** Every parameter of the pipeline: defaults, then the declaration, then the profile. */
  params: Record<string, ParamValue>;
  seeds: number[];
  sweep: {name: string; values: ParamValue[]}[];
  claims: Claim[];
  /** Named numbers for the paper's text (numbers.tex, numbers.json, {{name}} in prose). */
  numbers: NumberDeclaration[];
  figures: FigureDeclaration[];
  tables: TableDeclaration[];
  body: string;
  bodyLine: number;
}

/** A paper: its page and its experiments, in file-name order. */
export interface Paper {
  slug: string;
  path: string;
  title: string;
  shortTitle: string;
  authors: string[];
  year?: number;
  venue?: string;
  arxiv?: string;
  abstract?: string;
  order: number;
  body: string;
  bodyLine: number;
  experiments: Experiment[];
}

/** The home page. */
export interface Home {
  path: string;
  title: string;
  description: string;
  body: string;
  bodyLine: number;
}

/** All content of a project. */
export interface Content {
  home: Home;
  papers: Paper[];
  experiments: Experiment[];
}

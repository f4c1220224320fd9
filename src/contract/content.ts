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
  /** The number of the same figure in the paper ("3", "C2"), when the paper has one. */
  paperFigure?: string;
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
  /** The full proceedings or journal title ("Advances in Neural Information Processing Systems 37"). */
  booktitle?: string;
  /** The paper's own public code, when it has any (the companion is reconstructed from it and the paper). */
  code?: string;
  /** Statements of the paper (or of the specification the companion follows) that the companion corrects. */
  corrections?: Correction[];
  abstract?: string;
  order: number;
  body: string;
  bodyLine: number;
  experiments: Experiment[];
}

/** A statement the companion corrects, with where the correction is shown. */
export interface Correction {
  /** What the paper or the specification says. */
  statement: string;
  /** What the companion finds instead. */
  correction: string;
  /** The experiment whose section shows it (an experiment id of the same paper). */
  experiment?: string;
}

/** The home page. */
export interface Home {
  path: string;
  title: string;
  description: string;
  /** The public repository of the publication (https URL), when declared. */
  repository?: string;
  /** The publication's DOI ("10.5281/zenodo.123"), when declared. */
  doi?: string;
  body: string;
  bodyLine: number;
}

/** All content of a project. */
export interface Content {
  home: Home;
  papers: Paper[];
  experiments: Experiment[];
}

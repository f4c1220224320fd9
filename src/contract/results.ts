// What the build hands to figures, tables and claims: an experiment's results over its sweep points and seeds.
import type {Summary} from "../stats/summary.js";
import type {Dataset} from "./dataset.js";
import type {ParamValue} from "./params.js";

export type {Summary} from "../stats/summary.js";

/** One seed's dataset at one point. */
export interface RunResult {
  seed: number;
  dataset: Dataset;
}

/** One point of the sweep: its full parameters, a run per seed, and per-scalar summaries over seeds. */
export interface PointResult {
  params: Record<string, ParamValue>;
  runs: RunResult[];
  summary: Record<string, Summary>;
}

/** All results of one declared experiment. */
export interface ExperimentResult {
  id: string;
  pipeline: string;
  /** Names of the swept parameters, in declaration order (empty when there is no sweep). */
  sweep: string[];
  points: PointResult[];
  /** The parameter profile the results were computed under ("paper", "quick"); absent in older results (paper). */
  profile?: string;
}

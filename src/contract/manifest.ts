// figures/manifest.json: for every figure and table, the files written and where they come from.
import type {PointResult} from "./results.js";

/** One entry of figures/manifest.json: where a figure or table comes from. */
export interface ManifestEntry {
  kind: "figure" | "table";
  paper: string;
  experiment: string;
  pipeline: string;
  files: string[];
  params: PointResult["params"][];
  seeds: number[];
  /** SHA-256 of the experiment's results file. */
  datasetHash: string;
  /** SHA-256 of the pipeline's source closure. */
  pipelineHash: string;
  /** SHA-256 of the plot or table module's source closure (with the renderer's). */
  codeHash: string;
  /** The key the outputs were rendered under: changes when any input changes. */
  renderKey: string;
  /** SHA-256 of each file as written (file → hash): a file that no longer matches is rendered again. */
  hashes?: Record<string, string>;
}

/** The manifest: figure and table ids → entries. */
export type Manifest = Record<string, ManifestEntry>;

// The contract between the engine and a numerical pipeline: declared parameters and outputs, and a pure run function.
import type {Rng} from "../random/rng.js";
import type {Dataset} from "./dataset.js";
import type {Outputs} from "./outputs.js";
import type {ParamSpecs, ParamValues} from "./params.js";

export type {Rng} from "../random/rng.js";

/** A deterministic numerical pipeline: a pure function of (params, seeded random source). */
export interface Pipeline<S extends ParamSpecs = ParamSpecs> {
  /** The registry id, e.g. "feature-learning/oracles"; equals the module path below pipelines/. */
  readonly id: string;
  /** One sentence saying what the pipeline computes. */
  readonly description: string;
  /** The module URL (import.meta.url), so the cache can hash its source and imports. */
  readonly source: string;
  /** Declared parameters with defaults. */
  readonly params: S;
  /** What `run` returns: every scalar and every table with its columns, described in words. */
  readonly outputs: Outputs;
  /** Computes the dataset. Must not read the clock, the file system or Math.random. */
  run(params: ParamValues<S>, rng: Rng): Dataset;
}

/** Declares a pipeline; the identity function, there for type inference. */
export function pipeline<const S extends ParamSpecs>(definition: Pipeline<S>): Pipeline<S> {
  return definition;
}

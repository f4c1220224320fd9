// Runs one task: a pipeline at one parameter point with one seed, returning its dataset as JSON text.
import {assertFinite} from "../contract/dataset.js";
import type {ParamValue} from "../contract/params.js";
import {createRng} from "../random/rng.js";
import type {Registry} from "../contract/registry.js";

/** One unit of work: the experiment it belongs to, its pipeline, full params and seed. */
export interface Task {
  experiment: string;
  pipeline: string;
  params: Record<string, ParamValue>;
  seed: number;
}

/** Runs a task and returns the dataset serialised as JSON; throws naming the output that is not finite. */
export function runTask(registry: Registry, task: Task): string {
  const pipeline = registry.pipelines[task.pipeline];
  if (!pipeline) throw new Error(`unknown pipeline ${task.pipeline}`);
  const dataset = pipeline.run(task.params, createRng(task.seed));
  assertFinite(dataset, `pipeline ${task.pipeline} (seed ${task.seed})`);
  return JSON.stringify(dataset);
}

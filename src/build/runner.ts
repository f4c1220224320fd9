// Runs one task: a pipeline at one parameter point with one seed, returning its dataset as JSON text; and the
// in-process task runner (the worker pool is the other).
import {assertFinite} from "../contract/dataset.js";
import type {ParamValue} from "../contract/params.js";
import type {Registry} from "../contract/registry.js";
import {createRng} from "../random/rng.js";

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

/** Runs tasks somewhere (worker threads, or this thread) and is closed when the build no longer needs it. */
export interface TaskRunner {
  /** Resolves with the dataset JSON and the time the task took (ms); rejects with the pipeline's error. */
  run(task: Task): Promise<{json: string; ms: number}>;
  close(): Promise<void>;
}

/**
 * A runner that runs each task in this thread, one at a time: for `orthogonal run` and in-process tests. The
 * WebAssembly kernels must be installed in this thread (see build/kernels.ts).
 */
export function inProcessRunner(registry: Registry): TaskRunner {
  return {
    async run(task) {
      const start = performance.now();
      const json = runTask(registry, task);
      return {json, ms: performance.now() - start};
    },
    async close() {}
  };
}

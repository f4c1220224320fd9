// Expands experiments into tasks: the cartesian product of the sweep, times the seeds, each with its cache key.
import type {Experiment} from "../contract/content.js";
import type {ParamValue} from "../contract/params.js";
import {cacheKey} from "./cache.js";
import type {Task} from "./runner.js";

/** One point of an experiment's sweep, with the tasks (one per seed) that compute it. */
export interface PlannedPoint {
  params: Record<string, ParamValue>;
  tasks: PlannedTask[];
}

/** A task with its cache key. */
export interface PlannedTask extends Task {
  key: string;
  /** A short label for progress output, e.g. "fl-spike d=400 seed 3". */
  label: string;
}

/** The points of an experiment in sweep order (first sweep parameter varies slowest). */
export function planExperiment(experiment: Experiment, sourceHash: string): PlannedPoint[] {
  let grid: Record<string, ParamValue>[] = [{}];
  for (const {name, values} of experiment.sweep) {
    grid = grid.flatMap((point) => values.map((value) => ({...point, [name]: value})));
  }
  return grid.map((assignment) => {
    const params = {...experiment.params, ...assignment};
    const where = Object.entries(assignment)
      .map(([name, value]) => `${name}=${value}`)
      .join(" ");
    return {
      params,
      tasks: experiment.seeds.map((seed) => ({
        experiment: experiment.id,
        pipeline: experiment.pipeline,
        params,
        seed,
        key: cacheKey({pipeline: experiment.pipeline, sourceHash, params, seed}),
        label: `${experiment.id}${where ? ` ${where}` : ""}${experiment.seeds.length > 1 ? ` seed ${seed}` : ""}`
      }))
    };
  });
}

/** Whether an experiment id matches a --only pattern: comma-separated globs with *, or substrings. */
export function matchesPattern(id: string, pattern: string): boolean {
  return pattern.split(",").some((part) => {
    const p = part.trim();
    if (!p.includes("*")) return id.includes(p);
    const regex = new RegExp(
      `^${p
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`
    );
    return regex.test(id);
  });
}

// Helpers shared by the feature-learning plot and table modules: per-point means and standard deviations of scalars.
import type {ExperimentResult, PointResult} from "../../src/contract/index.js";

/** One sweep point flattened: its parameters, and mean and sd of every scalar (`x` and `x_sd`). */
export type PointSummary = Record<string, number | string | boolean>;

/** The points of a result as flat rows: parameters, then each scalar's mean as `name` and sd as `name_sd`. */
export function pointSummaries(result: ExperimentResult): PointSummary[] {
  return result.points.map(flatten);
}

/** All rows of one table over every run of every point, each tagged with the point's parameters and its seed. */
export function tableRows(result: ExperimentResult, table: string): Record<string, number | string | boolean>[] {
  return result.points.flatMap((point) =>
    point.runs.flatMap((run) =>
      (run.dataset.tables[table] ?? []).map((row) => ({...scalarParams(point), seed: run.seed, ...row}))
    )
  );
}

function flatten(point: PointResult): PointSummary {
  const row: PointSummary = scalarParams(point);
  for (const [name, summary] of Object.entries(point.summary)) {
    row[name] = summary.mean;
    row[`${name}_sd`] = summary.sd;
  }
  return row;
}

function scalarParams(point: PointResult): PointSummary {
  const row: PointSummary = {};
  for (const [name, value] of Object.entries(point.params))
    if (!Array.isArray(value)) row[name] = value as number | string | boolean;
  return row;
}

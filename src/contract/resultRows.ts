// Readers of an experiment's results for plot and table modules: a scalar's mean and standard error at a point, the
// seed count, the first run's table, and table rows pooled over seeds and summarised per group.
import {summarize} from "../stats/summary.js";
import type {Summary} from "../stats/summary.js";
import type {Cell, Row} from "./dataset.js";
import type {ExperimentResult, PointResult} from "./results.js";

/** A group of rows with equal key columns: the key values and the summary over seeds of one column. */
export interface RowSummary {
  key: Record<string, Cell>;
  summary: Summary;
  /** Standard error of the mean over seeds, sd/√n. */
  se: number;
}

/** Mean and standard error (sd/√count) of scalar `name` at a point, over its `count` seeds. */
export function meanSe(point: PointResult, name: string): {mean: number; se: number; count: number} {
  const summary: Summary | undefined = point.summary[name];
  if (summary === undefined) throw new Error(`no scalar ${name} at ${JSON.stringify(point.params)}`);
  return {mean: summary.mean, se: summary.sd / Math.sqrt(summary.n), count: summary.n};
}

/** The number of seeds behind each point (that of the first point; every point of an experiment has the same). */
export function seedCount(result: ExperimentResult): number {
  return result.points[0]?.runs.length ?? 0;
}

/** The rows of table `name` of the first run (the first seed) of the first point. */
export function firstRunRows(result: ExperimentResult, name: string): Row[] {
  const rows = result.points[0]?.runs[0]?.dataset.tables[name];
  if (rows === undefined) throw new Error(`${result.id}: no table ${name} in the first run`);
  return rows;
}

/**
 * Pools table `name` over the runs of every point, groups rows by the `keys` columns (in order of first
 * appearance) and summarises column `value` over each group (one row per seed and group, so over seeds).
 */
export function summarizeRows(
  result: ExperimentResult,
  name: string,
  keys: readonly string[],
  value: string
): RowSummary[] {
  const groups = new Map<string, {key: Record<string, Cell>; values: number[]}>();
  for (const point of result.points) {
    for (const run of point.runs) {
      const rows: Row[] | undefined = run.dataset.tables[name];
      if (rows === undefined) throw new Error(`${result.id}: no table ${name} for seed ${run.seed}`);
      for (const row of rows) {
        const key = Object.fromEntries(keys.map((k) => [k, row[k]]));
        const id = JSON.stringify(keys.map((k) => row[k]));
        const cell = row[value];
        if (typeof cell !== "number") throw new Error(`${result.id}: ${name}.${value} is not a number`);
        const group = groups.get(id) ?? {key, values: []};
        group.values.push(cell);
        groups.set(id, group);
      }
    }
  }
  return [...groups.values()].map(({key, values}) => {
    const summary = summarize(values);
    return {key, summary, se: summary.sd / Math.sqrt(summary.n)};
  });
}

// Helpers shared by the adversarial-subspace plot and table modules: scalars and table rows pooled over seeds.
import type {Cell, Row} from "../../src/contract/index.js";
import type {ExperimentResult, PointResult, Summary} from "../../src/contract/index.js";
import {summarize} from "../../src/stats/summary.js";

/** A group of rows with equal key columns: the key values and the summary over seeds of one column. */
export interface RowSummary {
  key: Record<string, Cell>;
  summary: Summary;
  /** Standard error of the mean over seeds, sd/√n. */
  se: number;
}

/** The summary of scalar `name` at a point, with its standard error. */
export function scalarSe(point: PointResult, name: string): {mean: number; se: number; n: number} {
  const summary = point.summary[name];
  if (summary === undefined) throw new Error(`no scalar ${name}`);
  return {mean: summary.mean, se: summary.sd / Math.sqrt(summary.n), n: summary.n};
}

/** The number of seeds of the first point. */
export function seedCount(result: ExperimentResult): number {
  return result.points[0]?.runs.length ?? 0;
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

/** The rows of table `name` of the first run (the first seed) of the first point. */
export function firstRunRows(result: ExperimentResult, name: string): Row[] {
  const rows = result.points[0]?.runs[0]?.dataset.tables[name];
  if (rows === undefined) throw new Error(`${result.id}: no table ${name} in the first run`);
  return rows;
}

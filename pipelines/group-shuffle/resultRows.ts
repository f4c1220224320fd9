// Helpers shared by the Group-and-Shuffle plot and table modules: table rows pooled over seeds and summarised.
import type {Cell, ExperimentResult, Row, Summary} from "../../src/contract/index.js";
import {summarize} from "../../src/stats/summary.js";

/** A group of rows with equal key columns: the key values and a summary over seeds of one numeric column. */
export interface RowSummary {
  key: Record<string, Cell>;
  summary: Summary;
}

/** The rows of table `name` of the first point's first run (deterministic pipelines run one seed). */
export function firstRunTable(result: ExperimentResult, name: string): Row[] {
  const rows = result.points[0]?.runs[0]?.dataset.tables[name];
  if (rows === undefined) throw new Error(`${result.id}: no table ${name} in the first run`);
  return rows;
}

/**
 * Pools table `name` over every run of the first point, groups rows by the `keys` columns (in order of first
 * appearance) and summarises column `value` over each group (one row per seed and group, so over seeds).
 */
export function summarizeRows(
  result: ExperimentResult,
  name: string,
  keys: readonly string[],
  value: string
): RowSummary[] {
  const point = result.points[0];
  if (point === undefined) throw new Error(`${result.id}: no points`);
  const groups = new Map<string, {key: Record<string, Cell>; values: number[]}>();
  for (const run of point.runs) {
    const rows = run.dataset.tables[name];
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
  return [...groups.values()].map(({key, values}) => ({key, summary: summarize(values)}));
}

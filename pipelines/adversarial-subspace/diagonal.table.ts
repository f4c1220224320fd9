// Table of A1: distance to the first label flip along (1, −1)/√2 for each of the seven points and each run.
import {summarizeRows} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {TableModule} from "../../src/contract/index.js";
import type {Table, TableCell} from "../../src/tables/table.js";
import {diagonalRuns} from "./diagonal.js";

/** One row per point (t, label), one column per run: the flip distance, mean ± sd over seeds (capped at s_max). */
export const flipDistanceTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const summaries = summarizeRows(result, "flips", ["point", "t", "y", "run"], "flip");
    const rows = new Map<number, Record<string, TableCell>>();
    for (const {key, summary} of summaries) {
      const point = key.point as number;
      const row = rows.get(point) ?? {t: key.t as number, label: (key.y as number) > 0 ? "+1" : "−1"};
      row[runKey(key.run as string)] = summary.n > 1 ? {mean: summary.mean, sd: summary.sd} : summary.mean;
      rows.set(point, row);
    }
    return {
      columns: [
        {key: "t", label: "point (t, t)", format: {type: "fixed", decimals: 3}},
        {key: "label", label: "label"},
        ...diagonalRuns.map((run) => ({
          key: runKey(run),
          label: run,
          group: "flip distance along (1, −1)/√2",
          format: {type: "fixed" as const, decimals: 2}
        }))
      ],
      rows: [...rows.keys()].sort((a, b) => a - b).map((point) => rows.get(point)!)
    };
  }
};

function runKey(run: string): string {
  return run.replace(/ /g, "_");
}

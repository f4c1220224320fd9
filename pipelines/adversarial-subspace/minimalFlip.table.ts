// Table of A4: median minimal orthogonal flips per (d, β), against the first-order size, mean ± sd over seeds.
import {summarizeRows} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {TableModule} from "../../src/contract/index.js";
import type {Table, TableCell} from "../../src/tables/table.js";

/** One row per (d, β): medians over test points of r⋆, r⋆/‖x‖, |N|/‖g⊥‖, their ratio and the projected-step flip. */
export const minimalFlipTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const columns = ["r", "r_over_norm", "linear", "ratio", "projected"] as const;
    const groups = new Map<string, Record<string, TableCell>>();
    for (const column of columns) {
      for (const {key, summary} of summarizeRows(result, "medians", ["d", "ell", "beta"], column)) {
        const id = `${key.d}|${key.beta}`;
        const row = groups.get(id) ?? {d: key.d as number, ell: key.ell as number, beta: key.beta as number};
        row[column] = summary.n > 1 ? {mean: summary.mean, sd: summary.sd} : summary.mean;
        groups.set(id, row);
      }
    }
    return {
      columns: [
        {key: "d", label: "d", format: {type: "integer"}},
        {key: "ell", label: "ℓ = d − k", format: {type: "integer"}},
        {key: "beta", label: "β"},
        {key: "r", label: "r⋆", group: "median over test points"},
        {key: "r_over_norm", label: "r⋆/‖x‖", group: "median over test points"},
        {key: "linear", label: "|N|/‖g⊥‖", group: "median over test points"},
        {key: "ratio", label: "r⋆‖g⊥‖/|N|", group: "median over test points"},
        {key: "projected", label: "projected steps", group: "median over test points"}
      ],
      rows: [...groups.values()]
    };
  }
};

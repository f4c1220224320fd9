// Table of A5: robust accuracy under the universal orthogonal perturbation for each ε, mean ± sd over seeds.
import {summarizeRows} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {TableModule} from "../../src/contract/index.js";
import type {Column, Table, TableCell} from "../../src/tables/table.js";
import {universalSeries} from "./universal.js";

/** One row per network (and the random control), one column per ε. */
export const robustAccuracyTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const summaries = summarizeRows(result, "accuracy", ["series", "epsilon"], "accuracy");
    const epsilons = [...new Set(summaries.map((s) => s.key.epsilon as number))].sort((a, b) => a - b);
    const params = result.points[0].params;
    const labels: Record<string, string> = {
      "β = 1": "universal ẑ, β = 1",
      "small β": `universal ẑ, β = ${params.beta_small as number}`,
      "weight decay": `universal ẑ, β = 1, λ = ${params.lambda as number}`,
      "random direction": "random direction of P⊥, β = 1"
    };
    const rows = universalSeries.map((series) => {
      const row: Record<string, TableCell> = {attack: labels[series]};
      for (const s of summaries.filter((x) => x.key.series === series)) {
        row[`e${s.key.epsilon as number}`] =
          s.summary.n > 1 ? {mean: s.summary.mean, sd: s.summary.sd} : s.summary.mean;
      }
      return row;
    });
    const columns: Column[] = [
      {key: "attack", label: "perturbation"},
      ...epsilons.map((e): Column => ({
        key: `e${e}`,
        label: `ε = ${e}`,
        group: "robust accuracy",
        format: {type: "fixed", decimals: 3}
      }))
    ];
    return {columns, rows};
  }
};

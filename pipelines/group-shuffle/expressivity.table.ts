// Table of E6: relative errors of OFT, BOFT and GS fits to every target at each equal parameter budget.
import {summarizeRows} from "../../src/contract/index.js";
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import type {Table, TableCell} from "../../src/tables/table.js";

/**
 * One row per (n, c, target): the raw parameter count 2nc and the relative error ‖Q − T‖_F/‖T‖_F of OFT (block
 * 2c), BOFT (c, m = 2) and GS (block c) after the sweeps, mean ± sd over seeds.
 */
export const expressivityTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const summaries = summarizeRows(result, "fits", ["n", "budget", "target", "method"], "error");
    const rows = new Map<string, Record<string, TableCell>>();
    for (const {key, summary} of summaries) {
      const id = `${key.n}|${key.budget}|${key.target}`;
      const row = rows.get(id) ?? {
        n: key.n as number,
        c: key.budget as number,
        parameters: 2 * (key.n as number) * (key.budget as number),
        target: targetLabel(key.target as string)
      };
      row[(key.method as string).toLowerCase()] = summary.n > 1 ? {mean: summary.mean, sd: summary.sd} : summary.mean;
      rows.set(id, row);
    }
    return {
      columns: [
        {key: "n", label: "n", format: {type: "integer"}},
        {key: "c", label: "c", format: {type: "integer"}},
        {key: "parameters", label: "parameters 2nc", format: {type: "integer"}},
        {key: "target", label: "target T"},
        {key: "oft", label: "OFT, block 2c", group: "relative error"},
        {key: "boft", label: "BOFT, (c, m = 2)", group: "relative error"},
        {key: "gs", label: "GS, block c", group: "relative error"}
      ],
      rows: [...rows.values()]
    };
  }
};

// A target name of the pipeline as written in the table: "Haar", "exp(0.5·S)", "GS class".
function targetLabel(target: string): string {
  if (target === "haar") return "Haar";
  return target.replace(/S\)$/, "·S)");
}

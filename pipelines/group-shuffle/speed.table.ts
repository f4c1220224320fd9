// Table of E8: multiply–adds of the batched applies at the largest size, with speed-ups over dense.
import {firstRunRows} from "../../src/contract/index.js";
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import type {Table} from "../../src/tables/table.js";

/**
 * The largest n of the sweep, the dense apply once, then per block size GS with two factors, the dense GS
 * product and the dense BOFT product: factors, multiply–adds for the batch, speed-up over dense and the largest
 * relative difference of the fast apply from the dense product.
 */
export const speedTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const rows = firstRunRows(result, "costs");
    const n = Math.max(...rows.map((row) => row.n as number));
    const first = Math.min(...rows.filter((row) => row.n === n).map((row) => row.b as number));
    return {
      columns: [
        {key: "b", label: "b", format: {type: "integer"}},
        {key: "structure", label: "structure"},
        {key: "factors", label: "factors m", format: {type: "integer"}},
        {key: "multiply_adds", label: `multiply–adds (n = ${n})`, format: {type: "integer"}},
        {key: "speedup", label: "speed-up over dense", format: {type: "significant", digits: 3}},
        {key: "error", label: "max relative error", format: {type: "significant", digits: 2}}
      ],
      rows: rows
        .filter((row) => row.n === n && (row.structure !== "dense" || row.b === first))
        .map((row) => ({
          b: row.structure === "dense" ? null : (row.b as number),
          structure: row.structure as string,
          factors: row.factors as number,
          multiply_adds: row.multiply_adds as number,
          speedup: row.speedup_vs_dense as number,
          error: row.structure === "dense" ? null : (row.apply_error as number)
        }))
    };
  }
};

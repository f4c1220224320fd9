// Table of E3: Theorem 2's least numbers of factors for a dense product, as printed in the spec and as observed.
import {firstRunRows} from "../../src/contract/index.js";
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import type {Table} from "../../src/tables/table.js";

/**
 * One row per (r, b) of the spec's density table: n, then for GS and for BOFT the formula (1 + ⌈log_b r⌉,
 * 1 + ⌈log₂ r⌉), the value printed in the spec and the value found by support propagation (a dash where BOFT's
 * butterfly does not apply: odd b).
 */
export const densityTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const spec = firstRunRows(result, "spec_table");
    const grid = firstRunRows(result, "min_factors");
    return {
      columns: [
        {key: "r", label: "r", format: {type: "integer"}},
        {key: "b", label: "b", format: {type: "integer"}},
        {key: "n", label: "n = rb", format: {type: "integer"}},
        {
          key: "gs_formula",
          label: "1 + ⌈log_b r⌉",
          latex: "$1 + \\lceil\\log_b r\\rceil$",
          format: {type: "integer"},
          group: "GS"
        },
        {key: "gs_spec", label: "spec", format: {type: "integer"}, published: true, group: "GS"},
        {key: "gs_observed", label: "observed", format: {type: "integer"}, group: "GS"},
        {
          key: "boft_formula",
          label: "1 + ⌈log₂ r⌉",
          latex: "$1 + \\lceil\\log_2 r\\rceil$",
          format: {type: "integer"},
          group: "BOFT"
        },
        {key: "boft_spec", label: "spec", format: {type: "integer"}, published: true, group: "BOFT"},
        {key: "boft_observed", label: "observed", format: {type: "integer"}, group: "BOFT"}
      ],
      rows: spec.map((row) => {
        const cell = grid.find((g) => g.r === row.r && g.b === row.b);
        const applicable = row.boft_applicable === true;
        return {
          r: row.r as number,
          b: row.b as number,
          n: (row.r as number) * (row.b as number),
          gs_formula: (cell?.gs_formula as number | undefined) ?? null,
          gs_spec: row.gs_spec as number,
          gs_observed: cell === undefined ? null : (row.gs_observed as number),
          boft_formula: applicable ? ((cell?.boft_formula as number | undefined) ?? null) : null,
          boft_spec: applicable ? (row.boft_spec as number) : null,
          boft_observed: applicable && cell !== undefined ? (row.boft_observed as number) : null
        };
      })
    };
  }
};

// Table of E5: Algorithm 1 on every layout: exactness on GS members, the discarded spectrum, perturbation trials.
import {firstRunRows} from "../../src/contract/index.js";
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import type {Table} from "../../src/tables/table.js";

/**
 * One row per layout: size, parameters of the factors, ‖π(A) − A‖/‖A‖ for a random member A of the class, the
 * relative distance of a random dense matrix from the class, the gap between ‖A − π(A)‖² and the discarded σ²
 * (relative to ‖A‖²), and how many random perturbations of the projection's factors came closer.
 */
export const projectionTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const rows = firstRunRows(result, "layouts");
    const perturbations = result.points[0].params.perturbations as number;
    return {
      columns: [
        {key: "layout", label: "layout"},
        {key: "size", label: "size"},
        {key: "parameters", label: "parameters", format: {type: "integer"}},
        {key: "exactness_error", label: "member: ‖π(A) − A‖/‖A‖", format: {type: "significant", digits: 2}},
        {key: "relative_projection_error", label: "dense A: ‖A − π(A)‖/‖A‖", format: {type: "fixed", decimals: 3}},
        {key: "discarded_identity_error", label: "gap to discarded σ²", format: {type: "significant", digits: 2}},
        {key: "perturbations_better", label: `closer perturbations (of ${perturbations})`, format: {type: "integer"}}
      ],
      rows: rows.map((row) => ({
        layout: row.layout as string,
        size: `${row.rows}×${row.cols}`,
        parameters: row.parameters as number,
        exactness_error: row.exactness_error as number,
        relative_projection_error: row.relative_projection_error as number,
        discarded_identity_error: row.discarded_identity_error as number,
        perturbations_better: row.perturbations_better as number
      }))
    };
  }
};

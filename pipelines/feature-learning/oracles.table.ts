// Table of E1: the ReLU and erf kernels in closed form against Monte Carlo estimates with their standard errors.
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";

/** One row per (activation, q, q′, c): closed form, Monte Carlo estimate, standard error and the gap in standard errors. */
export const kernelOraclesTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult) {
    const rows = result.points[0].runs[0].dataset.tables.kernels;
    return {
      columns: [
        {key: "activation", label: "σ", latex: "$\\sigma$", format: {type: "text"}},
        {key: "q", label: "q", latex: "$q$"},
        {key: "q_prime", label: "q′", latex: "$q'$"},
        {key: "c", label: "c", latex: "$c$"},
        {
          key: "closed_form",
          label: "κ closed form",
          latex: "$\\kappa$ closed form",
          format: {type: "significant", digits: 6}
        },
        {
          key: "monte_carlo",
          label: "κ Monte Carlo",
          latex: "$\\kappa$ Monte Carlo",
          format: {type: "significant", digits: 6}
        },
        {key: "standard_error", label: "standard error", format: {type: "significant", digits: 2}},
        {key: "z", label: "|gap| / s.e.", latex: "$|\\Delta|/\\mathrm{s.e.}$", format: {type: "fixed", decimals: 2}}
      ],
      rows: rows.map((row) => ({
        ...row,
        z: Math.abs((row.monte_carlo as number) - (row.closed_form as number)) / (row.standard_error as number)
      }))
    };
  }
};

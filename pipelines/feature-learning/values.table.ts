// Tables of measured values against theory for the feature-learning experiments: one row per sweep point, the
// measured scalar as mean ± sd over seeds beside its prediction.
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import type {Column, TableRow} from "../../src/tables/table.js";

/** A measured scalar, the scalar holding its prediction, and the column label. */
interface Pair {
  measured: string;
  theory: string;
  label: string;
}

/** A table module listing, at each sweep point, each measured scalar (mean ± sd) against its prediction. */
export function valuesTable(pairs: readonly Pair[]): TableModule {
  return {
    source: import.meta.url,
    table(result: ExperimentResult) {
      const columns: Column[] = result.sweep.map((name) => ({key: name, label: name}));
      pairs.forEach((pair, k) => {
        columns.push({key: `measured_${k}`, label: "measured", group: pair.label});
        columns.push({
          key: `theory_${k}`,
          label: "theory",
          group: pair.label,
          format: {type: "significant", digits: 4}
        });
      });
      const rows: TableRow[] = result.points.map((point) => {
        const row: TableRow = {};
        for (const name of result.sweep) row[name] = point.params[name] as number | string;
        pairs.forEach((pair, k) => {
          const m = point.summary[pair.measured];
          const t = point.summary[pair.theory];
          row[`measured_${k}`] = m ? (m.n > 1 ? {mean: m.mean, sd: m.sd} : m.mean) : null;
          row[`theory_${k}`] = t ? t.mean : null;
        });
        return row;
      });
      return {columns, rows};
    }
  };
}

/** E2: γ, slope, bulk s₀ and r² against their limits. */
export const spikeValuesTable = valuesTable([
  {measured: "gamma", theory: "gamma_theory", label: "γ"},
  {measured: "slope", theory: "slope_theory", label: "slope on z"},
  {measured: "bulk_s0", theory: "s0_theory", label: "bulk s₀"},
  {measured: "r2", theory: "r2_theory", label: "r²"}
]);

/** E4: the top three Gram eigenvalues, the odd-part outlier and the linear bulk edge. */
export const spectrumValuesTable = valuesTable([
  {measured: "lambda_1", theory: "lambda_1_theory", label: "λ₁"},
  {measured: "lambda_2", theory: "lambda_2_theory", label: "λ₂"},
  {measured: "lambda_3", theory: "lambda_3_theory", label: "λ₃"},
  {measured: "lambda_odd", theory: "lambda_odd_theory", label: "odd outlier"},
  {measured: "bulk_edge", theory: "bulk_edge_theory", label: "linear bulk edge"}
]);

/** E3: top eigenvalues of the feature Gram against k₁, and at initialisation against 1/2π. */
export const featureGramValuesTable = valuesTable([
  {measured: "lambda_1", theory: "lambda_1_theory", label: "λ₁"},
  {measured: "lambda_2", theory: "lambda_2_theory", label: "λ₂"},
  {measured: "lambda_init", theory: "lambda_init_theory", label: "λ₁ at init"}
]);

/** E6: He₂ coefficient of the top eigenvector against the target sector. */
export const mixingValuesTable = valuesTable([
  {measured: "coef_he2", theory: "coef_he2_theory", label: "He₂ coefficient"},
  {measured: "lambda_top_gram", theory: "lambda_top_theory", label: "λ_top"}
]);

/** E8: test MSE at the largest n₂ for each kernel. */
export const ridgeValuesTable = valuesTable([
  {measured: "mse_rf", theory: "mse_k1", label: "trained features vs k₁"},
  {measured: "mse_empirical", theory: "mse_k1", label: "Gaussian(W¹ᵀW¹/p) vs k₁"}
]);

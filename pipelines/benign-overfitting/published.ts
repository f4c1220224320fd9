// Values quoted from the paper, the authors' repository and an independent re-implementation, with their sources.
// Nothing here is computed: these are the numbers the experiments are compared with.

/** Where a quoted value comes from. */
export type Source = "heatmap-csv" | "heatmap-csv-average" | "gamma-plot" | "reference";

/** In words, for captions and tables. */
export const sources: Record<Source, string> = {
  "heatmap-csv":
    "range over n = 50–150 of the authors' d_over_n_heatmap.csv (kedar2/benign_overfitting), as summarised in the specification, §B.3",
  "heatmap-csv-average":
    "mean over n = 50–150 of the authors' d_over_n_heatmap.csv, as summarised in the specification, §7",
  "gamma-plot": "read off the authors' gamma_plot.png (Figure 2), specification §B.3",
  reference: "an independent NumPy re-implementation (specification §B.4 as corrected by §7)"
};

/** The published heatmap (Figure 1): range of the test error over n = 50 … 150 in each d/n column. */
export interface HeatmapColumn {
  dOverN: number;
  low: number;
  high: number;
  /** Mean over n, where the specification gives it (§7). */
  mean?: number;
  note?: string;
}

/**
 * Ranges per column (§B.3). The specification gives no separate range for d/n = 6; it lists d/n ≥ 7 as "mostly
 * 0–0.003" with outliers 0.022 at (50, 9) and 0.023 at (60, 6). Columns 6–10 therefore get [0, 0.023], the range
 * that covers every quoted value of those columns including the outliers.
 */
export const heatmapColumns: readonly HeatmapColumn[] = [
  {dOverN: 1, low: 0.053, high: 0.094, mean: 0.071},
  {dOverN: 2, low: 0.007, high: 0.038, mean: 0.024},
  {dOverN: 3, low: 0.002, high: 0.022, mean: 0.009},
  {dOverN: 4, low: 0.0006, high: 0.027},
  {dOverN: 5, low: 0, high: 0.011},
  {dOverN: 6, low: 0, high: 0.023, note: "outlier 0.023 at n = 60"},
  {dOverN: 7, low: 0, high: 0.023, note: "mostly 0–0.003"},
  {dOverN: 8, low: 0, high: 0.023, note: "mostly 0–0.003"},
  {dOverN: 9, low: 0, high: 0.023, note: "outlier 0.022 at n = 50"},
  {dOverN: 10, low: 0, high: 0.023, note: "mostly 0–0.003"}
];

/** The published column of d/n, or undefined off the grid. */
export function heatmapColumn(dOverN: number): HeatmapColumn | undefined {
  return heatmapColumns.find((c) => c.dOverN === dOverN);
}

/** Figure 2 of the paper as read off gamma_plot.png (§B.3): test error at (n, γ); all curves start near 0.5. */
export const gammaPlot: readonly {n: number; gamma: number; error: number}[] = [
  {n: 50, gamma: 0.01, error: 0.37},
  {n: 50, gamma: 0.02, error: 0.25},
  {n: 50, gamma: 0.03, error: 0.09},
  {n: 50, gamma: 0.04, error: 0.05},
  {n: 100, gamma: 0.01, error: 0.19},
  {n: 100, gamma: 0.02, error: 0.04},
  {n: 150, gamma: 0.01, error: 0.1},
  {n: 200, gamma: 0.01, error: 0.057}
];

/** Reference values of the independent re-implementation (S_err, code defaults; §B.4 and §7). */
export const gammaReference: readonly {n: number; gamma: number; error: number; trials: number}[] = [
  {n: 50, gamma: 0, error: 0.5, trials: 10},
  {n: 50, gamma: 0.01, error: 0.33, trials: 10},
  {n: 50, gamma: 0.02, error: 0.2, trials: 10},
  {n: 50, gamma: 0.03, error: 0.081, trials: 40},
  {n: 50, gamma: 0.05, error: 0.031, trials: 40},
  {n: 50, gamma: 0.09, error: 0.017, trials: 40},
  {n: 100, gamma: 0, error: 0.5, trials: 10},
  {n: 100, gamma: 0.01, error: 0.14, trials: 10},
  {n: 100, gamma: 0.02, error: 0.06, trials: 10},
  {n: 100, gamma: 0.04, error: 0.045, trials: 10},
  {n: 100, gamma: 0.09, error: 0.036, trials: 10},
  {n: 200, gamma: 0, error: 0.5, trials: 5},
  {n: 200, gamma: 0.01, error: 0.038, trials: 5},
  {n: 200, gamma: 0.02, error: 0.016, trials: 5},
  {n: 200, gamma: 0.05, error: 0.014, trials: 5}
];

// B2 (the paper's Figure 1): one cell (n, d/n) of the test-error heatmap at γ = 5/n, and a column summary over n.
import {real, reals} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {heatmapColumn} from "./published.js";
import {dimension} from "./train.js";
import {networkParams, networkSettings, runTrial, trialOutputs, trialOutputsWith} from "./trial.js";

/**
 * One trial at one cell of the heatmap: n points in d = d_over_n·n dimensions with γ = gamma_n/n, trained to both
 * stopping rules; adds the published range of the test error over n in this d/n column (published_low/high) when
 * the column is on the published grid.
 */
export const heatmapCell = pipeline({
  id: "benign-overfitting/heatmap-cell",
  description: "One heatmap cell (n, d/n) at γ = 5/n: one trial, both stopping rules, with the published column range.",
  source: import.meta.url,
  params: {
    n: real(100, "training points n (an integer)", {min: 4, max: 2000}),
    d_over_n: real(1, "d/n", {min: 0.05, max: 100}),
    gamma_n: real(5, "γ = gamma_n/n", {min: 0, max: 1000}),
    ...networkParams
  },
  outputs: {
    scalars: {
      ...trialOutputs,
      published_low: {
        description: "lowest published test error in this d/n column",
        when: "d_over_n is a published column (1…10)"
      },
      published_high: {
        description: "highest published test error in this d/n column",
        when: "d_over_n is a published column (1…10)"
      }
    },
    tables: {}
  },
  run(params, rng) {
    const n = params.n;
    if (!Number.isInteger(n)) throw new Error(`n must be an integer, got ${n}`);
    const d = dimension(params.d_over_n, n);
    const scalars = runTrial({n, d, gamma: params.gamma_n / n, ...networkSettings(params, n)}, rng);
    const published = heatmapColumn(params.d_over_n);
    if (published) {
      scalars.published_low = published.low;
      scalars.published_high = published.high;
    }
    return {scalars, tables: {}};
  }
});

/**
 * One d/n column of the heatmap for one trial: the cells n ∈ n_values with exactly the random streams of
 * heatmap-cell at the same seed (so each cell's numbers are the same), and their mean over n, beside the
 * published mean of the column where the specification gives one.
 */
export const heatmapColumnMean = pipeline({
  id: "benign-overfitting/heatmap-column",
  description: "Mean test error over n of one heatmap column d/n at γ = 5/n, one trial per n.",
  source: import.meta.url,
  params: {
    d_over_n: real(1, "d/n", {min: 0.05, max: 100}),
    n_values: reals([50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150], "training set sizes n", {min: 4, max: 2000}),
    gamma_n: real(5, "γ = gamma_n/n", {min: 0, max: 1000}),
    ...networkParams
  },
  outputs: {
    scalars: {
      ...trialOutputsWith(["test_error_err"], "_n{n}", "in the cell n of this column"),
      mean_error_err: "mean over n_values of test_error_err",
      mean_error_loss: "mean over n_values of test_error_loss",
      published_mean: {description: "published mean test error of this column", when: "d_over_n is 1, 2 or 3"}
    },
    tables: {}
  },
  run(params, rng) {
    let sumErr = 0;
    let sumLoss = 0;
    const scalars: Record<string, number> = {};
    for (const n of params.n_values) {
      if (!Number.isInteger(n)) throw new Error(`n_values must be integers, got ${n}`);
      const d = dimension(params.d_over_n, n);
      const trial = runTrial({n, d, gamma: params.gamma_n / n, ...networkSettings(params, n)}, rng);
      scalars[`test_error_err_n${n}`] = trial.test_error_err;
      sumErr += trial.test_error_err;
      sumLoss += trial.test_error_loss;
    }
    scalars.mean_error_err = sumErr / params.n_values.length;
    scalars.mean_error_loss = sumLoss / params.n_values.length;
    const published = heatmapColumn(params.d_over_n);
    if (published?.mean !== undefined) scalars.published_mean = published.mean;
    return {scalars, tables: {}};
  }
});

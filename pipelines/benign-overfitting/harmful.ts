// B5: the harmful regime (Theorem 3.4) and the signal-to-noise ratio of Appendix D against the test error.
import {real} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {spearman} from "./spearman.js";
import {dimension} from "./train.js";
import {networkParams, networkSettings, runTrial, trialOutputsWith} from "./trial.js";

/** The signal levels of the experiment, as functions of (α, n, d). */
export const signalLevels: readonly {
  key: string;
  label: string;
  gamma: (alpha: number, n: number, d: number) => number;
}[] = [
  {key: "zero", label: "0", gamma: () => 0},
  {key: "alpha3_d", label: "α³/d", gamma: (a, _n, d) => a ** 3 / d},
  {key: "one_d", label: "1/d", gamma: (_a, _n, d) => 1 / d},
  {key: "one_n", label: "1/n", gamma: (_a, n) => 1 / n},
  {key: "two_n", label: "2/n", gamma: (_a, n) => 2 / n},
  {key: "five_n", label: "5/n", gamma: (_a, n) => 5 / n},
  {key: "ten_n", label: "10/n", gamma: (_a, n) => 10 / n},
  {key: "twenty_n", label: "20/n", gamma: (_a, n) => 20 / n}
];

// The trial scalars kept at each signal level.
const levelScalars = [
  "test_error_err",
  "test_error_loss",
  "snr_err",
  "snr_loss",
  "a_min_err",
  "z_norm_err",
  "a_lin_err",
  "z_lin_err",
  "a_min_loss",
  "z_norm_loss"
];

/**
 * At one (n, d) and seed, one trial per signal level γ ∈ {0, α³/d, 1/d, 1/n, 2/n, 5/n, 10/n, 20/n} (common random
 * numbers across levels): test error and the Appendix D quantities at both stopping rules, as `<name>_<level>`,
 * and Spearman's rank correlation between SNR and test error over the levels.
 */
export const harmful = pipeline({
  id: "benign-overfitting/harmful",
  description: "Test error and Appendix D's SNR over signal levels from 0 to 20/n, with their rank correlation.",
  source: import.meta.url,
  params: {
    // The levels reach γ = 20/n, which must stay below 1: n > 20.
    n: real(100, "training points n (an integer)", {min: 21, max: 2000}),
    d_over_n: real(2, "d/n", {min: 0.05, max: 100}),
    ...networkParams
  },
  outputs: {
    scalars: {
      "gamma_{level}": `signal strength γ of level {level}: ${signalLevels.map((level) => level.key).join(", ")}`,
      ...trialOutputsWith(levelScalars, "_{level}", "in the trial at that level"),
      spearman_err: "Spearman rank correlation of snr_err and test_error_err over the levels",
      spearman_loss: "Spearman rank correlation of snr_loss and test_error_loss over the levels"
    },
    tables: {}
  },
  run(params, rng) {
    const n = params.n;
    const d = dimension(params.d_over_n, n);
    const scalars: Record<string, number> = {};
    const columns: Record<string, number[]> = {snr_err: [], test_error_err: [], snr_loss: [], test_error_loss: []};
    for (const level of signalLevels) {
      const gamma = level.gamma(params.alpha, n, d);
      const trial = runTrial({n, d, gamma, ...networkSettings(params, n)}, rng);
      scalars[`gamma_${level.key}`] = gamma;
      for (const name of levelScalars) scalars[`${name}_${level.key}`] = trial[name];
      for (const name of Object.keys(columns)) columns[name].push(trial[name]);
    }
    scalars.spearman_err = spearman(columns.snr_err, columns.test_error_err);
    scalars.spearman_loss = spearman(columns.snr_loss, columns.test_error_loss);
    return {scalars, tables: {}};
  }
});

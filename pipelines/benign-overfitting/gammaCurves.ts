// B1 (the paper's Figure 2): test error against the signal strength γ for several n, with d = 2n.
import {real, reals} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {gammaReference} from "./published.js";
import {dimension} from "./train.js";
import {networkParams, networkSettings, runTrial, trialOutputsWith} from "./trial.js";

// The trial scalars kept for each n.
const curveScalars = [
  "test_error_err",
  "test_error_loss",
  "train_error_err",
  "train_error_loss",
  "steps_err",
  "steps_loss",
  "snr_err",
  "flipped"
];

/**
 * At one γ and one seed, one trial per n in n_values (d = d_over_n·n): scalars `<name>_n<n>` for test error,
 * training error, steps and SNR at both stopping rules, and `reference_n<n>` where the independent
 * re-implementation reports a value at (n, γ).
 */
export const gammaCurves = pipeline({
  id: "benign-overfitting/gamma-curves",
  description: "Test error at one signal strength γ for several n (d = 2n): one trial per n, both stopping rules.",
  source: import.meta.url,
  params: {
    gamma: real(0.01, "signal strength γ", {min: 0, max: 0.99}),
    n_values: reals([50, 100, 200], "training set sizes n", {min: 4, max: 2000}),
    d_over_n: real(2, "d/n", {min: 0.05, max: 100}),
    ...networkParams
  },
  outputs: {
    scalars: {
      ...trialOutputsWith(curveScalars, "_n{n}", "in the trial at n (d = d_over_n·n)"),
      "reference_n{n}": {
        description: "test error the independent re-implementation reports at (n, γ)",
        when: "it reports one at (n, γ)"
      },
      max_train_error_err: "max over n of train_error_err_n{n}",
      max_train_error_loss: "max over n of train_error_loss_n{n}"
    },
    tables: {}
  },
  run(params, rng) {
    const scalars: Record<string, number> = {};
    for (const n of params.n_values) {
      if (!Number.isInteger(n)) throw new Error(`n_values must be integers, got ${n}`);
      const d = dimension(params.d_over_n, n);
      const trial = runTrial({n, d, gamma: params.gamma, ...networkSettings(params, n)}, rng);
      for (const name of curveScalars) scalars[`${name}_n${n}`] = trial[name];
      const reference = gammaReference.find((r) => r.n === n && Math.abs(r.gamma - params.gamma) < 1e-12);
      if (reference) scalars[`reference_n${n}`] = reference.error;
    }
    scalars.max_train_error_err = Math.max(...params.n_values.map((n) => scalars[`train_error_err_n${n}`]));
    scalars.max_train_error_loss = Math.max(...params.n_values.map((n) => scalars[`train_error_loss_n${n}`]));
    return {scalars, tables: {}};
  }
});

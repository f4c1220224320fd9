// One trial at one configuration (n, d, γ, α, …): the pipeline behind `orthogonal run` checks and the stopping-rule
// ablation. The heatmap and the γ curves run the same trial (trial.ts) with the same random streams.
import {integer, real} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {networkParams, networkSettings, runTrial, trialOutputs} from "./trial.js";

/** The largest input dimension: n×d data of 2000 × 100,000 doubles take 1.6 GB. */
const maxDimension = 100_000;

/** Parameters fixing n, d and γ, shared by the single-configuration pipelines. */
export const configurationParams = {
  n: integer(100, "training points n", {min: 4, max: 2000}),
  d: integer(0, "input dimension d; 0 means d = round(d_over_n·n)", {min: 0, max: maxDimension}),
  d_over_n: real(2, "d/n, used when d = 0", {min: 0.05, max: 100}),
  gamma: real(0.05, "signal strength γ (used when gamma_n = 0)", {min: 0, max: 0.99}),
  gamma_n: real(0, "if > 0, γ = gamma_n/n (the heatmap's γ = 5/n)", {min: 0, max: 1000})
} as const;

/** The (n, d, γ) of a configuration. */
export function configuration(params: {n: number; d: number; d_over_n: number; gamma: number; gamma_n: number}): {
  n: number;
  d: number;
  gamma: number;
} {
  const n = params.n;
  const d = params.d > 0 ? params.d : dimension(params.d_over_n, n);
  const gamma = params.gamma_n > 0 ? params.gamma_n / n : params.gamma;
  if (d < 2) throw new Error(`d must be at least 2, got ${d}`);
  if (!(gamma < 1)) throw new Error(`γ = ${gamma} must be below 1`);
  return {n, d, gamma};
}

/**
 * d = round(d_over_n·n), refused below 2 (with one coordinate the data of Definition 2.1 has no noise subspace, and
 * the signal-to-noise ratio of Appendix D divides by zero) and above the largest d a configuration declares.
 */
export function dimension(dOverN: number, n: number): number {
  const d = Math.round(dOverN * n);
  const limit = `at d_over_n = ${dOverN}, n = ${n}`;
  if (d < 2) throw new Error(`d = round(d_over_n·n) = ${d} ${limit}: d must be at least 2`);
  if (d > maxDimension) throw new Error(`d = round(d_over_n·n) = ${d} ${limit}: d must be at most ${maxDimension}`);
  return d;
}

/**
 * Draws n training points of Definition 2.1 in dimension d with signal γ and noisy labels, trains the leaky-ReLU
 * network of eq. (1) by full-batch gradient descent on the summed hinge loss to zero training error and on to zero
 * hinge loss, and reports test error on clean points, steps, weight norms and the Appendix D quantities for both.
 */
export const train = pipeline({
  id: "benign-overfitting/train",
  description:
    "One trial: data of Definition 2.1, the leaky-ReLU network trained to zero training error and to zero hinge loss.",
  source: import.meta.url,
  params: {...configurationParams, ...networkParams},
  outputs: {scalars: trialOutputs, tables: {}},
  run(params, rng) {
    const {n, d, gamma} = configuration(params);
    return {scalars: runTrial({n, d, gamma, ...networkSettings(params, n)}, rng), tables: {}};
  }
});

// One trial of the paper's experiments: draw data (Definition 2.1), train the network of eq. (1) to both stopping
// rules, and measure test error and the signal-to-noise quantities of Appendix D.
import {multiplyVector} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {choice, integer, real} from "../../src/contract/index.js";
import type {Rng} from "../../src/random/rng.js";
import type {Activation} from "../two-layer/activation.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import type {LabelNoise} from "./data.js";
import {sample, signalDirection} from "./data.js";
import type {NetworkSettings, StoppingRule} from "./network.js";
import {classificationError, fullNetwork, initialWeights, trainBothRules} from "./network.js";

/** Everything that defines a trial besides the seed. */
export interface TrialSettings extends NetworkSettings {
  n: number;
  d: number;
  gamma: number;
  noise: LabelNoise;
  /** Number of clean test points. */
  testPoints: number;
}

/** The Appendix D quantities of a trained network W with rows w_j = a_j·v + z_j. */
export interface SignalToNoise {
  /** A_1 = f(W, v). */
  a1: number;
  /** A_{−1} = −f(W, −v). */
  aMinus1: number;
  /** A_min = min(A_1, A_{−1}). */
  aMin: number;
  /** ‖Z‖_F, Z with rows z_j. */
  zNorm: number;
  /** A_lin = Σ_j (−1)^j a_j. */
  aLin: number;
  /** ‖z_lin‖, z_lin = Σ_j (−1)^j z_j. */
  zLin: number;
  /** √(γd/((1 − γ)m))·A_min/‖Z‖_F (Lemma D.2's ratio, m = width/2). */
  snr: number;
}

/** Declared parameters of the network, training and label noise, with the authors' code's values as defaults. */
export const networkParams = {
  alpha: real(0.1, "leaky-ReLU slope α", {min: 0.001, max: 1}),
  width: integer(64, "hidden units 2m (the code's hidden_dim)", {min: 2, max: 1024}),
  outer: choice(
    ["alternating", "all-minus"],
    "alternating",
    "outer weights: the paper's (−1)^j, or all −1 as in the code that drew the published figures"
  ),
  init_scale: real(1, "W(0) entries are N(0, (init_scale/(2m·√d))²); 1 is the code's 1/(64√d)", {min: 0}),
  lr_scale: real(1, "step size η = lr_scale/(2m·n); 1 is the code's 1/(64n)", {min: 1e-6, max: 10}),
  label_noise: choice(
    ["probability", "count"],
    "probability",
    "flip each label with flip_probability (the code), or exactly round(flip_fraction·n) labels (the paper's k)"
  ),
  flip_probability: real(0.1, "probability of flipping each training label", {min: 0, max: 0.5}),
  flip_fraction: real(0.1, "k/n when label_noise is count", {min: 0, max: 0.5}),
  test_points: integer(1000, "clean test points", {min: 10, max: 100000}),
  max_steps: integer(400000, "cap on gradient steps (S_err and S_loss together)", {min: 1, max: 10_000_000})
} as const;

/** The network and noise part of TrialSettings from the declared parameters. */
export function networkSettings(
  params: {
    alpha: number;
    width: number;
    outer: "alternating" | "all-minus";
    init_scale: number;
    lr_scale: number;
    label_noise: "probability" | "count";
    flip_probability: number;
    flip_fraction: number;
    test_points: number;
    max_steps: number;
  },
  n: number
): Omit<TrialSettings, "n" | "d" | "gamma"> {
  if (params.width % 2 !== 0) throw new Error(`width must be even (2m), got ${params.width}`);
  return {
    width: params.width,
    alpha: params.alpha,
    outer: params.outer,
    initScale: params.init_scale,
    lrScale: params.lr_scale,
    maxSteps: params.max_steps,
    testPoints: params.test_points,
    noise:
      params.label_noise === "probability"
        ? {kind: "probability", probability: params.flip_probability}
        : {kind: "count", flips: Math.round(params.flip_fraction * n)}
  };
}

/**
 * Runs one trial. The random streams are forked from `rng` under the name "n<n>-d<d>", so a trial at the same
 * (n, d, seed) sees the same signal direction, training noise, labels, flips and W(0) whatever γ is (common random
 * numbers across γ) and whichever pipeline runs it. Scalars carry the suffix _err (stopped at zero training error,
 * S_err) or _loss (zero hinge loss, S_loss).
 */
export function runTrial(settings: TrialSettings, rng: Rng): Record<string, number> {
  const {n, d, gamma} = settings;
  if (!(gamma >= 0 && gamma < 1)) throw new Error(`gamma must be in [0, 1), got ${gamma}`);
  const stream = rng.fork(`n${n}-d${d}`);
  const v = signalDirection(d, stream.fork("signal"));
  const train = sample(n, v, gamma, stream.fork("train"), settings.noise);
  const W0 = initialWeights(settings.width, d, settings.initScale, stream.fork("init"));
  const pair = trainBothRules(W0, train.X, train.observed, settings);
  const test = sample(settings.testPoints, v, gamma, stream.fork("test"));
  const scalars: Record<string, number> = {
    gamma,
    d,
    n,
    flipped: train.flipped.length,
    learning_rate: pair.learningRate
  };
  for (const rule of ["error", "loss"] as const) {
    const suffix = rule === "error" ? "err" : "loss";
    const trained = rule === "error" ? pair.error : pair.loss;
    const net = fullNetwork(pair, rule);
    scalars[`steps_${suffix}`] = trained.steps;
    scalars[`stopped_${suffix}`] = trained.stopped ? 1 : 0;
    scalars[`min_margin_${suffix}`] = Math.min(...trained.margins);
    scalars[`train_error_${suffix}`] = trained.margins.filter((q) => !(q > 0)).length / n;
    scalars[`noisy_fitted_${suffix}`] =
      train.flipped.length === 0
        ? 1
        : train.flipped.filter((i) => trained.margins[i] > 0).length / train.flipped.length;
    scalars[`test_error_${suffix}`] = classificationError(net, test.X, test.clean, pair.activation);
    scalars[`weight_norm_${suffix}`] = frobenius(net.W);
    const s = signalToNoise(net, v, gamma, pair.activation);
    scalars[`a_min_${suffix}`] = s.aMin;
    scalars[`z_norm_${suffix}`] = s.zNorm;
    scalars[`a_lin_${suffix}`] = s.aLin;
    scalars[`z_lin_${suffix}`] = s.zLin;
    scalars[`snr_${suffix}`] = s.snr;
  }
  return scalars;
}

/** The quantities of Appendix D for a bias-free network with outer weights u. */
export function signalToNoise(
  net: TwoLayerNetwork,
  v: Float64Array,
  gamma: number,
  activation: Activation
): SignalToNoise {
  const {W, u} = net;
  const {rows: width, cols: d} = W;
  const a = multiplyVector(W, v);
  let f1 = 0;
  let fMinus1 = 0;
  let aLin = 0;
  let aSquares = 0;
  for (let j = 0; j < width; ++j) {
    f1 += u[j] * activation.value(a[j]);
    fMinus1 += u[j] * activation.value(-a[j]);
    aLin += u[j] * a[j];
    aSquares += a[j] * a[j];
  }
  const combined = new Float64Array(d);
  for (let j = 0; j < width; ++j) for (let q = 0; q < d; ++q) combined[q] += u[j] * W.data[j * d + q];
  const combinedSquares = combined.reduce((sum, x) => sum + x * x, 0);
  const zNorm = Math.sqrt(Math.max(0, frobenius(W) ** 2 - aSquares));
  const aMin = Math.min(f1, -fMinus1);
  const m = width / 2;
  return {
    a1: f1,
    aMinus1: -fMinus1,
    aMin,
    zNorm,
    aLin,
    zLin: Math.sqrt(Math.max(0, combinedSquares - aLin * aLin)),
    snr: (Math.sqrt((gamma * d) / ((1 - gamma) * m)) * aMin) / zNorm
  };
}

// What each trial scalar measured at one stopping rule is, before its suffix _err or _loss.
const perRule: Record<string, string> = {
  steps: "gradient steps taken",
  stopped: "1 when the stopping rule held, 0 when max_steps ended training",
  min_margin: "min ŷ_i·f(x_i) over the training points",
  train_error: "fraction of training points with ŷ_i·f(x_i) ≤ 0",
  noisy_fitted: "fraction of flipped training labels fitted (1 when none is flipped)",
  test_error: "classification error on the clean test points",
  weight_norm: "‖W‖_F",
  a_min: "A_min = min(f(W, v), −f(W, −v)), the signal the network puts on ±v",
  z_norm: "‖Z‖_F of the noise parts z_j of the rows w_j = a_j·v + z_j",
  a_lin: "A_lin = Σ_j u_j·a_j",
  z_lin: "‖Σ_j u_j·z_j‖",
  snr: "√(γd/((1 − γ)m))·A_min/‖Z‖_F, Lemma D.2's ratio"
};

/** The scalars of runTrial, declared: the configuration, then each quantity at both stopping rules. */
export const trialOutputs: Readonly<Record<string, string>> = {
  gamma: "signal strength γ",
  d: "input dimension d",
  n: "training points n",
  flipped: "number of flipped training labels",
  learning_rate: "step size η = lr_scale/(2m·n)",
  ...Object.fromEntries(
    Object.entries(perRule).flatMap(([name, text]) => [
      [`${name}_err`, `${text}, stopped at zero training error (S_err)`],
      [`${name}_loss`, `${text}, stopped at zero hinge loss (S_loss)`]
    ])
  )
};

/** The declarations of some trial scalars under names with a suffix, e.g. "test_error_err_n{n}" for one per n. */
export function trialOutputsWith(names: readonly string[], suffix: string, where: string): Record<string, string> {
  return Object.fromEntries(names.map((name) => [`${name}${suffix}`, `${trialOutputs[name]}, ${where}`]));
}

/** The stopping rule named by a suffix, for readers of the scalars. */
export const ruleSuffix: Record<StoppingRule, string> = {error: "err", loss: "loss"};

function frobenius(A: Matrix): number {
  return Math.sqrt(A.data.reduce((sum, x) => sum + x * x, 0));
}

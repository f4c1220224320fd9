// The network of Karhadkar et al., eq. (1): f(W, x) = Σ_{j=1}^{2m} (−1)^j σ(⟨w_j, x⟩) with leaky ReLU σ, fixed ±1
// outer weights and no biases, trained by full-batch gradient descent on the summed hinge loss (eq. 4) in the
// span of the training inputs. The network and the training loop are the shared ones of pipelines/two-layer.
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import type {Activation} from "../two-layer/activation.js";
import {leakyRelu} from "../two-layer/activation.js";
import {activeSetDescent} from "../two-layer/activeSetDescent.js";
import type {Trained} from "../two-layer/gradientDescent.js";
import {minimum} from "../two-layer/gradientDescent.js";
import {hinge} from "../two-layer/loss.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {outputs} from "../two-layer/network.js";
import {coordinates, expandWeights, spanBasis} from "../two-layer/span.js";

/** Outer weights: the paper's alternating (−1)^j, j = 1 … 2m, or all −1 (the version of the code that drew the figures). */
export type OuterWeights = "alternating" | "all-minus";

/** The two stopping rules: zero training error (the authors' code) and zero hinge loss (the paper's text). */
export type StoppingRule = "error" | "loss";

/** Network and training settings; the defaults of the authors' code are in the pipelines' parameters. */
export interface NetworkSettings {
  /** Number of hidden units 2m. */
  width: number;
  /** Leaky-ReLU slope α ∈ (0, 1]. */
  alpha: number;
  outer: OuterWeights;
  /** W(0) has entries N(0, (initScale/(2m·√d))²); 1 is the code's 1/(64√d) at 2m = 64. */
  initScale: number;
  /** η = lrScale/(2m·n); 1 is the code's 1/(64n) at 2m = 64. */
  lrScale: number;
  /** Largest number of gradient steps in all. */
  maxSteps: number;
}

/** The network after training, at both stopping rules along the same gradient-descent path. */
export interface TrainedPair {
  /** W(0), width×d. */
  W0: Matrix;
  /** Orthonormal basis of the span of the training inputs (d×n). */
  Q: Matrix;
  u: Float64Array;
  activation: Activation;
  learningRate: number;
  /** The run stopped at the first step with every margin ŷ_i f(x_i) > 0 (S_err). */
  error: Trained;
  /** The run continued from there to the first step with every margin ≥ 1 (S_loss); `steps` counts from step 0. */
  loss: Trained;
}

/** The outer weights (−1)^j for j = 1 … width (so the first is −1), or all −1. */
export function outerWeights(width: number, outer: OuterWeights): Float64Array {
  return Float64Array.from({length: width}, (_, i) => (outer === "all-minus" || i % 2 === 0 ? -1 : 1));
}

/** W(0) with independent N(0, (initScale/(width·√d))²) entries. */
export function initialWeights(width: number, d: number, initScale: number, rng: Rng): Matrix {
  const scale = initScale / (width * Math.sqrt(d));
  return matrix(
    width,
    d,
    rng.normals(width * d).map((x) => x * scale)
  );
}

/**
 * Trains the network of eq. (1) from W(0) on (X, ŷ) by full-batch gradient descent on the summed hinge loss, in the
 * coordinates of the span of the rows of X (exact: every gradient row Σ_i G_ij x_i lies in that span, and only
 * ⟨w_j, x_i⟩ enters the loss). It stops first at zero training error (S_err) and then continues along the same path
 * to zero hinge loss (S_loss); gradient descent has no state besides W, so the continuation is the S_loss run itself.
 */
export function trainBothRules(W0: Matrix, X: Matrix, labels: Float64Array, settings: NetworkSettings): TrainedPair {
  const {width, alpha, maxSteps} = settings;
  const n = X.rows;
  const activation = leakyRelu(alpha);
  const u = outerWeights(width, settings.outer);
  const learningRate = settings.lrScale / (width * n);
  const Q = spanBasis(X);
  const features = coordinates(X, Q);
  const start: TwoLayerNetwork = {W: coordinates(W0, Q), b: null, u, c: 0};
  const options = {activation, loss: hinge, total: "sum" as const, learningRate};
  const error = activeSetDescent(start, features, labels, {...options, maxSteps, stop: (q) => minimum(q) > 0});
  const rest = activeSetDescent(error.net, features, labels, {
    ...options,
    maxSteps: maxSteps - error.steps,
    stop: (q) => minimum(q) >= 1
  });
  const loss: Trained = {...rest, steps: error.steps + rest.steps};
  return {W0, Q, u, activation, learningRate, error, loss};
}

/** The trained d-dimensional network at one stopping rule: W = W(0)(I − QQᵀ) + C·Qᵀ. */
export function fullNetwork(pair: TrainedPair, rule: StoppingRule): TwoLayerNetwork {
  const reduced = rule === "error" ? pair.error : pair.loss;
  return {W: expandWeights(pair.W0, reduced.net.W, pair.Q, 1), b: null, u: pair.u, c: 0};
}

/** The fraction of rows of X whose sign of f differs from the label (f = 0 counts as an error). */
export function classificationError(
  net: TwoLayerNetwork,
  X: Matrix,
  labels: Float64Array,
  activation: Activation
): number {
  const f = outputs(net, X, activation);
  let wrong = 0;
  for (let i = 0; i < f.length; ++i) if (!(labels[i] * f[i] > 0)) wrong += 1;
  return wrong / f.length;
}

// Two-layer ReLU networks with biases trained on data in a subspace P (Melamed, Yehudai & Vardi, spec A.4), by
// full-batch gradient descent in the k coordinates of P (the span trick of ../two-layer/span.ts, exact here because
// every training input lies in P), and their input gradients split into the parts in P and in P⊥.
//
// Every row of ∂L/∂W is a combination of training inputs, so W(t)P⊥ = (1 − ηλ)^t·W(0)P⊥ for coupled weight decay
// λ: training moves only the coordinates C = W·U. The trained weights are W(T) = (1 − ηλ)^T·W(0)P⊥ + C(T)·Uᵀ.
import {multiply} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {relu} from "../two-layer/activation.js";
import {gradientDescent, minimum} from "../two-layer/gradientDescent.js";
import {logistic} from "../two-layer/loss.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {inputGradients, outputs, preActivations} from "../two-layer/network.js";
import {expandWeights} from "../two-layer/span.js";
import type {Subspace, SubspaceSample} from "./subspace.js";
import {embed, projectOut, rowNorms} from "./subspace.js";

/** Training settings of spec A.4 (mean logistic loss, fixed outer weights, trained W and b). */
export interface SubspaceTraining {
  /** Hidden width m. */
  width: number;
  /** Initial scale: W(0) entries ~ N(0, β²/d). */
  beta: number;
  /** Step size η. */
  learningRate: number;
  /** Coupled weight decay λ on W. */
  weightDecay: number;
  /** Decay the hidden biases too (default: W only). */
  decayBiases: boolean;
  /** Step cap. */
  maxSteps: number;
  /** Stop once min_i y_i·N(x_i) ≥ this margin (Infinity: run maxSteps). */
  targetMargin: number;
}

/** A network trained on subspace data, kept in the factored form W = decay·W(0)P⊥ + C·Uᵀ. */
export interface SubspaceNetwork {
  space: Subspace;
  beta: number;
  /** W(0), m×d. */
  W0: Matrix;
  /** W(0)P⊥, m×d: the component no gradient reaches. */
  W0perp: Matrix;
  /** Trained coordinates C = W(T)·U, m×k. */
  C: Matrix;
  b: Float64Array;
  u: Float64Array;
  /** (1 − ηλ)^T. */
  decay: number;
  steps: number;
  /** Whether the margin rule stopped training (false when the step cap did). */
  stopped: boolean;
  /** Training margins y_i·N(x_i) at the end. */
  margins: Float64Array;
}

/** Per-point input-gradient quantities of a subspace network at points of P. */
export interface GradientSplit {
  /** N(x). */
  outputs: Float64Array;
  /** ‖P∇ₓN(x)‖. */
  parallel: Float64Array;
  /** ‖P⊥∇ₓN(x)‖. */
  orthogonal: Float64Array;
  /** S(x) = Σ_j u_j²·1[w_j·x + b_j > 0]. */
  activeMass: Float64Array;
}

/** W(0) with entries N(0, β²/d), m×d. */
export function initialWeights(width: number, d: number, beta: number, rng: Rng): Matrix {
  const W = matrix(width, d, rng.normals(width * d));
  const scale = beta / Math.sqrt(d);
  for (let i = 0; i < W.data.length; ++i) W.data[i] *= scale;
  return W;
}

/** Fixed outer weights u_j = ±1/√m, alternating in sign (+ for even j). */
export function alternatingOuter(width: number): Float64Array {
  return Float64Array.from({length: width}, (_, j) => (j % 2 === 0 ? 1 : -1) / Math.sqrt(width));
}

/**
 * Trains N(x) = Σ_j u_j relu(w_j·x + b_j) from W(0), b(0) = 0 on `train` (points of `space`) by full-batch gradient
 * descent on the mean logistic loss, in the k coordinates of P (one gemm per product, no d-dimensional work per
 * step). W(0) is not modified.
 */
export function trainOnSubspace(
  space: Subspace,
  train: SubspaceSample,
  W0: Matrix,
  options: SubspaceTraining
): SubspaceNetwork {
  const {width: m, learningRate, weightDecay, maxSteps, targetMargin} = options;
  if (W0.rows !== m || W0.cols !== space.d)
    throw new Error(`trainOnSubspace: W(0) is ${W0.rows}×${W0.cols}, expected ${m}×${space.d}`);
  const initial: TwoLayerNetwork = {W: multiply(W0, space.U), b: new Float64Array(m), u: alternatingOuter(m), c: 0};
  const trained = gradientDescent(initial, train.F, train.y, {
    activation: relu,
    loss: logistic,
    total: "mean",
    learningRate,
    weightDecay,
    decay: {biases: options.decayBiases},
    train: {biases: true},
    maxSteps,
    stop: Number.isFinite(targetMargin) ? (margins) => minimum(margins) >= targetMargin : undefined
  });
  return {
    space,
    beta: options.beta,
    W0,
    W0perp: projectOut(W0, space.U),
    C: trained.net.W,
    b: trained.net.b!,
    u: trained.net.u,
    decay: trained.decayFactor,
    steps: trained.steps,
    stopped: trained.stopped,
    margins: trained.margins
  };
}

/** The d-dimensional two-layer network: W = decay·W(0)P⊥ + C·Uᵀ. */
export function fullNetwork(net: SubspaceNetwork): TwoLayerNetwork {
  return {W: expandWeights(net.W0, net.C, net.space.U, net.decay), b: net.b, u: net.u, c: 0};
}

/** N(x) at the points with coordinates F (points of P), computed in the coordinates. */
export function subspaceOutputs(net: SubspaceNetwork, F: Matrix): Float64Array {
  return outputs({W: net.C, b: net.b, u: net.u, c: 0}, F, relu);
}

/**
 * The input gradients of the full network at the points X = F·Uᵀ of P, split by the projector: ‖P∇N‖, ‖P⊥∇N‖,
 * with N(x) and S(x). All in R^d through gemm (the factored form is not used, so this checks it).
 */
export function gradientSplit(
  net: SubspaceNetwork,
  F: Matrix,
  full: TwoLayerNetwork = fullNetwork(net)
): GradientSplit {
  const X = embed(F, net.space.U);
  const G = inputGradients(full, X, relu);
  const Gperp = projectOut(G, net.space.U);
  const Gpar = matrix(G.rows, G.cols);
  for (let i = 0; i < G.data.length; ++i) Gpar.data[i] = G.data[i] - Gperp.data[i];
  const Z = preActivations(full, X);
  const m = full.u.length;
  const activeMass = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; ++i) {
    let s = 0;
    for (let j = 0; j < m; ++j) if (Z.data[i * m + j] > 0) s += full.u[j] * full.u[j];
    activeMass[i] = s;
  }
  return {outputs: outputs(full, X, relu), parallel: rowNorms(Gpar), orthogonal: rowNorms(Gperp), activeMass};
}

/** The median of a list of numbers (mean of the middle two for an even count). */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) throw new Error("median: no values");
  return n % 2 === 1 ? sorted[(n - 1) / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
}

/** The mean of a list of numbers. */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; ++i) s += values[i];
  return s / values.length;
}

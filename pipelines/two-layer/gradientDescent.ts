// Full-batch gradient descent for two-layer networks, with coupled weight decay and a stopping rule on the margins.
//
// One step computes the pre-activations Z = F·Wᵀ + b and the gradient Gᵀ·F by gemm (fixed summation order, so a
// run is bit-for-bit reproducible), then updates every trained parameter θ ← θ − η(∂L/∂θ + λθ) (coupled weight
// decay, as PyTorch's SGD(weight_decay=λ)). The features F may be the inputs themselves or their coordinates in an
// orthonormal basis of a subspace that holds every gradient row (see span.ts).
import {gemmInto} from "../../src/linalg/gemm.js";
import {copy, matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Activation} from "./activation.js";
import type {LossTotal, MarginLoss} from "./loss.js";
import type {TwoLayerNetwork} from "./network.js";
import {addBias, readoutInto} from "./network.js";

/** Which parameters gradient descent updates, and which of them weight decay shrinks. */
export interface TrainedParameters {
  /** Train the hidden biases (ignored for a network without them). Default true. */
  biases?: boolean;
  /** Train the outer weights u. Default false: u stays at its initial value. */
  outer?: boolean;
  /** Train the output bias c. Default false. */
  outputBias?: boolean;
}

/** Options of gradientDescent. */
export interface GradientDescentOptions {
  activation: Activation;
  loss: MarginLoss;
  /** The objective is the mean or the sum of the per-example losses. */
  total: LossTotal;
  /** The step size η > 0. */
  learningRate: number;
  /** Coupled weight decay λ ≥ 0 on W (and on the other trained parameters that `decay` names). Default 0. */
  weightDecay?: number;
  /** Parameters besides W that weight decay also shrinks. Default: none. */
  decay?: TrainedParameters;
  train?: TrainedParameters;
  /** The largest number of steps. */
  maxSteps: number;
  /** Called before every step (and after the last) with the margins y_i·f(x_i); true stops training. */
  stop?: (margins: Float64Array, step: number) => boolean;
  /** Called before every step with the margins, e.g. to record a loss curve. */
  observe?: (margins: Float64Array, step: number) => void;
}

/** The outcome of gradientDescent. */
export interface Trained {
  net: TwoLayerNetwork;
  /** Steps taken. */
  steps: number;
  /** Whether the stopping rule held (false when the step cap ended training). */
  stopped: boolean;
  /** The margins y_i·f(x_i) of the final network. */
  margins: Float64Array;
  /** ∏(1 − ηλ) over the steps taken: the factor by which weight decay shrank any direction no gradient reached. */
  decayFactor: number;
}

/**
 * Trains `initial` on the rows of `features` with labels ±1 by full-batch gradient descent. The initial network is
 * not modified. Throws if the loss or a parameter becomes non-finite.
 */
export function gradientDescent(
  initial: TwoLayerNetwork,
  features: Matrix,
  labels: Float64Array,
  options: GradientDescentOptions
): Trained {
  const {activation, loss, total, learningRate: eta, weightDecay: lambda = 0, maxSteps} = options;
  const train = {biases: true, outer: false, outputBias: false, ...options.train};
  const decay = {biases: false, outer: false, outputBias: false, ...options.decay};
  const {rows: n, cols: p} = features;
  const m = initial.W.rows;
  if (initial.W.cols !== p) throw new Error(`gradientDescent: W has ${initial.W.cols} columns, features have ${p}`);
  if (labels.length !== n) throw new Error(`gradientDescent: ${n} points but ${labels.length} labels`);
  if (!(eta > 0)) throw new Error(`gradientDescent: learning rate must be positive, got ${eta}`);
  if (!(lambda >= 0)) throw new Error(`gradientDescent: weight decay must be ≥ 0, got ${lambda}`);

  const W = copy(initial.W);
  const b = initial.b ? Float64Array.from(initial.b) : null;
  const u = Float64Array.from(initial.u);
  let c = initial.c;
  const shrink = 1 - eta * lambda;
  const scale = total === "mean" ? 1 / n : 1;
  // Buffers reused by every step: pre-activations, ∂L/∂Z, the gradients and the outputs.
  const Z = matrix(n, m);
  const G = matrix(n, m);
  const gradW = matrix(m, p);
  const gradB = b && train.biases ? new Float64Array(m) : null;
  const f = new Float64Array(n);
  const residual = new Float64Array(n);
  const z = Z.data;
  const g = G.data;
  let decayFactor = 1;
  let step = 0;
  for (;;) {
    // Z = F·Wᵀ + b and f_i = Σ_j u_j σ(Z_ij) + c.
    gemmInto(Z, features, W, {transB: true});
    if (b) addBias(z, b, n, m);
    readoutInto(f, z, u, c, activation, n, m);
    const margins = f.map((fi, i) => labels[i] * fi);
    for (const q of margins)
      if (!Number.isFinite(q)) throw new Error(`gradientDescent: non-finite output at step ${step}`);
    options.observe?.(margins, step);
    const stopped = options.stop?.(margins, step) ?? false;
    if (stopped || step === maxSteps) {
      return {net: {W, b, u, c}, steps: step, stopped, margins, decayFactor};
    }
    // r_i = ∂L/∂f_i; G_ij = r_i u_j σ′(Z_ij) = ∂L/∂Z_ij, and ∂L/∂b_j = Σ_i G_ij (in order of i) in the same pass.
    for (let i = 0; i < n; ++i) residual[i] = scale * labels[i] * loss.derivative(margins[i]);
    gradB?.fill(0);
    for (let i = 0; i < n; ++i) {
      const row = i * m;
      const ri = residual[i];
      for (let j = 0; j < m; ++j) {
        const gij = ri * u[j] * activation.slope(z[row + j]);
        g[row + j] = gij;
        if (gradB) gradB[j] += gij;
      }
    }
    gemmInto(gradW, G, features, {transA: true});
    const gradU = train.outer ? activationSums(Z, residual, activation) : null;
    const gradC = train.outputBias ? residual.reduce((sum, r) => sum + r, 0) : 0;
    update(W.data, gradW.data, eta, shrink);
    if (b && gradB) update(b, gradB, eta, decay.biases ? shrink : 1);
    if (gradU) update(u, gradU, eta, decay.outer ? shrink : 1);
    if (train.outputBias) c = (decay.outputBias ? shrink : 1) * c - eta * gradC;
    decayFactor *= shrink;
    step += 1;
  }
}

/** The smallest entry of a non-empty array. */
export function minimum(values: ArrayLike<number>): number {
  let min = Infinity;
  for (let i = 0; i < values.length; ++i) if (values[i] < min) min = values[i];
  return min;
}

// θ ← shrink·θ − η·g: coupled weight decay folded into one multiply (shrink = 1 − ηλ, or 1 without decay).
function update(theta: Float64Array, gradient: Float64Array, eta: number, shrink: number): void {
  for (let i = 0; i < theta.length; ++i) theta[i] = shrink * theta[i] - eta * gradient[i];
}

// ∂L/∂u_j = Σ_i r_i σ(Z_ij).
function activationSums(Z: Matrix, residual: Float64Array, activation: Activation): Float64Array {
  const sums = new Float64Array(Z.cols);
  for (let i = 0; i < Z.rows; ++i) {
    for (let j = 0; j < Z.cols; ++j) sums[j] += residual[i] * activation.value(Z.data[i * Z.cols + j]);
  }
  return sums;
}

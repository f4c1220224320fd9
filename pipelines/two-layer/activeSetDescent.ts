// Full-batch gradient descent on W alone for margin losses that vanish beyond a margin (the hinge loss), doing work
// only for the examples that still contribute to the gradient.
//
// With the outer weights (and biases, if any) fixed, a step is W ← W − η·Gᵀ·F with G_ij = r_i·u_j·σ′(Z_ij) and
// r_i = ∂L/∂f_i. Under the hinge loss r_i = 0 once y_i·f(x_i) ≥ 1, so after the first few hundred steps only a small
// active set A of rows enters the sum. This loop keeps W(t) = W(0) − η·B(t)ᵀ·F through the running sum B = Σ_t G(t)
// (only the rows in A change), and the pre-activations incrementally through the Gram matrix of the features,
// Z ← Z − η·K[:, A]·G_A with K = F·Fᵀ, at a cost of n·|A|·width per step instead of 2·n·p·width. W and Z are
// recomputed exactly (W from B, Z = F·Wᵀ) every `refreshEvery` steps and whenever the stopping rule holds, so the
// returned margins belong to the returned W. It takes the same steps as gradientDescent and agrees with it to
// rounding (test/pipelines/two-layer/twoLayer-test.ts).
import {gemmInto, gram} from "../../src/linalg/gemm.js";
import {copy, matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Activation} from "./activation.js";
import type {Trained} from "./gradientDescent.js";
import type {LossTotal, MarginLoss} from "./loss.js";
import type {TwoLayerNetwork} from "./network.js";
import {preActivations, readout} from "./network.js";

/** Options of activeSetDescent: those of gradientDescent that apply when only W is trained, without weight decay. */
export interface ActiveSetDescentOptions {
  activation: Activation;
  loss: MarginLoss;
  total: LossTotal;
  /** The step size η > 0. */
  learningRate: number;
  /** The largest number of steps. */
  maxSteps: number;
  /** Called before every step (and after the last) with the margins y_i·f(x_i); true stops training. */
  stop?: (margins: Float64Array, step: number) => boolean;
  /** Steps between exact recomputations of the pre-activations (default 64). */
  refreshEvery?: number;
}

/**
 * Trains the W of `initial` (biases, outer weights and output bias stay fixed) on the rows of `features` with labels
 * ±1 by full-batch gradient descent, updating only through the examples with a non-zero loss derivative. Returns
 * the same record as gradientDescent (decayFactor 1). The initial network is not modified.
 */
export function activeSetDescent(
  initial: TwoLayerNetwork,
  features: Matrix,
  labels: Float64Array,
  options: ActiveSetDescentOptions
): Trained {
  const {activation, loss, total, learningRate: eta, maxSteps} = options;
  const refreshEvery = options.refreshEvery ?? 64;
  const {rows: n, cols: p} = features;
  const m = initial.W.rows;
  if (initial.W.cols !== p) throw new Error(`activeSetDescent: W has ${initial.W.cols} columns, features have ${p}`);
  if (labels.length !== n) throw new Error(`activeSetDescent: ${n} points but ${labels.length} labels`);
  if (!(eta > 0)) throw new Error(`activeSetDescent: learning rate must be positive, got ${eta}`);
  const W0 = initial.W;
  const W = copy(W0);
  const {b, u, c} = initial;
  const scale = total === "mean" ? 1 / n : 1;
  const K = gram(features);
  // B accumulates Σ_t G(t) (n×width), so that W(t) = W(0) − η·B(t)ᵀ·F; only active rows change in a step.
  const B = matrix(n, m);
  const net = {W, b, u, c};
  let Z = preActivations(net, features);
  let sinceRefresh = 0;
  const refresh = () => {
    gemmInto(W, B, features, {transA: true, alpha: -eta, beta: 0});
    for (let q = 0; q < W.data.length; ++q) W.data[q] += W0.data[q];
    Z = preActivations(net, features);
    sinceRefresh = 0;
  };
  const residual = new Float64Array(n);
  const active = new Int32Array(n);
  const gBuffer = new Float64Array(n * m);
  const kBuffer = new Float64Array(n * n);
  for (let step = 0; ; ++step) {
    let margins = marginsOf(Z, labels, u, c, activation);
    let stopped = options.stop?.(margins, step) ?? false;
    if (stopped && sinceRefresh > 0) {
      refresh();
      margins = marginsOf(Z, labels, u, c, activation);
      stopped = options.stop?.(margins, step) ?? false;
    }
    for (const q of margins)
      if (!Number.isFinite(q)) throw new Error(`activeSetDescent: non-finite output at step ${step}`);
    if (stopped || step === maxSteps) {
      if (sinceRefresh > 0) {
        refresh();
        margins = marginsOf(Z, labels, u, c, activation);
      }
      return {net: {W, b, u, c}, steps: step, stopped, margins, decayFactor: 1};
    }
    let k = 0;
    for (let i = 0; i < n; ++i) {
      residual[i] = scale * labels[i] * loss.derivative(margins[i]);
      if (residual[i] !== 0) active[k++] = i;
    }
    if (k === 0) continue;
    const G = matrix(k, m, gBuffer.subarray(0, k * m));
    const KA = matrix(k, n, kBuffer.subarray(0, k * n)); // rows i ∈ A of K = K[:, A]ᵀ
    const z = Z.data;
    const g = G.data;
    for (let a = 0; a < k; ++a) {
      const i = active[a];
      const r = residual[i];
      for (let j = 0; j < m; ++j) {
        const gij = r * u[j] * activation.slope(z[i * m + j]);
        g[a * m + j] = gij;
        B.data[i * m + j] += gij;
      }
      KA.data.set(K.data.subarray(i * n, (i + 1) * n), a * n);
    }
    if (++sinceRefresh >= refreshEvery) refresh();
    else gemmInto(Z, KA, G, {transA: true, alpha: -eta, beta: 1});
  }
}

function marginsOf(Z: Matrix, labels: Float64Array, u: Float64Array, c: number, activation: Activation): Float64Array {
  const out = readout(Z, u, c, activation);
  for (let i = 0; i < out.length; ++i) out[i] *= labels[i];
  return out;
}

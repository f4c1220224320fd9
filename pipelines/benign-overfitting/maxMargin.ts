// The bias-free hard-margin linear classifier w* = argmin ‖w‖ subject to ŷ_i⟨w, x_i⟩ ≥ 1, by dual coordinate ascent.
//
// The dual is max_{a ≥ 0} Σ a_i − ½‖Σ a_i ŷ_i x_i‖², and w = Σ a_i ŷ_i x_i. Maximising over one a_i with the others
// fixed gives a_i ← max(0, a_i − (ŷ_i⟨w, x_i⟩ − 1)/‖x_i‖²) (Hsieh et al., "A dual coordinate descent method for
// large-scale linear SVM", ICML 2008, with C = ∞ and no bias). The margins g_i = ŷ_i⟨w, x_i⟩ are kept through the
// Gram matrix, so a sweep costs n² operations whatever d is. Stops when the KKT conditions hold to `tolerance`:
// g_i ≥ 1 − tol for all i, and |g_i − 1| ≤ tol where a_i > 0.
import {gram, multiplyTransposeVector} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";

/** The solution: dual weights a, the primal w, its norm, and how well the KKT conditions hold. */
export interface MaxMarginSolution {
  /** Dual weights a_i ≥ 0 (non-zero on the support vectors). */
  dual: Float64Array;
  /** w* = Σ a_i ŷ_i x_i. */
  w: Float64Array;
  /** ‖w*‖ = √(Σ a_i) at the optimum (complementary slackness). */
  norm: number;
  /** The margins ŷ_i⟨w*, x_i⟩. */
  margins: Float64Array;
  /** The largest KKT violation: max(1 − g_i, |g_i − 1| on the support). */
  violation: number;
  /** Sweeps over the data taken. */
  sweeps: number;
}

/** Options of maxMargin. */
export interface MaxMarginOptions {
  /** KKT tolerance (default 1e-10). */
  tolerance?: number;
  /** Cap on sweeps (default 1e6); throws if reached. */
  maxSweeps?: number;
}

/** The hard-margin classifier of the rows of X with labels ±1; throws if the data are not separable within the cap. */
export function maxMargin(X: Matrix, labels: Float64Array, options: MaxMarginOptions = {}): MaxMarginSolution {
  const {tolerance = 1e-10, maxSweeps = 1e6} = options;
  const n = X.rows;
  if (labels.length !== n) throw new Error(`maxMargin: ${n} points but ${labels.length} labels`);
  const K = gram(X).data;
  for (let i = 0; i < n; ++i) if (!(K[i * n + i] > 0)) throw new Error(`maxMargin: point ${i} is zero`);
  const a = new Float64Array(n);
  const g = new Float64Array(n);
  let sweeps = 0;
  let violation = kktViolation(a, g);
  while (violation > tolerance) {
    if (sweeps === maxSweeps) throw new Error(`maxMargin: KKT violation ${violation} after ${maxSweeps} sweeps`);
    for (let i = 0; i < n; ++i) {
      const next = Math.max(0, a[i] - (g[i] - 1) / K[i * n + i]);
      const delta = next - a[i];
      if (delta === 0) continue;
      a[i] = next;
      const yi = labels[i];
      for (let j = 0; j < n; ++j) g[j] += delta * yi * labels[j] * K[i * n + j];
    }
    sweeps += 1;
    // Recompute the margins exactly now and then, so rounding in the running updates cannot accumulate.
    if (sweeps % 100 === 0) exactMargins(K, a, labels, g);
    violation = kktViolation(a, g);
  }
  exactMargins(K, a, labels, g);
  const coefficients = a.map((ai, i) => ai * labels[i]);
  const w = multiplyTransposeVector(X, coefficients);
  const norm = Math.sqrt(w.reduce((sum, x) => sum + x * x, 0));
  return {dual: a, w, norm, margins: g, violation: kktViolation(a, g), sweeps};
}

function exactMargins(K: Float64Array, a: Float64Array, labels: Float64Array, g: Float64Array): void {
  const n = a.length;
  for (let j = 0; j < n; ++j) {
    let sum = 0;
    for (let i = 0; i < n; ++i) sum += a[i] * labels[i] * K[i * n + j];
    g[j] = labels[j] * sum;
  }
}

function kktViolation(a: Float64Array, g: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; ++i) worst = Math.max(worst, a[i] > 0 ? Math.abs(g[i] - 1) : 1 - g[i]);
  return worst;
}

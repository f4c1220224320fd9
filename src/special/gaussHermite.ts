// Gauss–Hermite quadrature for expectations under the standard normal distribution (Golub–Welsch).
import {matrix} from "../linalg/matrix.js";
import {tridiagonalEigen} from "../linalg/tridiagonal.js";

/** An n-point quadrature rule: E[f(G)] ≈ Σ_j weights[j]·f(nodes[j]). */
export interface QuadratureRule {
  /** Nodes in ascending order. */
  readonly nodes: Float64Array;
  /** Positive weights summing to 1. */
  readonly weights: Float64Array;
}

/**
 * The n-point Gauss rule for the weight e^{−x²/2}/√(2π), i.e. for E[f(G)] with G ~ N(0, 1); exact for
 * polynomials of degree ≤ 2n − 1.
 *
 * Golub & Welsch, "Calculation of Gauss quadrature rules", Math. Comp. 23 (1969) 221–230: the nodes are the
 * eigenvalues of the Jacobi matrix of the monic probabilists' Hermite recurrence (zero diagonal, off-diagonal
 * √1, √2, …, √(n−1)), and weight j is the squared first component of unit eigenvector j (the measure has
 * total mass 1). Only first components are needed, so the rotations are applied to the single column e₁
 * rather than the identity: row j of that n×1 basis is the first component of eigenvector j, at O(n²) cost.
 * Mirrored nodes and weights are then averaged, so the rule is exactly symmetric about 0.
 */
export function gaussHermite(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1) throw new Error(`gaussHermite: n must be a positive integer, got ${n}`);
  const d = new Float64Array(n);
  const e = Float64Array.from({length: n - 1}, (_, k) => Math.sqrt(k + 1));
  const first = matrix(n, 1);
  first.data[0] = 1;
  const nodes = tridiagonalEigen(d, e, first);
  const weights = first.data.map((v) => v * v);
  // The rule is symmetric about 0; average mirrored pairs so that it is exactly so (the middle node of an
  // odd rule becomes exactly 0), which makes odd moments vanish exactly.
  for (let j = 0, k = n - 1; j <= k; ++j, --k) {
    const x = 0.5 * (nodes[k] - nodes[j]);
    const w = 0.5 * (weights[j] + weights[k]);
    nodes[j] = -x;
    nodes[k] = x;
    weights[j] = weights[k] = w;
  }
  return {nodes, weights};
}

/** E[f(G)] for G ~ N(0, 1) by the n-point Gauss–Hermite rule (default 64 nodes). */
export function gaussianExpectation(f: (x: number) => number, n = 64): number {
  const {nodes, weights} = gaussHermite(n);
  let sum = 0;
  for (let j = 0; j < n; ++j) sum += weights[j] * f(nodes[j]);
  return sum;
}

// The Cayley transform Q = (I + K)(I − K)⁻¹ from skew-symmetric to orthogonal matrices, and its gradient.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §12.1 (the Cayley transform of a
// skew-symmetric matrix is orthogonal); Gorbunov et al., "Group and Shuffle: Efficient Structured Orthogonal
// Parametrization", NeurIPS 2024 (the Q_i = (I + K_i)(I − K_i)⁻¹ parametrisation).
import {assertFiniteMatrix, identity, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {solve} from "./solve.js";
import {assertSkew} from "./symmetry.js";

/**
 * The Cayley transform Q = (I + K)(I − K)⁻¹ = (I − K)⁻¹(I + K) of a skew-symmetric K (the two factors commute).
 * Q is orthogonal with det Q = +1 and no eigenvalue −1, and Q(0) = I. Computed as the solution of (I − K)Q = I + K
 * by LU with partial pivoting; I − K is never singular (its eigenvalues are 1 − iθ), and ‖QᵀQ − I‖ is
 * O(nε·cond(I − K)) with cond(I − K) = √(1 + ‖K‖₂²) / √(1 + θ_min²). Throws unless K is square, finite and
 * skew-symmetric to a relative tolerance of 1e-10.
 */
export function cayley(K: Matrix): Matrix {
  assertSkew(K, "cayley");
  const [plus, minus] = shifted(K);
  return solve(minus, plus);
}

/**
 * The gradient of f(Q(K)) with respect to the skew-symmetric K, given G = ∂f/∂Q (n×n) at Q = cayley(K).
 *
 * With M = (I − K)⁻¹, Q = 2M − I and dQ = 2M·dK·M, so df = ⟨G, dQ⟩ = ⟨2MᵀGMᵀ, dK⟩ and the unconstrained gradient is
 * X = 2MᵀGMᵀ = 2(I + K)⁻¹G(I + K)⁻¹ (since Mᵀ = (I + K)⁻¹). The result is its projection onto the skew-symmetric
 * matrices, (X − Xᵀ)/2: the gradient within the space of skew K for the Frobenius inner product, so that
 * df = ⟨result, dK⟩ for every skew dK and K − η·result stays skew. (If K = A − Aᵀ for a free A, ∂f/∂A = 2·result.)
 * Costs two LU solves. Throws like `cayley`, and unless G is n×n and finite.
 */
export function cayleyGradient(K: Matrix, G: Matrix): Matrix {
  assertSkew(K, "cayleyGradient");
  if (G.rows !== K.rows || G.cols !== K.cols) {
    const shapes = `K is ${K.rows}×${K.cols}, G is ${G.rows}×${G.cols}`;
    throw new Error(`cayleyGradient: Matrix dimensions do not match: ${shapes}`);
  }
  assertFiniteMatrix(G, "cayleyGradient");
  const n = K.rows;
  const [plus, minus] = shifted(K);
  // Y = (I + K)⁻¹G, then X/2 = Y(I + K)⁻¹ = ((I + K)⁻ᵀYᵀ)ᵀ = ((I − K)⁻¹Yᵀ)ᵀ.
  const Y = solve(plus, G);
  const half = transpose(solve(minus, transpose(Y)));
  const x = half.data;
  const out = matrix(n, n);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) out.data[i * n + j] = x[i * n + j] - x[j * n + i]; // (X − Xᵀ)/2 with X = 2·half
  }
  return out;
}

// [I + K, I − K].
function shifted(K: Matrix): [Matrix, Matrix] {
  const n = K.rows;
  const plus = identity(n);
  const minus = identity(n);
  for (let q = 0; q < n * n; ++q) {
    plus.data[q] += K.data[q];
    minus.data[q] -= K.data[q];
  }
  return [plus, minus];
}

// The k largest eigenpairs of a large symmetric matrix (e.g. a Gram matrix) by thick-restarted block Lanczos.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §10.1 (Lanczos, Rayleigh–Ritz,
// residual bounds), §10.3.6 (block Lanczos) and §10.3.1 (full reorthogonalisation); K. Wu & H. Simon,
// "Thick-restart Lanczos method for large symmetric eigenvalue problems", SIAM J. Matrix Anal. Appl. 22 (2000)
// 602–616; T. Fukaya, Y. Nakatsukasa, Y. Yanagisawa & Y. Yamamoto, "CholeskyQR2: a simple and communication-avoiding
// algorithm for computing a tall-skinny QR factorization", ScalA 2014 (block orthonormalisation).
import type {Rng} from "../random/rng.js";
import {eigh, eighRows} from "./eigh.js";
import {gemmInto, gram, multiply, multiplyTransposeA, multiplyTransposeB} from "./gemm.js";
import {assertFiniteMatrix, assertSquare, identity, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {qr} from "./qr.js";
import {residentMatrix} from "./residentMatrix.js";
import {assertSmallAsymmetry, assertSymmetric} from "./symmetry.js";

/** A symmetric n×n linear operator given by its action on blocks of vectors. */
export interface SymmetricOperator {
  readonly n: number;
  /** A·X for an n×b matrix X (columns are vectors); must return an n×b matrix. */
  apply(X: Matrix): Matrix;
}

/** Options for `topEigen`. */
export interface TopEigenOptions {
  /** Converged when every ‖Av − λv‖ ≤ tolerance·max|θ| over all Ritz values θ (an estimate of ‖A‖₂). Default 1e-10. */
  tolerance?: number;
  /**
   * Vectors per Lanczos block (one product A·X per block). Default min(k, 4), at least 1 and at most n. A block
   * resolves eigenvalues of multiplicity up to its width: like any Krylov method, a narrower block can miss copies of
   * an eigenvalue repeated more often than that (set blockSize to the multiplicity when exact repeats are expected).
   * Up to 4 vectors, a block product costs about as much as a single vector's (the product kernel works on tiles
   * of 4 rows and the matrix is read once either way), and 4 is wide enough for near-degenerate clusters; wider
   * blocks need more vector products in all.
   */
  blockSize?: number;
  /** Largest basis before a thick restart keeps the best Ritz vectors. Default max(15·blockSize, 3k), at most n. */
  maxBasis?: number;
  /** Most block products before giving up. Default 1000. */
  maxIterations?: number;
}

/** The top eigenpairs: A·vectors[:, j] ≈ values[j]·vectors[:, j]. */
export interface TopEigen {
  /** The k algebraically largest eigenvalues, descending. */
  values: Float64Array;
  /** n×k with orthonormal columns; column j is a unit eigenvector for values[j]. */
  vectors: Matrix;
  /** ‖A·v_j − λ_j·v_j‖ for each pair, as computed at convergence. */
  residuals: Float64Array;
  /** Block products A·X performed (0 when solved densely). */
  iterations: number;
}

/**
 * The k algebraically largest eigenvalues (descending) and orthonormal eigenvectors (n×k) of a symmetric matrix,
 * meant for large positive semidefinite ones such as Gram matrices, where these are the k largest in magnitude.
 *
 * Block Lanczos with full reorthogonalisation: the Krylov basis Q (by rows) and the products AQ are kept; each new
 * block AQ_j is projected off the whole basis (T's new columns are the coefficients) and orthonormalised by
 * Cholesky QR with a second projection and factorisation (Householder QR with random replacement of directions
 * the block does not span, when it is ill-conditioned). The Ritz pairs of T = QᵀAQ, with only the last block's
 * coordinates of their vectors (`eighRows`), give residual estimates ‖R·s_last‖. When the basis is full it is
 * thick-restarted with the best k + blockSize Ritz vectors. Convergence is declared only after the residuals
 * ‖Av − λv‖ of the returned vectors have been computed explicitly and are all at most tolerance·max|θ|
 * (all products use `gemm`); otherwise, after `maxIterations` block products, it throws
 * "topEigen: no convergence after N iterations (residual r)". The starting block (and any replacement
 * direction) is drawn from `rng.fork("topEigen")`, so the same input and source give bit-identical output.
 * Small problems (n ≤ maxBasis) are solved densely by `eigh` (an operator is then applied to the identity).
 *
 * Accepts a Matrix (checked square, finite and symmetric to a relative 1e-10) or a SymmetricOperator, whose
 * products are checked for shape and finiteness.
 */
export function topEigen(A: Matrix | SymmetricOperator, k: number, rng: Rng, options: TopEigenOptions = {}): TopEigen {
  const operator = toOperator(A);
  const n = operator.n;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`topEigen: k must be an integer in [0, ${n}], got ${k}`);
  const {tolerance = 1e-10, maxIterations = 1000} = options;
  if (!(tolerance > 0)) throw new Error(`topEigen: tolerance must be positive, got ${tolerance}`);
  const blockSize = Math.min(n, options.blockSize ?? Math.max(Math.min(k, defaultBlockWidth), 1));
  const maxBasis = Math.min(n, options.maxBasis ?? Math.max(15 * blockSize, 3 * k));
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new Error(`topEigen: invalid blockSize ${blockSize}`);
  if (!Number.isInteger(maxBasis) || maxBasis < k + 2 * blockSize) {
    if (maxBasis < n) {
      throw new Error(`topEigen: maxBasis ${maxBasis} must be at least k + 2·blockSize = ${k + 2 * blockSize}`);
    }
  }
  try {
    if (k === 0) {
      return {values: new Float64Array(0), vectors: matrix(n, 0), residuals: new Float64Array(0), iterations: 0};
    }
    if (n <= maxBasis) return dense(operator, k);
    return blockLanczos(operator, k, blockSize, maxBasis, tolerance, maxIterations, rng.fork("topEigen"));
  } finally {
    operator.release();
  }
}

/** The default block width: products with up to 4 vectors cost about the same (see `TopEigenOptions`). */
const defaultBlockWidth = 4;

interface RowOperator {
  n: number;
  /** For a b×n matrix X whose rows are vectors, the b×n matrix whose rows are A times those vectors. */
  applyRows(X: Matrix): Matrix;
  /** Frees what the operator holds (a resident matrix's kernel instance). */
  release(): void;
}

function toOperator(A: Matrix | SymmetricOperator): RowOperator {
  if ("data" in A) {
    assertSquare(A, "topEigen");
    const resident = residentMatrix(A); // copied once into WebAssembly memory for all block products
    const asymmetry = resident.asymmetry();
    if (!Number.isFinite(asymmetry.scale)) assertFiniteMatrix(A, "topEigen"); // throws, naming the entry
    assertSmallAsymmetry(asymmetry, "topEigen");
    return {n: A.rows, applyRows: (X) => resident.timesRows(X), release: () => resident.release()};
  }
  const {n} = A;
  if (!Number.isInteger(n) || n < 0) throw new Error(`topEigen: invalid operator size ${n}`);
  return {
    n,
    applyRows(X) {
      const Y = A.apply(transpose(X));
      if (Y.rows !== n || Y.cols !== X.rows) {
        throw new Error(`topEigen: operator returned ${Y.rows}×${Y.cols}, expected ${n}×${X.rows}`);
      }
      assertFiniteMatrix(Y, "topEigen");
      return transpose(Y);
    },
    release() {}
  };
}

function dense(operator: RowOperator, k: number): TopEigen {
  const n = operator.n;
  const M = operator.applyRows(identity(n)); // row i = A e_i = column i of A, i.e. Aᵀ = A
  assertSymmetric(M, "topEigen");
  const {values, vectors} = eigh(M);
  const top = Float64Array.from({length: k}, (_, j) => values[n - 1 - j]);
  const V = matrix(n, k);
  for (let i = 0; i < n; ++i) for (let j = 0; j < k; ++j) V.data[i * k + j] = vectors.data[i * n + n - 1 - j];
  const W = transpose(operator.applyRows(transpose(V)));
  const residuals = new Float64Array(k);
  for (let j = 0; j < k; ++j) {
    let s = 0;
    for (let i = 0; i < n; ++i) {
      const r = W.data[i * k + j] - top[j] * V.data[i * k + j];
      s += r * r;
    }
    residuals[j] = Math.sqrt(s);
  }
  return {values: top, vectors: V, residuals, iterations: 0};
}

function blockLanczos(
  operator: RowOperator,
  k: number,
  b: number,
  maxBasis: number,
  tolerance: number,
  maxIterations: number,
  rng: Rng
): TopEigen {
  const n = operator.n;
  const q = new Float64Array(maxBasis * n); // basis vectors by rows
  const w = new Float64Array(maxBasis * n); // A times each basis vector, by rows
  const t = new Float64Array(maxBasis * maxBasis); // T = QᵀAQ, row-major maxBasis×maxBasis
  // A restart keeps the best 40% of the basis (at least k + b): keeping only the wanted pairs makes the Krylov space
  // relearn the nearby part of the spectrum after every restart (Wu & Simon §4). On the 2000×2000 Gram matrices of
  // the benchmarks this saves a sixth of the block products.
  const keep = Math.min(maxBasis - b, Math.max(k + b, Math.floor(0.4 * maxBasis)));
  let dim = 0;
  let block = orthonormalRows(matrix(b, n, rng.normals(b * n)), null, rng).Q;
  let lastResidual = Infinity;
  let nextCheck = 1; // the iteration of the next residual estimate (see `checkAfter`)
  let lastCheck = 0;
  for (let iteration = 1; iteration <= maxIterations; ++iteration) {
    const bb = block.rows;
    q.set(block.data, dim * n);
    const W = operator.applyRows(block);
    w.set(W.data, dim * n);
    const Q = matrix(dim + bb, n, q.subarray(0, (dim + bb) * n));
    // Project out the basis: C = QWᵀ, Z = W − CᵀQ; orthonormalising Z projects again and reports the correction.
    const C = multiplyTransposeB(Q, W);
    const Z = matrix(bb, n, W.data.slice());
    gemmInto(Z, C, Q, {alpha: -1, beta: 1, transA: true});
    const {Q: next, R, correction} = orthonormalRows(Z, Q, rng);
    // New columns of T (and the mirrored rows); the new diagonal block is symmetrised.
    for (let i = 0; i < dim + bb; ++i) {
      for (let j = 0; j < bb; ++j) {
        const x = C.data[i * bb + j] + correction.data[i * bb + j];
        t[i * maxBasis + dim + j] = x;
        t[(dim + j) * maxBasis + i] = x;
      }
    }
    for (let i = 0; i < bb; ++i) {
      for (let j = 0; j < i; ++j) {
        const x = 0.5 * (t[(dim + i) * maxBasis + dim + j] + t[(dim + j) * maxBasis + dim + i]);
        t[(dim + i) * maxBasis + dim + j] = x;
        t[(dim + j) * maxBasis + dim + i] = x;
      }
    }
    dim += bb;
    const T = projected(t, maxBasis, dim);

    // Residual estimates ‖R·s_last‖ for the top k Ritz pairs, from the last block's coordinates, at the iterations
    // `checkAfter` schedules from the rate at which they fall.
    if (dim >= k && iteration >= nextCheck) {
      const {values, rows} = eighRows(T, dim - bb, dim);
      const scale = Math.max(Math.abs(values[0]), Math.abs(values[dim - 1]));
      let worst = 0;
      for (let j = dim - k; j < dim; ++j) worst = Math.max(worst, blockResidual(R, rows, j));
      nextCheck = iteration + checkAfter(lastResidual, worst / scale, iteration - lastCheck, tolerance);
      lastCheck = iteration;
      lastResidual = worst / scale;
      if (worst <= tolerance * scale) {
        const result = ritzPairs(T, Q, matrix(dim, n, w.subarray(0, dim * n)), k);
        const explicit = Math.max(...result.residuals);
        if (explicit <= tolerance * scale) return {...result, iterations: iteration};
        lastResidual = explicit / scale;
      }
    }

    if (dim + next.rows > maxBasis) {
      // Thick restart: keep the best Ritz vectors (and their images); the new block continues the Krylov space.
      const {vectors: S, values} = eigh(T);
      const Skeep = matrix(dim, keep);
      for (let i = 0; i < dim; ++i) {
        for (let j = 0; j < keep; ++j) Skeep.data[i * keep + j] = S.data[i * dim + dim - 1 - j];
      }
      const Y = multiplyTransposeA(Skeep, Q);
      const WY = multiplyTransposeA(Skeep, matrix(dim, n, w.subarray(0, dim * n)));
      q.set(Y.data, 0);
      w.set(WY.data, 0);
      t.fill(0);
      for (let j = 0; j < keep; ++j) t[j * maxBasis + j] = values[dim - 1 - j];
      dim = keep;
    }
    block = next;
  }
  throw new Error(
    `topEigen: no convergence after ${maxIterations} iterations (residual ${lastResidual.toExponential(2)})`
  );
}

// Iterations until the next residual estimate, given the relative residuals at the last two estimates (`gap`
// iterations apart): half the iterations that their geometric rate of decrease predicts are left, at least 1 and at
// most 4. Estimates (each an eigendecomposition of T) thus close in on the predicted convergence instead of being
// taken every iteration, and convergence is noticed at most a few products late.
function checkAfter(previous: number, current: number, gap: number, tolerance: number): number {
  if (current <= tolerance) return 1;
  const rate = Math.log(current / previous) / gap; // log of the decrease per iteration
  if (!(rate < 0)) return maxCheckInterval; // first estimate, or no decrease: residuals far from converged
  const left = Math.log(tolerance / current) / rate;
  return Math.max(1, Math.min(maxCheckInterval, Math.floor(left / 2)));
}

const maxCheckInterval = 4;

// The leading dim×dim block of the row-major maxBasis×maxBasis array t.
function projected(t: Float64Array, stride: number, dim: number): Matrix {
  const T = matrix(dim, dim);
  for (let i = 0; i < dim; ++i) T.data.set(t.subarray(i * stride, i * stride + dim), i * dim);
  return T;
}

// ‖R s‖ where s is column j of `rows` (the last-block coordinates of Ritz vector j) and R is b×b upper triangular.
function blockResidual(R: Matrix, rows: Matrix, j: number): number {
  const b = R.rows;
  const dim = rows.cols;
  let sum = 0;
  for (let i = 0; i < b; ++i) {
    let x = 0;
    for (let l = i; l < b; ++l) x += R.data[i * b + l] * rows.data[l * dim + j];
    sum += x * x;
  }
  return Math.sqrt(sum);
}

// The k largest Ritz pairs from T = QᵀAQ and W = AQ (both by rows), with explicit residuals ‖Ay − θy‖.
function ritzPairs(T: Matrix, Q: Matrix, W: Matrix, k: number): Omit<TopEigen, "iterations"> {
  const dim = T.rows;
  const n = Q.cols;
  const {values, vectors: S} = eigh(T);
  const Sk = matrix(dim, k);
  for (let i = 0; i < dim; ++i) for (let j = 0; j < k; ++j) Sk.data[i * k + j] = S.data[i * dim + dim - 1 - j];
  const Y = multiplyTransposeA(Sk, Q); // k×n, rows are Ritz vectors
  const AY = multiplyTransposeA(Sk, W);
  const top = Float64Array.from({length: k}, (_, j) => values[dim - 1 - j]);
  const residuals = new Float64Array(k);
  for (let j = 0; j < k; ++j) {
    let sum = 0;
    for (let i = 0; i < n; ++i) {
      const r = AY.data[j * n + i] - top[j] * Y.data[j * n + i];
      sum += r * r;
    }
    residuals[j] = Math.sqrt(sum);
  }
  return {values: top, vectors: transpose(Y), residuals};
}

// Orthonormalises the rows of Z (b×n) and makes them orthogonal to the orthonormal rows of `basis` (d×n): returns
// Q (b×n), upper-triangular R and the d×b `correction` with Z = RᵀQ + correctionᵀ·basis. Each factorisation is
// Cholesky QR (Z = LQ from ZZᵀ = LLᵀ; Fukaya et al., "CholeskyQR2", 2014) when its pivots show Z is well
// conditioned, and Householder QR otherwise, where directions Z does not span to working precision get random
// vectors and zero rows of R. After each factorisation the block is projected off the basis; this repeats until the
// projection leaves the block orthonormal (at least twice, as in classical Gram–Schmidt with reorthogonalisation).
function orthonormalRows(Z: Matrix, basis: Matrix | null, rng: Rng): {Q: Matrix; R: Matrix; correction: Matrix} {
  const b = Z.rows;
  const correction = matrix(basis === null ? 0 : basis.rows, b);
  let {Q, R} = factor(Z, rng);
  for (let pass = 0; pass < 4; ++pass) {
    if (basis !== null) {
      const C = multiplyTransposeB(basis, Q); // d×b
      gemmInto(Q, C, basis, {alpha: -1, beta: 1, transA: true});
      gemmInto(correction, C, R, {beta: 1});
    }
    const next = factor(Q, rng);
    Q = next.Q;
    R = multiply(next.R, R);
    if (next.orthonormal) return {Q, R, correction};
  }
  throw new Error("topEigen: cannot extend the Krylov basis (orthogonalisation does not converge)");
}

// One factorisation Z = RᵀQ of the rows of Z; `orthonormal` when Z's rows were already orthonormal to working
// precision (every Cholesky pivot within 1e-8 of 1), so that no further pass is needed.
function factor(Z: Matrix, rng: Rng): {Q: Matrix; R: Matrix; orthonormal: boolean} {
  const b = Z.rows;
  const n = Z.cols;
  const G = gram(Z).data; // ZZᵀ, exactly symmetric
  const L = new Float64Array(b * b);
  let wellConditioned = true;
  let orthonormal = true;
  for (let i = 0; i < b && wellConditioned; ++i) {
    for (let j = 0; j <= i; ++j) {
      let s = G[i * b + j];
      for (let k = 0; k < j; ++k) s -= L[i * b + k] * L[j * b + k];
      if (j < i) {
        L[i * b + j] = s / L[j * b + j];
      } else if (s > 1e-12 * G[i * b + i] && s > 0) {
        L[i * b + i] = Math.sqrt(s);
        if (Math.abs(L[i * b + i] - 1) > 1e-8) orthonormal = false;
      } else {
        wellConditioned = false;
      }
    }
  }
  if (wellConditioned) {
    // Q = L⁻¹Z by forward substitution on rows; R = Lᵀ.
    const Q = matrix(b, n, Z.data.slice());
    const q = Q.data;
    for (let i = 0; i < b; ++i) {
      for (let j = 0; j < i; ++j) {
        const f = L[i * b + j];
        for (let l = 0; l < n; ++l) q[i * n + l] -= f * q[j * n + l];
      }
      const inverse = 1 / L[i * b + i];
      for (let l = 0; l < n; ++l) q[i * n + l] *= inverse;
    }
    const R = matrix(b, b);
    for (let i = 0; i < b; ++i) for (let j = i; j < b; ++j) R.data[i * b + j] = L[j * b + i];
    return {Q, R, orthonormal};
  }
  // Householder QR of Zᵀ, replacing directions that Z does not span.
  const {Q: Qt, R} = qr(transpose(Z));
  const Q = transpose(Qt);
  let rmax = 0;
  for (let i = 0; i < b; ++i) rmax = Math.max(rmax, Math.abs(R.data[i * b + i]));
  for (let i = 0; i < b; ++i) {
    if (rmax > 0 && Math.abs(R.data[i * b + i]) > 1e-12 * rmax) continue;
    R.data.fill(0, i * b + i, (i + 1) * b);
    Q.data.set(rng.normals(n), i * n);
  }
  return {Q, R, orthonormal: false};
}

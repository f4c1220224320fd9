// E4 of the Group-and-Shuffle paper: orthogonality, determinants and gradients of Cayley GS matrices; Theorem 1.
import {integer, pipeline, real, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {determinant} from "../../src/linalg/determinant.js";
import {gramTransposeA, multiply, multiplyTransposeA} from "../../src/linalg/gemm.js";
import {haarOrthogonal} from "../../src/linalg/haar.js";
import {identity, matrix, transpose} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {frobeniusDistance, frobeniusNorm, vectorNorm} from "../../src/linalg/norms.js";
import {solve} from "../../src/linalg/solve.js";
import {svd} from "../../src/linalg/svd.js";
import type {Rng} from "../../src/random/rng.js";
import {blockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";
import {gs, gsApply, gsApplyTranspose, gsApplyTransposeBatch, gsDense, gsoft} from "./gs.js";
import {gsBackward, gsForward} from "./gsGradient.js";
import {
  cayleyBlocksGradient,
  cayleyParameterGradient,
  orthogonalBlock,
  orthogonalBlocks,
  skewPart
} from "./orthogonalBlocks.js";
import {gsoftLayout, orthonormalizeFactors, projectGs} from "./projection.js";
import {shuffle} from "./shuffle.js";

/**
 * Spec E4: for raw block matrices A of Frobenius norm in `scales`, blocks b and sizes n, GSOFT matrices
 * Q = Pᵀ·L·P·R with Cayley blocks: ‖QᵀQ − I‖_F (dense for n ≤ dense_check_max_n, per block and by probe vectors
 * for all n), det Q_i = +1, Q(0) = I exactly, the singular values of W·Q against those of W, and the gradient of
 * f = ⟨UVᵀ, Q⟩ through the fast apply and the Cayley map against the closed form (I + Q)ᵀ·G·Mᵀ and central
 * finite differences (five-point stencil). Theorem 1: orthogonal GS matrices from Haar blocks, factored by Algorithm 1
 * and
 * orthonormalised block by block (polar factors), give orthogonal blocks and the same matrix. The exp map is
 * checked for orthogonality too.
 */
export const orthogonality = pipeline({
  id: "group-shuffle/orthogonality",
  description:
    "Cayley-parametrised GS matrices: orthogonality, determinants, gradients against finite differences, Theorem 1.",
  source: import.meta.url,
  params: {
    scales: reals([1e-3, 1, 100], "Frobenius norm of each raw block A", {min: 0}),
    block_sizes: reals([4, 8, 16, 32, 64], "block sizes b", {min: 1, max: 256}),
    sizes: reals([64, 256, 1024], "matrix sizes n (b must divide n)", {min: 1, max: 4096}),
    dense_check_max_n: integer(256, "largest n whose full QᵀQ is formed densely", {min: 1, max: 4096}),
    probes: integer(4, "random probe vectors for ‖Qᵀ(Qx) − x‖", {min: 1, max: 64}),
    svd_rows: integer(32, "rows of the random W in the singular value check", {min: 1, max: 1024}),
    fd_step: real(1e-4, "five-point central-difference step h, multiplied by √max(1, scale)", {min: 1e-12, max: 1e-1}),
    theorem1_sizes: reals([16, 64, 256], "sizes n of the Theorem 1 check", {min: 1, max: 1024})
  },
  outputs: {
    scalars: {
      cayley_orthogonality_error: "max ‖QᵀQ − I‖_F of the dense GSOFT matrix over cases with n ≤ dense_check_max_n",
      cayley_block_orthogonality_error: "max ‖BᵀB − I‖_F over the Cayley blocks B of L and R",
      cayley_probe_error: "max ‖Qᵀ(Qx) − x‖/‖x‖ over the probe vectors",
      cayley_det_error: "max |det B − 1| over the Cayley blocks",
      cayley_zero_identity_error: "max |Cayley(0) − I| entry over the block sizes (exactly 0 expected)",
      singular_value_error: "max |σ_i(W) − σ_i(WQ)|/σ_1(W) over cases",
      gradient_fd_error: "max relative |finite difference − analytic directional derivative| over cases and directions",
      gradient_formula_error: "max error of the gradient through the fast apply against the closed form (I + Q)ᵀ·G·Mᵀ",
      exp_orthogonality_error: "max ‖BᵀB − I‖_F for blocks from the exponential map",
      exp_det_error: "max |det B − 1| for the exponential map",
      theorem1_block_orthogonality_error: "Theorem 1: max ‖BᵀB − I‖_F of the orthonormalised projected blocks",
      theorem1_reconstruction_error: "Theorem 1: max ‖rebuilt − A‖_F/√n",
      theorem1_projection_error: "Theorem 1: max ‖Algorithm 1 projection − A‖_F/√n",
      theorem1_min_raw_block_deviation: "Theorem 1: min ‖BᵀB − I‖_F of the projected blocks before orthonormalising",
      cases: "number of (scale, n, b) Cayley cases",
      theorem1_cases: "number of (n, b) Theorem 1 cases"
    },
    tables: {
      cases: {
        description: "one row per (scale, n, b) Cayley case",
        columns: {
          scale: "Frobenius norm of each raw block",
          n: "matrix size",
          b: "block size",
          block_orthogonality: "max ‖BᵀB − I‖_F over the blocks",
          dense_checked: "whether n ≤ dense_check_max_n",
          dense_orthogonality: "‖QᵀQ − I‖_F of the dense matrix (0 if not checked)",
          probe_error: "max ‖Qᵀ(Qx) − x‖/‖x‖",
          det_error: "max |det B − 1|",
          singular_value_error: "max |σ_i(W) − σ_i(WQ)|/σ_1(W)",
          fd_error_gradient_direction: "relative finite-difference error along the normalised gradient",
          fd_error_random_direction: "relative finite-difference error along a random direction",
          gradient_formula_error: "error of the fast-apply gradient against the closed form"
        }
      },
      theorem1: {
        description: "one row per (n, b) Theorem 1 case: a Haar GS matrix factored by Algorithm 1",
        columns: {
          n: "matrix size",
          b: "block size",
          r: "number of blocks n/b",
          projection_error: "‖projection − A‖_F/√n",
          raw_block_deviation: "max ‖BᵀB − I‖_F of the projected blocks",
          block_orthogonality: "max ‖BᵀB − I‖_F after orthonormalising",
          reconstruction_error: "‖rebuilt − A‖_F/√n"
        }
      }
    }
  },
  run(params, rng) {
    const cases: Row[] = [];
    let blockOrthogonality = 0;
    let denseOrthogonality = 0;
    let probeError = 0;
    let detError = 0;
    let singularValueError = 0;
    let fdError = 0;
    let formulaError = 0;
    let expOrthogonality = 0;
    let expDetError = 0;

    for (const scale of params.scales) {
      for (const n of params.sizes) {
        for (const b of params.block_sizes) {
          if (b > n || n % b !== 0) continue;
          const r = n / b;
          const stream = rng.fork(`cayley-${scale}-${n}-${b}`);
          const rawL = randomRaw(r, b, scale, stream);
          const rawR = randomRaw(r, b, scale, stream);
          const L = orthogonalBlocks(rawL);
          const R = orthogonalBlocks(rawR);
          const Q = gsoft(L, R);

          const blockError = Math.max(...[...L.blocks, ...R.blocks].map(orthogonalityError));
          const det = Math.max(...[...L.blocks, ...R.blocks].map((B) => Math.abs(determinant(B) - 1)));
          blockOrthogonality = Math.max(blockOrthogonality, blockError);
          detError = Math.max(detError, det);

          const dense = n <= params.dense_check_max_n ? orthogonalityError(gsDense(Q)) : 0;
          denseOrthogonality = Math.max(denseOrthogonality, dense);
          let probe = 0;
          for (let t = 0; t < params.probes; ++t) {
            const x = stream.normals(n);
            const back = gsApplyTranspose(Q, gsApply(Q, x));
            probe = Math.max(probe, vectorNorm(back.map((v, i) => v - x[i])) / vectorNorm(x));
          }
          probeError = Math.max(probeError, probe);

          // Singular values of W·Q (computed as (QᵀWᵀ)ᵀ through the fast transpose apply) against those of W.
          const W = matrix(params.svd_rows, n, stream.normals(params.svd_rows * n));
          const WQ = transpose(gsApplyTransposeBatch(Q, transpose(W)));
          const sW = svd(W).s;
          const sWQ = svd(WQ).s;
          let svError = 0;
          for (let i = 0; i < sW.length; ++i) svError = Math.max(svError, Math.abs(sW[i] - sWQ[i]) / sW[0]);
          singularValueError = Math.max(singularValueError, svError);

          // Gradients of f = ⟨UVᵀ, Q⟩ = Σ_j u_jᵀ Q v_j. Large raw blocks make Q(A) flatter, so rounding in f calls
          // for a longer step (and the smaller higher derivatives allow it).
          const gradient = gradientCheck(rawL, rawR, stream, params.fd_step * Math.sqrt(Math.max(1, scale)));
          fdError = Math.max(fdError, gradient.fdGradientDirection, gradient.fdRandomDirection);
          formulaError = Math.max(formulaError, gradient.formula);

          // The exponential map on the same parameters.
          const expBlocks = [...rawL.blocks, ...rawR.blocks].map((A) => orthogonalBlock(A, "exp"));
          expOrthogonality = Math.max(expOrthogonality, ...expBlocks.map(orthogonalityError));
          expDetError = Math.max(expDetError, ...expBlocks.map((B) => Math.abs(determinant(B) - 1)));

          cases.push({
            scale,
            n,
            b,
            block_orthogonality: blockError,
            dense_checked: n <= params.dense_check_max_n,
            dense_orthogonality: dense,
            probe_error: probe,
            det_error: det,
            singular_value_error: svError,
            fd_error_gradient_direction: gradient.fdGradientDirection,
            fd_error_random_direction: gradient.fdRandomDirection,
            gradient_formula_error: gradient.formula
          });
        }
      }
    }

    // Q(0) = I exactly, for every block size.
    let zeroIdentityError = 0;
    for (const b of params.block_sizes) {
      const Q = orthogonalBlock(matrix(b, b));
      const I = identity(b);
      for (let q = 0; q < b * b; ++q) zeroIdentityError = Math.max(zeroIdentityError, Math.abs(Q.data[q] - I.data[q]));
    }

    // Theorem 1: factor orthogonal GS matrices with Algorithm 1, then orthonormalise block by block.
    const theorem1: Row[] = [];
    let t1Orthogonality = 0;
    let t1Reconstruction = 0;
    let t1Projection = 0;
    let t1RawDeviation = Infinity;
    for (const n of params.theorem1_sizes) {
      for (const b of params.block_sizes) {
        if (b >= n || n % b !== 0) continue;
        const r = n / b;
        const stream = rng.fork(`theorem1-${n}-${b}`);
        const haar = () => blockDiagonal(Array.from({length: r}, () => haarOrthogonal(b, stream)));
        const A = gsDense(gsoft(haar(), haar()));
        const P = shuffle(r, n);
        const layout = gsoftLayout(r, b, P);
        const projected = projectGs(A, layout);
        const projectionError = frobeniusDistance(gsDense(projected.product), A) / Math.sqrt(n);
        const rawDeviation = Math.max(...[...projected.left.blocks, ...projected.right.blocks].map(orthogonalityError));
        const {left, right} = orthonormalizeFactors(projected.left, projected.right);
        const orthogonal = Math.max(...[...left.blocks, ...right.blocks].map(orthogonalityError));
        const rebuilt = gsDense(gs(left, right, {pL: layout.pL, p: layout.p, pR: layout.pR}));
        const reconstruction = frobeniusDistance(rebuilt, A) / Math.sqrt(n);
        t1Orthogonality = Math.max(t1Orthogonality, orthogonal);
        t1Reconstruction = Math.max(t1Reconstruction, reconstruction);
        t1Projection = Math.max(t1Projection, projectionError);
        t1RawDeviation = Math.min(t1RawDeviation, rawDeviation);
        theorem1.push({
          n,
          b,
          r,
          projection_error: projectionError,
          raw_block_deviation: rawDeviation,
          block_orthogonality: orthogonal,
          reconstruction_error: reconstruction
        });
      }
    }

    return {
      scalars: {
        cayley_orthogonality_error: denseOrthogonality,
        cayley_block_orthogonality_error: blockOrthogonality,
        cayley_probe_error: probeError,
        cayley_det_error: detError,
        cayley_zero_identity_error: zeroIdentityError,
        singular_value_error: singularValueError,
        gradient_fd_error: fdError,
        gradient_formula_error: formulaError,
        exp_orthogonality_error: expOrthogonality,
        exp_det_error: expDetError,
        theorem1_block_orthogonality_error: t1Orthogonality,
        theorem1_reconstruction_error: t1Reconstruction,
        theorem1_projection_error: t1Projection,
        theorem1_min_raw_block_deviation: Number.isFinite(t1RawDeviation) ? t1RawDeviation : 0,
        cases: cases.length,
        theorem1_cases: theorem1.length
      },
      tables: {cases, theorem1}
    };
  }
});

// r raw b×b blocks with iid Gaussian entries, each scaled to Frobenius norm `scale`.
function randomRaw(r: number, b: number, scale: number, rng: Rng): BlockDiagonal {
  return blockDiagonal(
    Array.from({length: r}, () => {
      const data = rng.normals(b * b);
      const factor = scale / vectorNorm(data);
      for (let q = 0; q < data.length; ++q) data[q] *= factor;
      return matrix(b, b, data);
    })
  );
}

// The analytic gradient of f(θ) = Σ_j u_jᵀ Q(θ) v_j against central differences along the normalised gradient and
// along a random direction on two blocks, and (for one block) against the closed form (I + Q)ᵀ·G·Mᵀ.
function gradientCheck(rawL: BlockDiagonal, rawR: BlockDiagonal, rng: Rng, h: number) {
  const n = rawR.rows;
  const U = unitColumns(matrix(n, 2, rng.normals(2 * n)));
  const V = unitColumns(matrix(n, 2, rng.normals(2 * n)));
  const loss = (l: BlockDiagonal, r: BlockDiagonal) => {
    const Q = gsoft(orthogonalBlocks(l), orthogonalBlocks(r));
    let f = 0;
    for (let j = 0; j < 2; ++j) {
      const y = gsApply(Q, column(V, j));
      const u = column(U, j);
      for (let i = 0; i < n; ++i) f += u[i] * y[i];
    }
    return f;
  };
  const Q = gsoft(orthogonalBlocks(rawL), orthogonalBlocks(rawR));
  const {dBlocks} = gsBackward(Q, gsForward(Q, V), U); // ∂f/∂(blocks of R) and ∂f/∂(blocks of L)
  const gradR = cayleyBlocksGradient(rawR, dBlocks[0]);
  const gradL = cayleyBlocksGradient(rawL, dBlocks[1]);

  // Closed form for L block 0: ∂f/∂K = (I + Q)ᵀ·G·Mᵀ with M = (I − K)⁻¹, then ∂f/∂A = ½(∂f/∂K − (∂f/∂K)ᵀ).
  const A0 = rawL.blocks[0];
  const b = A0.rows;
  const K = skewPart(A0);
  const minus = identity(b);
  for (let q = 0; q < b * b; ++q) minus.data[q] -= K.data[q];
  const M = solve(minus, identity(b));
  const Q0 = orthogonalBlock(A0);
  const plus = identity(b);
  for (let q = 0; q < b * b; ++q) plus.data[q] += Q0.data[q];
  const GK = multiply(multiplyTransposeA(plus, dBlocks[1][0]), transpose(M));
  const closed = matrix(b, b);
  for (let i = 0; i < b; ++i) {
    for (let j = 0; j < b; ++j) closed.data[i * b + j] = 0.5 * (GK.data[i * b + j] - GK.data[j * b + i]);
  }
  const viaLibrary = cayleyParameterGradient(A0, dBlocks[1][0]);
  const formula = frobeniusDistance(closed, viaLibrary) / Math.max(frobeniusNorm(closed), Number.MIN_VALUE);

  const directional = (dL: Matrix[], dR: Matrix[]) => {
    const shift = (raw: BlockDiagonal, d: Matrix[], t: number) =>
      blockDiagonal(
        raw.blocks.map((B, k) =>
          matrix(
            b,
            b,
            B.data.map((x, q) => x + t * d[k].data[q])
          )
        )
      );
    // Five-point central difference, error O(h⁴): (−f(2h) + 8f(h) − 8f(−h) + f(−2h)) / 12h.
    const at = (t: number) => loss(shift(rawL, dL, t), shift(rawR, dR, t));
    const fd = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
    let analytic = 0;
    dL.forEach((D, k) => D.data.forEach((x, q) => (analytic += x * gradL[k].data[q])));
    dR.forEach((D, k) => D.data.forEach((x, q) => (analytic += x * gradR[k].data[q])));
    return Math.abs(fd - analytic) / Math.abs(analytic);
  };
  // Direction 1: the normalised analytic gradient.
  const total = Math.sqrt([...gradL, ...gradR].reduce((s, G) => s + frobeniusNorm(G) ** 2, 0));
  const scaled = (G: Matrix) =>
    matrix(
      b,
      b,
      G.data.map((x) => x / total)
    );
  const fdGradientDirection = directional(gradL.map(scaled), gradR.map(scaled));
  // Direction 2: random on L block 0 and on the last R block, zero elsewhere.
  const zero = () => matrix(b, b);
  const dL = rawL.blocks.map((_, k) => (k === 0 ? matrix(b, b, rng.normals(b * b)) : zero()));
  const dR = rawR.blocks.map((_, k) => (k === rawR.blocks.length - 1 ? matrix(b, b, rng.normals(b * b)) : zero()));
  const fdRandomDirection = directional(dL, dR);
  return {fdGradientDirection, fdRandomDirection, formula};
}

// ‖QᵀQ − I‖_F.
function orthogonalityError(Q: Matrix): number {
  const G = gramTransposeA(Q);
  const n = G.rows;
  let sum = 0;
  for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) sum += (G.data[i * n + j] - (i === j ? 1 : 0)) ** 2;
  return Math.sqrt(sum);
}

function column(A: Matrix, j: number): Float64Array {
  return Float64Array.from({length: A.rows}, (_, i) => A.data[i * A.cols + j]);
}

function unitColumns(A: Matrix): Matrix {
  for (let j = 0; j < A.cols; ++j) {
    const length = vectorNorm(column(A, j));
    for (let i = 0; i < A.rows; ++i) A.data[i * A.cols + j] /= length;
  }
  return A;
}

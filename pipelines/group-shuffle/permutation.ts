// E2 of the Group-and-Shuffle paper: the shuffle P_(k,n) (Fig. 3) and the fast GS apply against dense products.
import {integer, pipeline, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {multiply, multiplyTransposeA} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {blockDiagonalDense, randomBlockDiagonal} from "./blockDiagonal.js";
import {butterflyMultiply} from "./butterflyMultiply.js";
import {gs, gsApply, gsApplyBatch, gsApplyTranspose, gsApplyTransposeBatch, gsDense, gsoft} from "./gs.js";
import type {GsProduct} from "./gs.js";
import {inversePermutation, permutationMatrix, permutationsEqual, randomPermutation, shuffle} from "./shuffle.js";

/** Rectangular GS(P_L, P, P_R) layouts checked besides the square ones: k_L blocks b_L¹×b_L², k_R blocks b_R¹×b_R². */
const rectangularLayouts = [
  {kL: 4, bL1: 3, bL2: 5, kR: 5, bR1: 4, bR2: 6},
  {kL: 2, bL1: 7, bL2: 6, kR: 3, bR1: 4, bR2: 2},
  {kL: 6, bL1: 2, bL2: 4, kR: 4, bR1: 6, bR2: 5}
];

/**
 * Spec E2: σ(i) = (i mod k)·(n/k) + ⌊i/k⌋ for n = 12 and each k (Fig. 3, as edges and as 0/1 rows); GSOFT
 * Q = Pᵀ·L·P·R applied in four steps against the dense product of explicit permutation and block matrices, for
 * every (r, b) pair (vectors, batches, transposes), against the official BlockdiagButterflyMultiply, and against
 * the swapped convention P_(b,n), which must differ whenever r ≠ b; general GS(P_L, P, P_R) with rectangular blocks
 * and random P_L, P_R; and P_(k,n)ᵀ = P_(n/k,n) for every divisor k of each size.
 */
export const permutation = pipeline({
  id: "group-shuffle/permutation",
  description: "The shuffle permutation P_(k,n) and the O(nb) GS apply checked against dense products.",
  source: import.meta.url,
  params: {
    diagram_n: integer(12, "size n of the Fig. 3 permutations", {min: 2, max: 64}),
    diagram_k: reals([3, 4, 6, 2], "values of k drawn in Fig. 3 (each must divide diagram_n)", {min: 1}),
    blocks: reals([4, 3, 8, 2, 6, 5, 16, 12, 32], "numbers of blocks r of the GSOFT checks", {min: 1, max: 256}),
    block_sizes: reals([4, 5, 2, 8, 4, 7, 16, 16, 32], "block sizes b paired with `blocks`", {min: 1, max: 256}),
    vectors: integer(4, "random vectors per configuration for the single-vector apply", {min: 1, max: 64}),
    batch: integer(64, "columns of the batched apply", {min: 1, max: 1024}),
    inverse_sizes: reals([12, 60, 64, 96, 1024], "sizes n whose every divisor k is checked for P_(k,n)ᵀ = P_(n/k,n)", {
      min: 1
    })
  },
  outputs: {
    scalars: {
      max_fast_apply_error: "max |fast GSOFT apply − dense Pᵀ·L·P·R product| over vectors and (r, b) configurations",
      max_batch_apply_error: "the same for the batched apply",
      max_transpose_apply_error: "the same for the transposed apply",
      max_rectangular_apply_error:
        "max error of the fast, batched and transposed applies of the rectangular GS layouts",
      max_official_multiply_error: "max |official BlockdiagButterflyMultiply − fast GS apply|",
      min_swapped_convention_difference:
        "min over r ≠ b of max |entry| difference with the swapped P_(b,n) (0 if none)",
      square_swapped_convention_difference: "max difference with the swapped convention when r = b (should be 0)",
      inverse_mismatches: "divisors k with P_(k,n)ᵀ ≠ P_(n/k,n), plus mismatched dense entries at diagram_n",
      inverse_checks: "number of (n, k) pairs checked for P_(k,n)ᵀ = P_(n/k,n)",
      gsoft_configurations: "number of (r, b) GSOFT configurations checked",
      rectangular_configurations: "number of rectangular GS layouts checked"
    },
    tables: {
      diagram: {
        description: "Fig. 3: the shuffle σ(i) = (i mod k)·(n/k) + ⌊i/k⌋ of size diagram_n, one row per (k, i)",
        columns: {k: "the shuffle's k", i: "source index", sigma: "target index σ(i)"}
      },
      diagram_rows: {
        description: "the same permutations as 0/1 matrices, one text row per matrix row",
        columns: {k: "the shuffle's k", row: "matrix row", pattern: "the row, 1 for a one and · for a zero"}
      },
      configurations: {
        description: "one row per (r, b) GSOFT configuration",
        columns: {
          r: "number of blocks",
          b: "block size",
          n: "size r·b",
          fast_error: "max |fast apply − dense|",
          batch_error: "max |batched apply − dense|",
          transpose_error: "max |transposed apply − dense|",
          official_error: "max |official multiply − fast apply|",
          swapped_difference: "max |swapped-convention matrix − GSOFT matrix|"
        }
      },
      rectangular: {
        description: "one row per rectangular layout GS(P_L, P, P_R): k_L blocks b_L¹×b_L², k_R blocks b_R¹×b_R²",
        columns: {
          k_l: "number of L blocks",
          b_l1: "L block rows",
          b_l2: "L block columns",
          k_r: "number of R blocks",
          b_r1: "R block rows",
          b_r2: "R block columns",
          rows: "rows of the product",
          cols: "columns of the product",
          fast_error: "max |fast apply − dense|",
          batch_error: "max |batched apply − dense|",
          transpose_error: "max |transposed apply − dense|"
        }
      }
    }
  },
  run(params, rng) {
    const {diagram_n: diagramN, diagram_k: diagramK, blocks, block_sizes: blockSizes, vectors, batch} = params;
    if (blocks.length !== blockSizes.length) {
      throw new Error(
        `permutation: blocks (${blocks.length}) and block_sizes (${blockSizes.length}) must have equal lengths`
      );
    }

    // Fig. 3: P_(k,12) as edges i → σ(i) and as the rows of the 0/1 matrix (ones at (σ(i), i)).
    const diagram: Row[] = [];
    const diagramRows: Row[] = [];
    for (const k of diagramK) {
      const sigma = shuffle(k, diagramN);
      sigma.forEach((target, i) => diagram.push({k, i, sigma: target}));
      const P = permutationMatrix(sigma);
      for (let row = 0; row < diagramN; ++row) {
        const pattern = Array.from(P.data.subarray(row * diagramN, (row + 1) * diagramN), (x) =>
          x === 1 ? "1" : "·"
        ).join("");
        diagramRows.push({k, row, pattern});
      }
    }

    // GSOFT Q = Pᵀ L P R, fast against dense.
    let fastError = 0;
    let batchError = 0;
    let transposeError = 0;
    let officialError = 0;
    let swappedMinDifference = Infinity;
    let squareSwappedDifference = 0;
    const configurations: Row[] = [];
    blocks.forEach((r, c) => {
      const b = blockSizes[c];
      const n = r * b;
      const stream = rng.fork(`gsoft-${r}x${b}`);
      const L = randomBlockDiagonal(r, b, b, stream, 1 / Math.sqrt(b));
      const R = randomBlockDiagonal(r, b, b, stream, 1 / Math.sqrt(b));
      const Q = gsoft(L, R);
      const P = permutationMatrix(shuffle(r, n));
      const dense = multiplyTransposeA(P, multiply(blockDiagonalDense(L), multiply(P, blockDiagonalDense(R))));
      const errors = compare(Q, dense, stream, vectors, batch);
      fastError = Math.max(fastError, errors.fast);
      batchError = Math.max(batchError, errors.batch);
      transposeError = Math.max(transposeError, errors.transpose);

      const x = stream.normals(n);
      const [w1, w2] = [R.blocks.map((B) => B.data), L.blocks.map((B) => B.data)];
      const official = butterflyMultiply(x, w1, {q: b, p: b}, w2, {s: b, r: b});
      officialError = Math.max(officialError, maxAbsDifference(official, gsApply(Q, x)));

      // The swapped convention P_(b,n) in place of P_(r,n).
      const Pb = shuffle(b, n);
      const swapped = gsDense(gs(L, R, {pL: inversePermutation(Pb), p: Pb}));
      const difference = maxAbsDifference(swapped.data, dense.data);
      if (r !== b) swappedMinDifference = Math.min(swappedMinDifference, difference);
      else squareSwappedDifference = Math.max(squareSwappedDifference, difference);
      configurations.push({
        r,
        b,
        n,
        fast_error: errors.fast,
        batch_error: errors.batch,
        transpose_error: errors.transpose,
        official_error: maxAbsDifference(official, gsApply(Q, x)),
        swapped_difference: difference
      });
    });

    // General GS(P_L, P, P_R) with rectangular blocks and random outer permutations.
    let rectangularError = 0;
    const rectangular: Row[] = [];
    rectangularLayouts.forEach((layout, c) => {
      const stream = rng.fork(`rectangular-${c}`);
      const {kL, bL1, bL2, kR, bR1, bR2} = layout;
      const L = randomBlockDiagonal(kL, bL1, bL2, stream, 1 / Math.sqrt(bL2));
      const R = randomBlockDiagonal(kR, bR1, bR2, stream, 1 / Math.sqrt(bR2));
      const pL = randomPermutation(L.rows, stream);
      const pR = randomPermutation(R.cols, stream);
      const p = shuffle(kL, R.rows);
      const A = gs(L, R, {pL, p, pR});
      const dense = multiply(
        permutationMatrix(pL),
        multiply(
          blockDiagonalDense(L),
          multiply(permutationMatrix(p), multiply(blockDiagonalDense(R), permutationMatrix(pR)))
        )
      );
      const errors = compare(A, dense, stream, vectors, batch);
      rectangularError = Math.max(rectangularError, errors.fast, errors.batch, errors.transpose);
      rectangular.push({
        k_l: kL,
        b_l1: bL1,
        b_l2: bL2,
        k_r: kR,
        b_r1: bR1,
        b_r2: bR2,
        rows: A.rows,
        cols: A.cols,
        fast_error: errors.fast,
        batch_error: errors.batch,
        transpose_error: errors.transpose
      });
    });

    // P_(k,n)ᵀ = P_(n/k,n), as permutations and (for the diagram size) as dense matrices.
    let inverseMismatches = 0;
    let inverseChecks = 0;
    for (const n of params.inverse_sizes) {
      for (let k = 1; k <= n; ++k) {
        if (n % k !== 0) continue;
        ++inverseChecks;
        if (!permutationsEqual(inversePermutation(shuffle(k, n)), shuffle(n / k, n))) ++inverseMismatches;
      }
    }
    let denseTransposeMismatches = 0;
    for (const k of diagramK) {
      const P = permutationMatrix(shuffle(k, diagramN));
      const PT = permutationMatrix(shuffle(diagramN / k, diagramN));
      for (let i = 0; i < diagramN; ++i) {
        for (let j = 0; j < diagramN; ++j) {
          if (P.data[j * diagramN + i] !== PT.data[i * diagramN + j]) ++denseTransposeMismatches;
        }
      }
    }

    return {
      scalars: {
        max_fast_apply_error: fastError,
        max_batch_apply_error: batchError,
        max_transpose_apply_error: transposeError,
        max_rectangular_apply_error: rectangularError,
        max_official_multiply_error: officialError,
        min_swapped_convention_difference: Number.isFinite(swappedMinDifference) ? swappedMinDifference : 0,
        square_swapped_convention_difference: squareSwappedDifference,
        inverse_mismatches: inverseMismatches + denseTransposeMismatches,
        inverse_checks: inverseChecks,
        gsoft_configurations: configurations.length,
        rectangular_configurations: rectangular.length
      },
      tables: {diagram, diagram_rows: diagramRows, configurations, rectangular}
    };
  }
});

// Largest absolute differences of the single-vector, batched and transposed fast applies against the dense matrix.
function compare(A: GsProduct, dense: Matrix, rng: Rng, vectors: number, batch: number) {
  let fast = 0;
  let transpose = 0;
  for (let v = 0; v < vectors; ++v) {
    const x = rng.normals(A.cols);
    fast = Math.max(fast, maxAbsDifference(gsApply(A, x), multiply(dense, matrix(A.cols, 1, x)).data));
    const y = rng.normals(A.rows);
    const reference = multiplyTransposeA(dense, matrix(A.rows, 1, y)).data;
    transpose = Math.max(transpose, maxAbsDifference(gsApplyTranspose(A, y), reference));
  }
  const X = matrix(A.cols, batch, rng.normals(A.cols * batch));
  const Y = matrix(A.rows, batch, rng.normals(A.rows * batch));
  const batchError = Math.max(
    maxAbsDifference(gsApplyBatch(A, X).data, multiply(dense, X).data),
    maxAbsDifference(gsApplyTransposeBatch(A, Y).data, multiplyTransposeA(dense, Y).data),
    maxAbsDifference(gsDense(A).data, dense.data)
  );
  return {fast, batch: batchError, transpose};
}

function maxAbsDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new Error(`maxAbsDifference: lengths ${a.length} and ${b.length} differ`);
  let max = 0;
  for (let i = 0; i < a.length; ++i) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

import assert from "node:assert/strict";
import {test} from "node:test";
import {blockDiagonalDense, randomBlockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {butterflyMultiply} from "../../../pipelines/group-shuffle/butterflyMultiply.js";
import {
  conjugatedProduct,
  gs,
  gsApply,
  gsApplyBatch,
  gsApplyTranspose,
  gsApplyTransposeBatch,
  gsChain,
  gsDense,
  gsMultiplyAdds,
  gsoft
} from "../../../pipelines/group-shuffle/gs.js";
import {
  inversePermutation,
  permutationMatrix,
  randomPermutation,
  shuffle
} from "../../../pipelines/group-shuffle/shuffle.js";
import {multiply, multiplyTransposeA} from "../../../src/linalg/gemm.js";
import {identity, matrix} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";

const pairs = [
  [4, 4],
  [3, 5],
  [8, 2],
  [2, 8],
  [6, 4],
  [5, 7],
  [16, 4]
];

// Pᵀ·L·P·R from explicit dense matrices, independent of the fast apply.
function denseGsoft(L: Matrix, R: Matrix, r: number): Matrix {
  const P = permutationMatrix(shuffle(r, L.rows));
  return multiplyTransposeA(P, multiply(L, multiply(P, R)));
}

function maxAbs(a: Float64Array, b: Float64Array): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; ++i) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

test("gsApply(gsoft(L, R), x) equals the dense Pᵀ·L·P·R·x for square blocks, including r ≠ b", () => {
  const rng = createRng(1);
  for (const [r, b] of pairs) {
    const L = randomBlockDiagonal(r, b, b, rng);
    const R = randomBlockDiagonal(r, b, b, rng);
    const Q = gsoft(L, R);
    const D = denseGsoft(blockDiagonalDense(L), blockDiagonalDense(R), r);
    const x = rng.normals(r * b);
    assert.ok(maxAbs(gsApply(Q, x), multiply(D, matrix(r * b, 1, x)).data) < 1e-12, `r=${r}, b=${b}`);
    assert.ok(maxAbs(gsDense(Q).data, D.data) < 1e-12);
    const y = rng.normals(r * b);
    assert.ok(maxAbs(gsApplyTranspose(Q, y), multiplyTransposeA(D, matrix(r * b, 1, y)).data) < 1e-12);
    assert.equal(gsMultiplyAdds(Q), 2 * r * b * b);
  }
});

test("gsApplyBatch and gsApplyTransposeBatch match the dense product; both kernels agree bit for bit", () => {
  const rng = createRng(2);
  for (const [r, b] of pairs) {
    const n = r * b;
    const Q = gsoft(randomBlockDiagonal(r, b, b, rng), randomBlockDiagonal(r, b, b, rng));
    const D = gsDense(Q);
    const X = matrix(n, 13, rng.normals(n * 13));
    const gemm = gsApplyBatch(Q, X, "gemm");
    const loops = gsApplyBatch(Q, X, "loops");
    assert.ok(maxAbs(gemm.data, multiply(D, X).data) < 1e-12);
    assert.deepEqual(Array.from(loops.data), Array.from(gemm.data));
    const T = gsApplyTransposeBatch(Q, X);
    assert.ok(maxAbs(T.data, multiplyTransposeA(D, X).data) < 1e-12);
    assert.deepEqual(Array.from(gsApplyTransposeBatch(Q, X, "loops").data), Array.from(T.data));
  }
});

test("gs(L, R, {pL, p, pR}) with rectangular blocks and random outer permutations equals P_L·L·P·R·P_R", () => {
  const rng = createRng(3);
  for (const [kL, bL1, bL2, kR, bR1, bR2] of [
    [4, 3, 5, 5, 4, 6],
    [2, 7, 6, 4, 3, 5],
    [6, 2, 4, 4, 6, 5]
  ]) {
    const L = randomBlockDiagonal(kL, bL1, bL2, rng);
    const R = randomBlockDiagonal(kR, bR1, bR2, rng);
    const pL = randomPermutation(L.rows, rng);
    const pR = randomPermutation(R.cols, rng);
    const p = shuffle(kL, R.rows);
    const A = gs(L, R, {pL, p, pR});
    const D = multiply(
      permutationMatrix(pL),
      multiply(
        blockDiagonalDense(L),
        multiply(permutationMatrix(p), multiply(blockDiagonalDense(R), permutationMatrix(pR)))
      )
    );
    assert.equal(A.rows, kL * bL1);
    assert.equal(A.cols, kR * bR2);
    assert.ok(maxAbs(gsDense(A).data, D.data) < 1e-12);
    const x = rng.normals(A.cols);
    assert.ok(maxAbs(gsApply(A, x), multiply(D, matrix(A.cols, 1, x)).data) < 1e-12);
    const y = rng.normals(A.rows);
    assert.ok(maxAbs(gsApplyTranspose(A, y), multiplyTransposeA(D, matrix(A.rows, 1, y)).data) < 1e-12);
  }
});

test("gsoft matches the official BlockdiagButterflyMultiply, and P_(b,n) in place of P_(r,n) differs when r ≠ b", () => {
  const rng = createRng(4);
  for (const [r, b] of pairs) {
    const n = r * b;
    const L = randomBlockDiagonal(r, b, b, rng);
    const R = randomBlockDiagonal(r, b, b, rng);
    const x = rng.normals(n);
    const official = butterflyMultiply(
      x,
      R.blocks.map((B) => B.data),
      {q: b, p: b},
      L.blocks.map((B) => B.data),
      {s: b, r: b}
    );
    assert.ok(maxAbs(official, gsApply(gsoft(L, R), x)) < 1e-12);
    const Pb = shuffle(b, n);
    const swapped = gsDense(gs(L, R, {pL: inversePermutation(Pb), p: Pb}));
    const difference = maxAbs(swapped.data, gsDense(gsoft(L, R)).data);
    if (r === b) assert.equal(difference, 0);
    else assert.ok(difference > 0.1, `r=${r}, b=${b}: ${difference}`);
  }
});

test("conjugatedProduct([(I, R), (P, L)]) is gsoft(L, R); gsChain with two factors and P_L = Pᵀ is gsoft too", () => {
  const rng = createRng(5);
  const r = 4;
  const b = 6;
  const L = randomBlockDiagonal(r, b, b, rng);
  const R = randomBlockDiagonal(r, b, b, rng);
  const P = shuffle(r, r * b);
  const expected = gsDense(gsoft(L, R)).data;
  assert.deepEqual(
    Array.from(
      gsDense(
        conjugatedProduct([
          {permutation: null, factor: R},
          {permutation: P, factor: L}
        ])
      ).data
    ),
    Array.from(expected)
  );
  assert.deepEqual(Array.from(gsDense(gsChain([R, L], {pL: inversePermutation(P)})).data), Array.from(expected));
});

test("higher-order products apply factor by factor (Def. 5.1)", () => {
  const rng = createRng(6);
  const factors = [
    randomBlockDiagonal(4, 3, 3, rng),
    randomBlockDiagonal(4, 3, 3, rng),
    randomBlockDiagonal(4, 3, 3, rng)
  ];
  const pR = randomPermutation(12, rng);
  const pL = randomPermutation(12, rng);
  const A = gsChain(factors, {pL, pR});
  const P = permutationMatrix(shuffle(4, 12));
  let D: Matrix = permutationMatrix(pR);
  factors.forEach((B, i) => {
    D = multiply(blockDiagonalDense(B), D);
    D = multiply(i === factors.length - 1 ? permutationMatrix(pL) : P, D);
  });
  assert.ok(maxAbs(gsDense(A).data, D.data) < 1e-12);
  assert.equal(gsMultiplyAdds(A), 3 * 12 * 3);
  assert.deepEqual(Array.from(gsApplyBatch(A, identity(12)).data), Array.from(gsDense(A).data));
});

test("gs products check their shapes", () => {
  const rng = createRng(7);
  const L = randomBlockDiagonal(3, 4, 4, rng);
  const R = randomBlockDiagonal(2, 4, 4, rng);
  assert.throws(() => gs(L, R, {p: shuffle(3, 12)}), /has 8 rows but factor 2 has 12 columns/);
  assert.throws(
    () => gsApply(gsoft(L, randomBlockDiagonal(3, 4, 4, rng)), new Float64Array(5)),
    /Matrix dimensions do not match/
  );
});

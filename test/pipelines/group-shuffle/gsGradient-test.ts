import assert from "node:assert/strict";
import {test} from "node:test";
import {blockDiagonal, randomBlockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import type {BlockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {gs, gsApplyBatch, gsDense} from "../../../pipelines/group-shuffle/gs.js";
import {gsBackward, gsBlockGradient, gsForward} from "../../../pipelines/group-shuffle/gsGradient.js";
import {randomPermutation, shuffle} from "../../../pipelines/group-shuffle/shuffle.js";
import {matrix} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";

// ⟨C, A·X⟩ is bilinear in each block, so central differences are exact up to rounding.
test("gsBackward gives ∂⟨C, A·X⟩ with respect to every block and to X", () => {
  const rng = createRng(11);
  const L = randomBlockDiagonal(3, 4, 2, rng);
  const R = randomBlockDiagonal(2, 3, 5, rng);
  const pL = randomPermutation(12, rng);
  const p = shuffle(3, 6);
  const pR = randomPermutation(10, rng);
  const X = matrix(10, 3, rng.normals(30));
  const C = matrix(12, 3, rng.normals(36));
  const loss = (l: BlockDiagonal, r: BlockDiagonal, x: Matrix) => inner(C, gsApplyBatch(gs(l, r, {pL, p, pR}), x));
  const A = gs(L, R, {pL, p, pR});
  const {dX, dBlocks} = gsBackward(A, gsForward(A, X), C);
  const h = 1e-6;
  const check = (analytic: number, plus: number, minus: number) =>
    assert.ok(Math.abs((plus - minus) / (2 * h) - analytic) < 1e-8);
  // R is factor 1, L factor 2.
  [R, L].forEach((D, f) => {
    D.blocks.forEach((B, k) => {
      for (let q = 0; q < B.data.length; ++q) {
        const shifted = (t: number) =>
          blockDiagonal(
            D.blocks.map((M, j) =>
              j === k
                ? matrix(
                    M.rows,
                    M.cols,
                    M.data.map((v, s) => (s === q ? v + t : v))
                  )
                : M
            )
          );
        const plus = f === 0 ? loss(L, shifted(h), X) : loss(shifted(h), R, X);
        const minus = f === 0 ? loss(L, shifted(-h), X) : loss(shifted(-h), R, X);
        check(dBlocks[f][k].data[q], plus, minus);
      }
    });
  });
  for (let q = 0; q < X.data.length; ++q) {
    const shifted = (t: number) =>
      matrix(
        10,
        3,
        X.data.map((v, s) => (s === q ? v + t : v))
      );
    check(dX.data[q], loss(L, R, shifted(h)), loss(L, R, shifted(-h)));
  }
});

test("gsBlockGradient(A, C) is the block gradient of ⟨C, A⟩_F", () => {
  const rng = createRng(12);
  const L = randomBlockDiagonal(4, 3, 3, rng);
  const R = randomBlockDiagonal(4, 3, 3, rng);
  const p = shuffle(4, 12);
  const C = matrix(12, 12, rng.normals(144));
  const grads = gsBlockGradient(gs(L, R, {p}), C);
  const h = 1e-6;
  const B = L.blocks[2];
  for (let q = 0; q < B.data.length; ++q) {
    const shifted = (t: number) =>
      blockDiagonal(
        L.blocks.map((M, j) =>
          j === 2
            ? matrix(
                3,
                3,
                M.data.map((v, s) => (s === q ? v + t : v))
              )
            : M
        )
      );
    const fd = (inner(C, gsDense(gs(shifted(h), R, {p}))) - inner(C, gsDense(gs(shifted(-h), R, {p})))) / (2 * h);
    assert.ok(Math.abs(fd - grads[1][2].data[q]) < 1e-8);
  }
});

function inner(A: Matrix, B: Matrix): number {
  let sum = 0;
  for (let q = 0; q < A.data.length; ++q) sum += A.data[q] * B.data[q];
  return sum;
}

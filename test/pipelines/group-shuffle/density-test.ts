import assert from "node:assert/strict";
import {test} from "node:test";
import {
  blockDiagonalDense,
  randomBlockDiagonal,
  zeroBlockDiagonal
} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {boft, boftDenseFactors} from "../../../pipelines/group-shuffle/butterfly.js";
import {
  gsDenseFactors,
  gsRowCountBound,
  isFull,
  rowCounts,
  supportHas,
  supportsByFactor
} from "../../../pipelines/group-shuffle/density.js";
import {specTable} from "../../../pipelines/group-shuffle/densityFactors.js";
import {gsChain, gsDense} from "../../../pipelines/group-shuffle/gs.js";
import {permutationMatrix, randomPermutation, shuffle} from "../../../pipelines/group-shuffle/shuffle.js";
import {multiply} from "../../../src/linalg/gemm.js";
import {identity} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";

// Brute force, independent of density.ts: multiply boolean 0/1 matrices densely and count nonzeros.
function bruteForceFactors(r: number, b: number, structure: "gs" | "boft", maxFactors: number): number {
  const n = r * b;
  const rng = createRng(r * 1000 + b);
  const ones = (D: ReturnType<typeof zeroBlockDiagonal>) => {
    for (const B of D.blocks) B.data.fill(1);
    return D;
  };
  for (let m = 1; m <= maxFactors; ++m) {
    const factors = Array.from({length: m}, () => ones(zeroBlockDiagonal(r, b, b)));
    if (structure === "boft" && r % 2 ** (m - 1) !== 0) return 0;
    const A =
      structure === "gs"
        ? gsChain(factors, {pL: randomPermutation(n, rng), pR: randomPermutation(n, rng)})
        : boft(factors);
    // The product of nonnegative matrices: an entry is nonzero exactly when the support has it.
    const D = gsDense(A);
    if (D.data.every((x) => x > 0)) return m;
  }
  return 0;
}

test("support propagation gives 1 + ⌈log_b r⌉ GS factors and 1 + ⌈log₂ r⌉ BOFT factors on the spec's table", () => {
  for (const [r, b, gsSpec, boftSpec] of specTable) {
    assert.equal(gsDenseFactors(r, b), gsSpec, `GS formula r=${r} b=${b}`);
    assert.equal(bruteForceFactors(r, b, "gs", 6), gsSpec, `GS brute force r=${r} b=${b}`);
    const supports = supportsByFactor(gsChain(Array.from({length: gsSpec}, () => zeroBlockDiagonal(r, b, b))));
    assert.ok(isFull(supports[gsSpec - 1]));
    if (gsSpec > 1) assert.ok(!isFull(supports[gsSpec - 2]));
    if (boftSpec !== null) {
      assert.equal(boftDenseFactors(r), boftSpec);
      assert.equal(bruteForceFactors(r, b, "boft", 8), boftSpec, `BOFT brute force r=${r} b=${b}`);
    }
  }
});

test("GS row counts after m factors are min(n, b^m), also for r not a power of b", () => {
  for (const [r, b] of [
    [5, 4],
    [6, 4],
    [12, 3],
    [7, 2],
    [27, 3],
    [64, 4]
  ]) {
    const n = r * b;
    const m = gsDenseFactors(r, b);
    const supports = supportsByFactor(gsChain(Array.from({length: m}, () => zeroBlockDiagonal(r, b, b))));
    supports.forEach((S, i) =>
      assert.ok(
        rowCounts(S).every((c) => c === gsRowCountBound(n, b, i + 1)),
        `r=${r} b=${b} m=${i + 1}`
      )
    );
  }
});

test("the support equals the nonzero pattern of random-valued products", () => {
  const rng = createRng(31);
  for (const [r, b] of [
    [8, 4],
    [9, 3],
    [6, 5]
  ]) {
    const n = r * b;
    const m = gsDenseFactors(r, b);
    const factors = Array.from({length: m}, () => randomBlockDiagonal(r, b, b, rng));
    const pR = randomPermutation(n, rng);
    const pL = randomPermutation(n, rng);
    const supports = supportsByFactor(gsChain(factors, {pL, pR}));
    // Dense partial products with explicit permutation matrices.
    let D: Matrix = multiply(permutationMatrix(pR), identity(n));
    factors.forEach((B, i) => {
      D = multiply(
        i === m - 1 ? permutationMatrix(pL) : permutationMatrix(shuffle(r, n)),
        multiply(blockDiagonalDense(B), D)
      );
      for (let row = 0; row < n; ++row) {
        for (let col = 0; col < n; ++col)
          assert.equal(Math.abs(D.data[row * n + col]) > 1e-14, supportHas(supports[i], row, col));
      }
    });
  }
});

test("gsDenseFactors computes ⌈log_b r⌉ in integers", () => {
  assert.equal(gsDenseFactors(1, 4), 1);
  assert.equal(gsDenseFactors(4, 4), 2);
  assert.equal(gsDenseFactors(5, 4), 3);
  assert.equal(gsDenseFactors(125, 5), 4);
  assert.equal(gsDenseFactors(96, 8), 4); // RoBERTa, b = 8: GSOFT with two factors is not dense
});

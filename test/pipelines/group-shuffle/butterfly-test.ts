import assert from "node:assert/strict";
import {test} from "node:test";
import {randomBlockDiagonal, zeroBlockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {boft, boftDenseFactors, butterflyPermutation} from "../../../pipelines/group-shuffle/butterfly.js";
import {rowCounts, supportsByFactor} from "../../../pipelines/group-shuffle/density.js";
import {gsDense} from "../../../pipelines/group-shuffle/gs.js";
import {assertPermutation, isIdentityPermutation} from "../../../pipelines/group-shuffle/shuffle.js";
import {createRng} from "../../../src/random/rng.js";

test("butterflyPermutation(n, b, i) groups half-block h with h XOR 2^i, the one with bit i clear first", () => {
  for (const [n, b] of [
    [32, 4],
    [64, 8],
    [48, 6],
    [16, 2]
  ]) {
    const half = b / 2;
    const r = n / b;
    for (let i = 0; 2 ** i <= r && r % 2 ** i === 0; ++i) {
      const sigma = butterflyPermutation(n, b, i);
      assertPermutation(sigma, "test");
      for (let a = 0; a < n; ++a) {
        const h = Math.floor(a / half);
        const partner = h ^ (2 ** i);
        const block = Math.floor(sigma[a] / b);
        // Every index of the partner half-block lands in the same block, at the other half.
        const other = partner * half + (a % half);
        assert.equal(Math.floor(sigma[other] / b), block);
        assert.equal(sigma[other] % b, ((sigma[a] % b) + half) % b);
        assert.equal(sigma[a] % b < half, (h & (2 ** i)) === 0);
      }
    }
  }
  assert.ok(isIdentityPermutation(butterflyPermutation(24, 4, 0)));
  assert.throws(() => butterflyPermutation(24, 4, 2), /needs 2\^2 to divide the number of blocks 6/);
});

test("boft factors couple exactly the XOR partners: a factor-i block is supported on half-blocks h and h XOR 2^i", () => {
  const rng = createRng(21);
  const n = 32;
  const b = 4;
  const D1 = randomBlockDiagonal(8, b, b, rng);
  const factor = gsDense(boft([zeroIdentity(n, b), D1])); // F_1·I
  for (let row = 0; row < n; ++row) {
    for (let col = 0; col < n; ++col) {
      const coupled = Math.floor(row / 2) === Math.floor(col / 2) || Math.floor(row / 2) === (Math.floor(col / 2) ^ 2);
      if (!coupled) assert.equal(factor.data[row * n + col], 0);
    }
  }
});

test("m butterfly factors reach min(n, 2^{m−1}·b) entries per row; density needs 1 + ⌈log₂ r⌉", () => {
  for (const [r, b] of [
    [4, 4],
    [8, 4],
    [16, 4],
    [32, 4],
    [8, 8],
    [32, 8],
    [16, 16],
    [32, 32]
  ]) {
    const n = r * b;
    const m = boftDenseFactors(r);
    const supports = supportsByFactor(boft(Array.from({length: m}, () => zeroBlockDiagonal(r, b, b))));
    supports.forEach((S, i) => assert.ok(rowCounts(S).every((c) => c === Math.min(n, 2 ** i * b))));
  }
  assert.deepEqual([4, 8, 16, 32].map(boftDenseFactors), [3, 4, 5, 6]);
});

function zeroIdentity(n: number, b: number) {
  const D = zeroBlockDiagonal(n / b, b, b);
  for (const B of D.blocks) for (let i = 0; i < b; ++i) B.data[i * b + i] = 1;
  return D;
}

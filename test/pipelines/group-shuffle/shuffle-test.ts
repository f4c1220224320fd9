import assert from "node:assert/strict";
import {test} from "node:test";
import {
  assertPermutation,
  composePermutations,
  identityPermutation,
  inversePermutation,
  pairedShuffle,
  permutationMatrix,
  permuteColumns,
  permuteRows,
  permuteVector,
  permutationsEqual,
  randomPermutation,
  shuffle
} from "../../../pipelines/group-shuffle/shuffle.js";
import {multiply} from "../../../src/linalg/gemm.js";
import {matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";

test("shuffle(3, 12) is σ(i) = (i mod 3)·4 + ⌊i/3⌋ (Fig. 3)", () => {
  assert.deepEqual(Array.from(shuffle(3, 12)), [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
  assert.deepEqual(Array.from(shuffle(4, 12)), [0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
  assert.deepEqual(Array.from(shuffle(1, 5)), [0, 1, 2, 3, 4]);
  assert.deepEqual(Array.from(shuffle(5, 5)), [0, 1, 2, 3, 4]);
});

test("shuffle(k, n) is the b×r → r×b reshape-transpose (einops '(b r) -> (r b)')", () => {
  for (const [r, b] of [
    [4, 3],
    [3, 5],
    [8, 2],
    [2, 8],
    [6, 4]
  ]) {
    const n = r * b;
    const x = Float64Array.from({length: n}, (_, i) => i);
    // x as a b×r row-major matrix, transposed to r×b and flattened.
    const reshaped = new Float64Array(n);
    for (let row = 0; row < b; ++row) for (let col = 0; col < r; ++col) reshaped[col * b + row] = x[row * r + col];
    assert.deepEqual(Array.from(permuteVector(shuffle(r, n), x)), Array.from(reshaped));
  }
});

test("inversePermutation(shuffle(k, n)) equals shuffle(n/k, n), i.e. P_(k,n)ᵀ = P_(n/k,n)", () => {
  for (const n of [12, 30, 64, 96, 360]) {
    for (let k = 1; k <= n; ++k) {
      if (n % k !== 0) continue;
      assert.ok(permutationsEqual(inversePermutation(shuffle(k, n)), shuffle(n / k, n)), `k=${k}, n=${n}`);
    }
  }
  // And as dense matrices.
  const P = permutationMatrix(shuffle(3, 12));
  const Q = permutationMatrix(shuffle(4, 12));
  for (let i = 0; i < 12; ++i) for (let j = 0; j < 12; ++j) assert.equal(P.data[i * 12 + j], Q.data[j * 12 + i]);
});

test("permutationMatrix has its ones at (σ(i), i) so that (Px)[σ(i)] = x[i]", () => {
  const sigma = shuffle(4, 12);
  const P = permutationMatrix(sigma);
  const x = Float64Array.from({length: 12}, (_, i) => 10 + i);
  const y = multiply(P, matrix(12, 1, x)).data;
  for (let i = 0; i < 12; ++i) {
    assert.equal(P.data[sigma[i] * 12 + i], 1);
    assert.equal(y[sigma[i]], x[i]);
  }
  assert.deepEqual(Array.from(permuteVector(sigma, x)), Array.from(y));
});

test("permuteRows and permuteColumns compute P·X and X·P", () => {
  const rng = createRng(3);
  const sigma = randomPermutation(7, rng);
  const P = permutationMatrix(sigma);
  const X = matrix(7, 5, rng.normals(35));
  assert.deepEqual(Array.from(permuteRows(sigma, X).data), Array.from(multiply(P, X).data));
  const Y = matrix(4, 7, rng.normals(28));
  assert.deepEqual(Array.from(permuteColumns(Y, sigma).data), Array.from(multiply(Y, P).data));
});

test("composePermutations(a, b) is the matrix product P_a·P_b", () => {
  const rng = createRng(4);
  const a = randomPermutation(9, rng);
  const b = randomPermutation(9, rng);
  const product = multiply(permutationMatrix(a), permutationMatrix(b));
  assert.deepEqual(Array.from(permutationMatrix(composePermutations(a, b)).data), Array.from(product.data));
  assert.ok(permutationsEqual(composePermutations(a, inversePermutation(a)), identityPermutation(9)));
});

test("pairedShuffle keeps channel pairs together and is a permutation", () => {
  for (const [k, n] of [
    [2, 8],
    [4, 16],
    [4, 32],
    [3, 12]
  ]) {
    const sigma = pairedShuffle(k, n);
    assertPermutation(sigma, "test");
    for (let i = 0; i < n; i += 2) assert.equal(sigma[i + 1], sigma[i] + 1);
  }
  assert.deepEqual(Array.from(pairedShuffle(2, 8)), [0, 1, 4, 5, 2, 3, 6, 7]);
});

test("shuffle rejects k that does not divide n", () => {
  assert.throws(() => shuffle(5, 12), /k must be a positive divisor of n/);
  assert.throws(() => pairedShuffle(4, 12), /2k must divide n/);
});

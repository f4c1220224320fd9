// Blocked left application of Householder reflections: agreement with the product formed by accumulateReflectors,
// orthogonality, block sizes that do not divide the count, and empty cases.
import assert from "node:assert/strict";
import {test} from "node:test";
import {applyReflectorsLeft} from "../../src/linalg/blockedHouseholder.js";
import {accumulateReflectors} from "../../src/linalg/householder.js";
import {copy, identity, matrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import type {Rng} from "../../src/random/rng.js";
import {gaussian, maxAbs, maxDifference, naiveProduct, naiveTranspose, orthonormalityError} from "./checks.js";

// r random reflectors of length L with v_k[k + shift] = 1 and τ_k = 2/‖v_k‖² (exact reflections).
function reflectors(rng: Rng, L: number, r: number, shift: number): {vectors: Float64Array; tau: Float64Array} {
  const vectors = new Float64Array(r * L);
  const tau = new Float64Array(r);
  for (let k = 0; k < r; ++k) {
    let norm2 = 1;
    vectors[k * L + k + shift] = 1;
    for (let i = k + shift + 1; i < L; ++i) {
      const x = rng.normal();
      vectors[k * L + i] = x;
      norm2 += x * x;
    }
    tau[k] = 2 / norm2;
  }
  return {vectors, tau};
}

test("applyReflectorsLeft(C, …) equals H₀⋯H_{r−1}·C formed from accumulateReflectors, for any block size", () => {
  const rng = createRng(21).fork("blocked-householder");
  for (const [L, q, r, shift] of [
    [7, 3, 5, 1],
    [40, 17, 38, 1],
    [70, 70, 70, 0],
    [130, 9, 128, 1]
  ]) {
    const {vectors, tau} = reflectors(rng, L, r, shift);
    const C = gaussian(rng, L, q);
    const Q = naiveTranspose(accumulateReflectors(L, L, vectors, tau, r, shift)); // H₀⋯H_{r−1}
    const expected = naiveProduct(Q, C);
    for (const blockSize of [1, 3, 32, 64]) {
      const X = copy(C);
      applyReflectorsLeft(X, vectors, tau, r, shift, blockSize);
      const error = maxDifference(X, expected) / maxAbs(expected);
      assert.ok(error < 1e-13, `L = ${L}, r = ${r}, block ${blockSize}: ${error}`);
    }
  }
});

test("applyReflectorsLeft(I, …) is orthogonal, and r = 0 or an empty C leaves C unchanged", () => {
  const rng = createRng(22).fork("blocked-householder-identity");
  const {vectors, tau} = reflectors(rng, 90, 88, 1);
  const Q = identity(90);
  applyReflectorsLeft(Q, vectors, tau, 88, 1);
  assert.ok(orthonormalityError(Q) < 1e-13);
  const C = gaussian(rng, 5, 4);
  const X = copy(C);
  applyReflectorsLeft(X, new Float64Array(0), new Float64Array(0), 0, 1);
  assert.deepEqual(X, C);
  applyReflectorsLeft(matrix(5, 0), reflectors(rng, 5, 3, 1).vectors, Float64Array.of(1, 1, 1), 3, 1);
  assert.throws(() => applyReflectorsLeft(X, new Float64Array(3), new Float64Array(1), 1, 1), /more storage/);
});

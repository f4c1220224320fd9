// Householder reflections: Hx = βe₁, and the blocked WY accumulation against the plain product of reflections.
import assert from "node:assert/strict";
import {test} from "node:test";
import {accumulateReflectors, householderVector} from "../../src/linalg/householder.js";
import {identity, matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import {maxDifference, naiveProduct, orthonormalityError} from "./checks.js";

test("householderVector(x, …) gives H = I − τvvᵀ with Hx = βe₁, |β| = ‖x‖, on a strided vector", () => {
  const rng = createRng(1).fork("householder");
  for (const length of [1, 2, 9]) {
    const stride = 3;
    const x = rng.normals(length * stride);
    const original = Float64Array.from({length}, (_, i) => x[i * stride]);
    const out = new Float64Array(2);
    householderVector(x, 0, stride, length, out);
    const [tau, beta] = out;
    const v = Float64Array.from({length}, (_, i) => (i === 0 ? 1 : x[i * stride]));
    let vx = 0;
    for (let i = 0; i < length; ++i) vx += v[i] * original[i];
    const norm = Math.hypot(...original);
    for (let i = 0; i < length; ++i) {
      const hx = original[i] - tau * v[i] * vx;
      assert.ok(Math.abs(hx - (i === 0 ? beta : 0)) < 1e-15 * norm, `length ${length}, entry ${i}`);
    }
    if (length > 1) assert.ok(Math.abs(Math.abs(beta) - norm) < 1e-15 * norm);
  }
  const zero = Float64Array.of(2, 0, 0);
  const out = new Float64Array(2);
  householderVector(zero, 0, 1, 3, out);
  assert.deepEqual(Array.from(out), [0, 2]);
  const huge = Float64Array.of(1e300, 1e300);
  householderVector(huge, 0, 1, 2, out);
  assert.ok(Number.isFinite(out[1]) && Math.abs(Math.abs(out[1]) / 1e300 - Math.SQRT2) < 1e-15);
});

test("accumulateReflectors gives the leading rows of (H₀⋯H_{r−1})ᵀ, in blocks and across block edges", () => {
  const rng = createRng(2).fork("accumulate");
  for (const [L, r, shift, p, blockSize] of [
    [10, 8, 1, 10, 3],
    [12, 7, 0, 7, 32],
    [12, 7, 0, 12, 4],
    [40, 38, 1, 40, 32]
  ]) {
    const vectors = new Float64Array(r * L);
    const tau = new Float64Array(r);
    const out = new Float64Array(2);
    let product: Matrix = identity(L); // H₀H₁⋯
    for (let k = 0; k < r; ++k) {
      const from = k + shift;
      const x = rng.normals(L - from);
      householderVector(x, 0, 1, x.length, out);
      x[0] = 1;
      vectors.set(x, k * L + from);
      tau[k] = out[0];
      const H = identity(L);
      for (let i = from; i < L; ++i) {
        for (let j = from; j < L; ++j) H.data[i * L + j] -= out[0] * x[i - from] * x[j - from];
      }
      product = naiveProduct(product, H);
    }
    const M = accumulateReflectors(p, L, vectors, tau, r, shift, blockSize);
    const expected = matrix(p, L);
    for (let i = 0; i < p; ++i) for (let j = 0; j < L; ++j) expected.data[i * L + j] = product.data[j * L + i];
    assert.ok(maxDifference(M, expected) < 1e-14, `L = ${L}, r = ${r}, shift = ${shift}, p = ${p}`);
    if (p === L) assert.ok(orthonormalityError(M) < 1e-14);
  }
});

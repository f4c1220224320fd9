// The WebAssembly reduction kernels on their own: QᵀAQ = T, U_BᵀAV_B = B, and rotation chains against plain loops.
import assert from "node:assert/strict";
import {test} from "node:test";
import {accumulateReflectors} from "../../src/linalg/householder.js";
import {matrix} from "../../src/linalg/matrix.js";
import {bidiagonalizeWasm, rotationSpace, tridiagonalizeWasm} from "../../src/linalg/reductionWasm.js";
import {symmetricLower} from "../../src/linalg/symmetry.js";
import {createRng} from "../../src/random/rng.js";
import {
  gaussian,
  maxAbs,
  maxDifference,
  naiveProduct,
  naiveTranspose,
  orthonormalityError,
  randomSymmetric
} from "./checks.js";

test("tridiagonalizeWasm gives T = QᵀAQ with Qᵀ from its reflectors, across the 4-row and 2-column tails", () => {
  const rng = createRng(1).fork("tridiagonal");
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 64]) {
    const A = randomSymmetric(rng, n);
    const {d, e, reflectors, tau} = tridiagonalizeWasm(n, (target) => symmetricLower(A, "test", target), true);
    assert.ok(reflectors !== null);
    const Qt = accumulateReflectors(n, n, reflectors, tau, Math.max(0, n - 2), 1);
    assert.ok(orthonormalityError(Qt) < 1e-14 * Math.max(1, n));
    const T = naiveProduct(naiveProduct(Qt, A), naiveTranspose(Qt));
    const expected = matrix(n, n);
    for (let i = 0; i < n; ++i) {
      expected.data[i * n + i] = d[i];
      if (i + 1 < n) expected.data[i * n + i + 1] = expected.data[(i + 1) * n + i] = e[i];
    }
    assert.ok(maxDifference(T, expected) < 1e-14 * maxAbs(A) * n, `n = ${n}`);
    const valuesOnly = tridiagonalizeWasm(n, (target) => symmetricLower(A, "test", target), false);
    assert.equal(valuesOnly.reflectors, null);
    assert.deepEqual(valuesOnly.d, d);
    assert.deepEqual(valuesOnly.e, e);
  }
});

test("bidiagonalizeWasm gives B = U_BᵀAV_B upper bidiagonal, and leaves its input unchanged", () => {
  const rng = createRng(2).fork("bidiagonal");
  for (const [m, n] of [
    [1, 1],
    [2, 2],
    [3, 2],
    [5, 5],
    [8, 3],
    [9, 7],
    [40, 33]
  ]) {
    const A = gaussian(rng, m, n);
    const before = A.data.slice();
    const {d, e, leftVectors, leftTau, rightVectors, rightTau} = bidiagonalizeWasm(m, n, A.data);
    assert.deepEqual(A.data, before);
    const Ut = accumulateReflectors(n, m, leftVectors, leftTau, n, 0);
    const Vt = accumulateReflectors(n, n, rightVectors, rightTau, Math.max(0, n - 2), 1);
    const B = naiveProduct(naiveProduct(Ut, A), naiveTranspose(Vt));
    const expected = matrix(n, n);
    for (let i = 0; i < n; ++i) {
      expected.data[i * n + i] = d[i];
      if (i + 1 < n) expected.data[i * n + i + 1] = e[i];
    }
    assert.equal(e[n - 1], 0);
    assert.ok(maxDifference(B, expected) < 1e-14 * maxAbs(A) * m, `${m}×${n}`);
  }
});

test("rotationSpace applies rotation chains exactly like the plain loop, for odd and even row lengths", () => {
  const rng = createRng(3).fork("rotations");
  for (const width of [1, 2, 7, 10]) {
    const rows = 9;
    const A = gaussian(rng, rows, width);
    const B = gaussian(rng, rows, width + 1);
    const expected = matrix(rows, width, A.data.slice());
    const space = rotationSpace(A, B);
    const angles = rng.normals(rows);
    for (let j = 0; j < rows; ++j) {
      space.firstCos[j] = Math.cos(angles[j]);
      space.firstSin[j] = Math.sin(angles[j]);
    }
    space.rotate(0, 1, 7); // rotations 1 … 7: a block of four and three single ones
    for (let j = 1; j <= 7; ++j) {
      const [c, s] = [Math.cos(angles[j]), Math.sin(angles[j])];
      for (let q = 0; q < width; ++q) {
        const x = expected.data[j * width + q];
        const y = expected.data[(j + 1) * width + q];
        expected.data[j * width + q] = c * x + s * y;
        expected.data[(j + 1) * width + q] = c * y - s * x;
      }
    }
    const untouched = B.data.slice();
    space.finish();
    assert.deepEqual(A.data, expected.data);
    assert.deepEqual(B.data, untouched);
  }
});

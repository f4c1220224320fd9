// Products with a matrix resident (and packed once) in WebAssembly memory: bit-identical to multiply, shapes at
// and across the kernel's block edges, repeated use, and shape errors.
import assert from "node:assert/strict";
import {test} from "node:test";
import {multiply} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import {residentMatrix} from "../../src/linalg/residentMatrix.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian} from "./checks.js";

test("residentMatrix(A).multiplyLeft(X) equals multiply(X, A) bit for bit, for shapes across block edges", () => {
  const rng = createRng(31).fork("resident");
  for (const [m, k, n] of [
    [1, 1, 1],
    [5, 7, 3],
    [16, 300, 300],
    [17, 257, 1030],
    [130, 513, 9]
  ]) {
    const A = gaussian(rng, k, n);
    const resident = residentMatrix(A);
    assert.equal(resident.rows, k);
    assert.equal(resident.cols, n);
    for (let repeat = 0; repeat < 2; ++repeat) {
      const X = gaussian(rng, m, k);
      assert.deepEqual(resident.multiplyLeft(X).data, multiply(X, A).data, `${m}×${k} · ${k}×${n}`);
    }
  }
});

test("residentMatrix: empty products and shape errors", () => {
  const A = gaussian(createRng(32).fork("resident-shapes"), 6, 4);
  const resident = residentMatrix(A);
  assert.deepEqual(resident.multiplyLeft(matrix(0, 6)), matrix(0, 4));
  assert.throws(() => resident.multiplyLeft(matrix(2, 5)), /multiplyLeft: Matrix dimensions do not match: 2×5 · 6×4/);
});

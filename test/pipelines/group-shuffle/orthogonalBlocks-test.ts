import assert from "node:assert/strict";
import {test} from "node:test";
import {
  cayleyParameterGradient,
  orthogonalBlock,
  skewDegreesOfFreedom,
  skewPart
} from "../../../pipelines/group-shuffle/orthogonalBlocks.js";
import {determinant} from "../../../src/linalg/determinant.js";
import {gramTransposeA, multiply, multiplyTransposeA} from "../../../src/linalg/gemm.js";
import {identity, matrix, transpose} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {solve} from "../../../src/linalg/solve.js";
import {createRng} from "../../../src/random/rng.js";

function orthogonalityError(Q: Matrix): number {
  const G = gramTransposeA(Q);
  let sum = 0;
  for (let i = 0; i < G.rows; ++i)
    for (let j = 0; j < G.cols; ++j) sum += (G.data[i * G.cols + j] - (i === j ? 1 : 0)) ** 2;
  return Math.sqrt(sum);
}

function randomBlock(b: number, scale: number, seed: number): Matrix {
  const data = createRng(seed).normals(b * b);
  const norm = Math.sqrt(data.reduce((s, x) => s + x * x, 0));
  return matrix(
    b,
    b,
    data.map((x) => (x * scale) / norm)
  );
}

test("orthogonalBlock(A) is orthogonal with det +1 for ‖A‖_F ∈ {1e-3, 1, 100}, with Cayley and exp", () => {
  for (const scale of [1e-3, 1, 100]) {
    for (const b of [4, 8, 16, 32, 64]) {
      const A = randomBlock(b, scale, b);
      for (const map of ["cayley", "exp"] as const) {
        const Q = orthogonalBlock(A, map);
        assert.ok(orthogonalityError(Q) < 1e-10, `${map} b=${b} scale=${scale}`);
        assert.ok(Math.abs(determinant(Q) - 1) < 1e-10, `${map} b=${b} scale=${scale}: det ${determinant(Q)}`);
      }
    }
  }
});

test("orthogonalBlock(0) is the identity exactly", () => {
  for (const b of [1, 2, 5, 16]) {
    for (const map of ["cayley", "exp"] as const)
      assert.deepEqual(Array.from(orthogonalBlock(matrix(b, b), map).data), Array.from(identity(b).data));
  }
});

test("the Cayley block is (I + K)(I − K)⁻¹ with K = ½(A − Aᵀ)", () => {
  const A = randomBlock(6, 3, 7);
  const K = skewPart(A);
  const plus = identity(6);
  const minus = identity(6);
  for (let q = 0; q < 36; ++q) {
    plus.data[q] += K.data[q];
    minus.data[q] -= K.data[q];
  }
  const expected = multiply(plus, solve(minus, identity(6)));
  const Q = orthogonalBlock(A);
  for (let q = 0; q < 36; ++q) assert.ok(Math.abs(Q.data[q] - expected.data[q]) < 1e-13);
  assert.equal(skewDegreesOfFreedom(8), 28);
});

test("cayleyParameterGradient matches ½(G_K − G_Kᵀ), G_K = (I + Q)ᵀ·G·Mᵀ, and central differences", () => {
  const rng = createRng(8);
  for (const scale of [1e-3, 1, 100]) {
    const b = 7;
    const A = randomBlock(b, scale, 9);
    const G = matrix(b, b, rng.normals(b * b));
    const analytic = cayleyParameterGradient(A, G);
    // Closed form.
    const K = skewPart(A);
    const minus = identity(b);
    for (let q = 0; q < b * b; ++q) minus.data[q] -= K.data[q];
    const M = solve(minus, identity(b));
    const IQ = orthogonalBlock(A);
    for (let i = 0; i < b; ++i) IQ.data[i * b + i] += 1;
    const GK = multiply(multiplyTransposeA(IQ, G), transpose(M));
    for (let i = 0; i < b; ++i) {
      for (let j = 0; j < b; ++j) {
        const closed = 0.5 * (GK.data[i * b + j] - GK.data[j * b + i]);
        assert.ok(Math.abs(closed - analytic.data[i * b + j]) < 1e-12 * (1 + Math.abs(closed)));
      }
    }
    // Five-point central differences, entry by entry.
    const f = (X: Matrix) => orthogonalBlock(X).data.reduce((s, x, q) => s + x * G.data[q], 0);
    const h = 1e-4 * Math.sqrt(Math.max(1, scale));
    let worst = 0;
    let size = 0;
    for (let q = 0; q < b * b; ++q) {
      const at = (t: number) =>
        f(
          matrix(
            b,
            b,
            A.data.map((x, s) => (s === q ? x + t : x))
          )
        );
      const fd = (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
      worst = Math.max(worst, Math.abs(fd - analytic.data[q]));
      size = Math.max(size, Math.abs(analytic.data[q]));
    }
    assert.ok(worst < 1e-6 * size, `scale ${scale}: ${worst} vs ${size}`);
  }
});

test("determinant of known matrices", () => {
  assert.equal(determinant(identity(5)), 1);
  assert.equal(determinant(matrix(2, 2, Float64Array.from([0, 1, 1, 0]))), -1);
  assert.ok(Math.abs(determinant(matrix(3, 3, Float64Array.from([2, 0, 1, 1, 3, 2, 1, 1, 2]))) - 6) < 1e-14);
});

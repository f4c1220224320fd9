import assert from "node:assert/strict";
import {test} from "node:test";
import {multiply, multiplyTransposeA} from "../../../src/linalg/gemm.js";
import {matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";
import {
  embed,
  projectOnto,
  projectOut,
  randomSubspace,
  rowNorms,
  subspaceSample
} from "../../../pipelines/adversarial-subspace/subspace.js";

test("randomSubspace(d, k) has orthonormal columns", () => {
  const {U} = randomSubspace(30, 4, createRng(1));
  const G = multiplyTransposeA(U, U);
  for (let i = 0; i < 4; ++i)
    for (let j = 0; j < 4; ++j) assert.ok(Math.abs(G.data[i * 4 + j] - (i === j ? 1 : 0)) < 1e-14);
});

test("projectOut and projectOnto are complementary orthogonal projectors: A = AP + AP⊥, (AP⊥)P⊥ = AP⊥, AP⊥U = 0", () => {
  const space = randomSubspace(25, 3, createRng(2));
  const A = matrix(6, 25, createRng(3).normals(150));
  const perp = projectOut(A, space.U);
  const onto = projectOnto(A, space.U);
  for (let q = 0; q < A.data.length; ++q) assert.ok(Math.abs(perp.data[q] + onto.data[q] - A.data[q]) < 1e-14);
  const twice = projectOut(perp, space.U);
  for (let q = 0; q < A.data.length; ++q) assert.ok(Math.abs(twice.data[q] - perp.data[q]) < 1e-14);
  for (const x of multiply(perp, space.U).data) assert.ok(Math.abs(x) < 1e-14);
  // Orthogonality of the two parts, row by row.
  for (let i = 0; i < 6; ++i) {
    let s = 0;
    for (let j = 0; j < 25; ++j) s += perp.data[i * 25 + j] * onto.data[i * 25 + j];
    assert.ok(Math.abs(s) < 1e-13);
  }
});

test("subspaceSample(space, n) lies in P, has E‖x‖² = d and labels sign(c₁)", () => {
  const space = randomSubspace(200, 10, createRng(4));
  const sample = subspaceSample(space, 2000, createRng(5));
  const X = embed(sample.F, space.U);
  for (const x of rowNorms(projectOut(X, space.U))) assert.ok(x < 1e-12);
  const norms = rowNorms(X);
  const meanSquare = norms.reduce((s, x) => s + x * x, 0) / norms.length;
  assert.ok(Math.abs(meanSquare / 200 - 1) < 0.02, `E‖x‖²/d = ${meanSquare / 200}`);
  for (let i = 0; i < 2000; ++i) assert.equal(sample.y[i], sample.F.data[i * 10] >= 0 ? 1 : -1);
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {fromRows, matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";
import {maxMargin} from "../../../pipelines/benign-overfitting/maxMargin.js";
import {sample, signalDirection} from "../../../pipelines/benign-overfitting/data.js";

test("maxMargin on orthogonal points: w* = e₁ − e₂/2, and a point beyond the margin gets no dual weight", () => {
  // x₁ = e₁ (label +1), x₂ = 2e₂ (label −1): both constraints are active, so w* = e₁ − e₂/2 with ‖w*‖² = 5/4;
  // x₃ = 3e₁ (label +1) has margin 3 and is not a support vector.
  const X = fromRows([
    [1, 0, 0],
    [0, 2, 0],
    [3, 0, 0]
  ]);
  const solution = maxMargin(X, Float64Array.from([1, -1, 1]));
  assert.ok(Math.abs(solution.w[0] - 1) < 1e-12 && Math.abs(solution.w[1] + 0.5) < 1e-12 && solution.w[2] === 0);
  assert.ok(Math.abs(solution.norm - Math.sqrt(5 / 4)) < 1e-12);
  assert.equal(solution.dual[2], 0);
  assert.ok(Math.abs(solution.dual[0] - 1) < 1e-12 && Math.abs(solution.dual[1] - 0.25) < 1e-12);
});

test("maxMargin on a symmetric pair ±a returns a/‖a‖²", () => {
  const a = [0.3, -1.2, 0.4, 2];
  const X = fromRows([a, a.map((x) => -x)]);
  const solution = maxMargin(X, Float64Array.from([1, -1]));
  const squares = a.reduce((s, x) => s + x * x, 0);
  a.forEach((x, j) => assert.ok(Math.abs(solution.w[j] - x / squares) < 1e-12));
});

test("maxMargin on noisy data of Definition 2.1 satisfies the KKT conditions and strong duality", () => {
  const n = 60;
  const d = 120;
  const v = signalDirection(d, createRng(7));
  const {X, observed} = sample(n, v, 0.05, createRng(8), {kind: "probability", probability: 0.1});
  const solution = maxMargin(X, observed, {tolerance: 1e-11});
  assert.ok(solution.violation <= 1e-11);
  let dualSum = 0;
  for (let i = 0; i < n; ++i) {
    assert.ok(solution.dual[i] >= 0);
    const margin = observed[i] * X.data.subarray(i * d, (i + 1) * d).reduce((s, x, j) => s + x * solution.w[j], 0);
    assert.ok(margin >= 1 - 1e-10, `margin ${margin}`);
    if (solution.dual[i] > 0) assert.ok(Math.abs(margin - 1) < 1e-10);
    dualSum += solution.dual[i];
  }
  // At the optimum the primal ½‖w‖² equals the dual Σa − ½‖w‖², so ‖w‖² = Σa.
  assert.ok(Math.abs(solution.norm ** 2 / dualSum - 1) < 1e-9);
});

test("maxMargin throws on data that are not separable", () => {
  const X = matrix(2, 1, Float64Array.from([1, 1]));
  assert.throws(() => maxMargin(X, Float64Array.from([1, -1]), {maxSweeps: 1000}), /KKT violation/);
});

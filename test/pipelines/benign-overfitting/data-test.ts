import assert from "node:assert/strict";
import {test} from "node:test";
import {createRng} from "../../../src/random/rng.js";
import {flips, sample, signalDirection} from "../../../pipelines/benign-overfitting/data.js";

test("sample(n, v, γ) puts the noise exactly orthogonal to v, at variance (1 − γ)/d per direction, with ‖x‖ ≈ 1", () => {
  const d = 400;
  const n = 300;
  const gamma = 0.2;
  const v = signalDirection(d, createRng(1).fork("signal"));
  assert.ok(Math.abs(v.reduce((s, x) => s + x * x, 0) - 1) < 1e-14);
  const {X, clean} = sample(n, v, gamma, createRng(1).fork("train"));
  let noiseSquares = 0;
  let normSquares = 0;
  for (let i = 0; i < n; ++i) {
    const row = X.data.subarray(i * d, (i + 1) * d);
    const along = row.reduce((s, x, j) => s + x * v[j], 0);
    // The component along v is exactly the signal √γ·y_i, to rounding.
    assert.ok(Math.abs(along - Math.sqrt(gamma) * clean[i]) < 1e-15, `row ${i}: ⟨x, v⟩ = ${along}`);
    const squares = row.reduce((s, x) => s + x * x, 0);
    normSquares += squares;
    noiseSquares += squares - along * along;
  }
  // E‖ξ‖² = (1 − γ)(d − 1)/d; the mean over n·(d − 1) squared Gaussians has relative sd √(2/(n(d − 1))) ≈ 0.004.
  const expected = ((1 - gamma) * (d - 1)) / d;
  assert.ok(Math.abs(noiseSquares / n / expected - 1) < 0.015, `mean ‖ξ‖² = ${noiseSquares / n}, expected ${expected}`);
  assert.ok(Math.abs(normSquares / n - 1) < 0.015, `mean ‖x‖² = ${normSquares / n}`);
  const positive = clean.filter((y) => y === 1).length;
  assert.ok(positive > 110 && positive < 190, `${positive} of ${n} labels are +1`);
});

test("sample with a count flips exactly k labels; with a probability about p·n; and is the same for the same stream", () => {
  const v = signalDirection(50, createRng(2));
  const counted = sample(40, v, 0.1, createRng(3), {kind: "count", flips: 7});
  assert.equal(counted.flipped.length, 7);
  for (let i = 0; i < 40; ++i) assert.equal(counted.observed[i] === counted.clean[i], !counted.flipped.includes(i));
  const again = sample(40, v, 0.1, createRng(3), {kind: "count", flips: 7});
  assert.deepEqual(again.X.data, counted.X.data);
  assert.deepEqual(again.flipped, counted.flipped);
  const many = flips(20000, {kind: "probability", probability: 0.1}, createRng(4));
  assert.ok(Math.abs(many.length / 20000 - 0.1) < 0.01, `${many.length} flips`);
  assert.throws(() => flips(5, {kind: "count", flips: 6}, createRng(5)), /count must be an integer in \[0, 5\]/);
});

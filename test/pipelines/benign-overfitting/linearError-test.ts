import assert from "node:assert/strict";
import {test} from "node:test";
import {multiplyVector} from "../../../src/linalg/gemm.js";
import {createRng} from "../../../src/random/rng.js";
import {sample, signalDirection} from "../../../pipelines/benign-overfitting/data.js";
import {linearTestError, splitSignal} from "../../../pipelines/benign-overfitting/linearError.js";

test("linearTestError (Lemma C.1) matches the Monte Carlo error of sign⟨w, x⟩ on sampled clean points", () => {
  const d = 80;
  const gamma = 0.04;
  const rng = createRng(11);
  const v = signalDirection(d, rng.fork("signal"));
  // w = a·v + z with a chosen so that the error is about 0.2.
  const z = rng.fork("w").normals(d);
  const along = z.reduce((s, x, j) => s + x * v[j], 0);
  const orthogonal = Math.sqrt(z.reduce((s, x) => s + x * x, 0) - along * along);
  const w = z.map((x, j) => (x - along * v[j]) / orthogonal + 0.45 * v[j]);
  const split = splitSignal(w, v);
  assert.ok(Math.abs(split.along - 0.45) < 1e-12 && Math.abs(split.orthogonal - 1) < 1e-12);
  const exact = linearTestError(split, gamma, d);
  const points = 40000;
  const test = sample(points, v, gamma, rng.fork("test"));
  const scores = multiplyVector(test.X, w);
  const sampled = scores.filter((s, i) => !(test.clean[i] * s > 0)).length / points;
  const se = Math.sqrt((exact * (1 - exact)) / points);
  assert.ok(exact > 0.1 && exact < 0.4, `exact error ${exact}`);
  assert.ok(Math.abs(sampled - exact) < 4 * se, `sampled ${sampled}, Lemma C.1 ${exact}, se ${se}`);
});

test("the B3 comparison fails for a generator whose noise has the wrong scale", () => {
  // Points drawn with noise variance 2(1 − γ)/d instead of (1 − γ)/d: the sampled error of the same w is far outside
  // the claim's tolerance of 3 Monte Carlo standard errors + 0.005 around Lemma C.1.
  const d = 80;
  const gamma = 0.04;
  const rng = createRng(12);
  const v = signalDirection(d, rng.fork("signal"));
  const split = {along: 0.45, orthogonal: 1};
  const z = rng.fork("w").normals(d);
  const along = z.reduce((s, x, j) => s + x * v[j], 0);
  const orthogonal = Math.sqrt(z.reduce((s, x) => s + x * x, 0) - along * along);
  const w = z.map((x, j) => (x - along * v[j]) / orthogonal + split.along * v[j]);
  const exact = linearTestError(split, gamma, d);
  const points = 5000;
  const test = sample(points, v, gamma, rng.fork("test"));
  const y = test.clean;
  let wrong = 0;
  for (let i = 0; i < points; ++i) {
    let score = 0;
    for (let j = 0; j < d; ++j) {
      const noise = test.X.data[i * d + j] - Math.sqrt(gamma) * y[i] * v[j];
      score += w[j] * (Math.sqrt(gamma) * y[i] * v[j] + Math.SQRT2 * noise);
    }
    if (!(y[i] * score > 0)) wrong += 1;
  }
  const se = Math.sqrt((exact * (1 - exact)) / points);
  assert.ok(Math.abs(wrong / points - exact) > 3 * se + 0.005, `sampled ${wrong / points}, Lemma C.1 ${exact}`);
});

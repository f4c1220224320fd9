// The seeded random source: reproducibility, independence of named streams, and distribution checks.
import assert from "node:assert/strict";
import {test} from "node:test";
import {createRng} from "../../src/random/rng.js";
import {normalCdf} from "../../src/special/erf.js";

test("createRng(seed) gives the same stream every time; different seeds and fork names differ", () => {
  const a = createRng(42).normals(100);
  assert.deepEqual(createRng(42).normals(100), a);
  assert.notDeepEqual(createRng(43).normals(100), a);
  const root = createRng(42);
  assert.deepEqual(root.fork("init").normals(10), createRng(42).fork("init").normals(10));
  assert.notDeepEqual(root.fork("init").normals(10), root.fork("data").normals(10));
  assert.equal(root.fork("a").fork("b").path, "a/b");
});

test("a fork does not depend on how much the parent has drawn", () => {
  const fresh = createRng(7).fork("data").normals(20);
  const used = createRng(7);
  used.normals(1000);
  assert.deepEqual(used.fork("data").normals(20), fresh);
});

test("normals(n) has mean 0, variance 1 and passes a Kolmogorov–Smirnov test against Φ", () => {
  const n = 200_000;
  const x = createRng(1).normals(n);
  let sum = 0;
  let squares = 0;
  let fourth = 0;
  for (const v of x) {
    sum += v;
    squares += v * v;
    fourth += v ** 4;
  }
  assert.ok(Math.abs(sum / n) < 5 / Math.sqrt(n));
  assert.ok(Math.abs(squares / n - 1) < 5 * Math.sqrt(2 / n));
  assert.ok(Math.abs(fourth / n - 3) < 5 * Math.sqrt(96 / n));
  const sorted = Float64Array.from(x).sort();
  let d = 0;
  sorted.forEach((v, i) => (d = Math.max(d, Math.abs(normalCdf(v) - (i + 0.5) / n))));
  assert.ok(d * Math.sqrt(n) < 1.63, `KS statistic √n·D = ${d * Math.sqrt(n)} exceeds the 1% critical value`);
});

test("uniform() lies in [0, 1) with mean 1/2; integer(n) is unbiased; rademacher() is ±1", () => {
  const rng = createRng(3);
  const counts = new Array(6).fill(0);
  let sum = 0;
  let signs = 0;
  const n = 60_000;
  for (let i = 0; i < n; ++i) {
    const u = rng.uniform();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    counts[rng.integer(6)]++;
    const s = rng.rademacher();
    assert.ok(s === 1 || s === -1);
    signs += s;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 5 * Math.sqrt(1 / 12 / n));
  // χ² with 5 degrees of freedom: 0.1% critical value 20.5
  const chi2 = counts.reduce((acc, c) => acc + (c - n / 6) ** 2 / (n / 6), 0);
  assert.ok(chi2 < 20.5, `χ² = ${chi2}`);
  assert.ok(Math.abs(signs) < 5 * Math.sqrt(n));
});

test("createRng rejects invalid seeds and fork names", () => {
  assert.throws(() => createRng(-1), /non-negative safe integer/);
  assert.throws(() => createRng(1.5), /non-negative safe integer/);
  assert.throws(() => createRng(1).fork("a/b"), /invalid stream name/);
});

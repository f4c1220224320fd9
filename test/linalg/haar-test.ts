// Haar orthogonal matrices: orthogonality, determinism, and moments of the Haar measure on O(n).
import assert from "node:assert/strict";
import {test} from "node:test";
import {haarOrthogonal} from "../../src/linalg/haar.js";
import {createRng} from "../../src/random/rng.js";
import {orthonormalityError} from "../linalg/checks.js";

test("haarOrthogonal(n, rng) is orthogonal and a deterministic function of the rng", () => {
  for (const n of [0, 1, 2, 7, 50]) {
    const Q = haarOrthogonal(n, createRng(1).fork(`n${n}`));
    assert.equal(Q.rows, n);
    assert.ok(orthonormalityError(Q) < 1e-14 * Math.max(1, n));
    assert.deepEqual(haarOrthogonal(n, createRng(1).fork(`n${n}`)).data, Q.data);
  }
  assert.throws(() => haarOrthogonal(-1, createRng(1)), /haarOrthogonal: n must be a non-negative integer/);
});

test("haarOrthogonal passes moment tests: E[Q₁₁²] = 1/n, E[tr Q] = 0, E[(tr Q)²] = 1, P(det = −1) = 1/2", () => {
  // Under Haar measure: Q₁₁² ~ Beta(1/2, (n−1)/2) with variance 2(n−1)/(n²(n+2)); tr Q has mean 0 and variance 1;
  // (tr Q)² has mean 1 and variance E[(tr Q)⁴] − 1 ≤ 2 (= 2 in the limit, 2 exactly for n ≥ 4 by Diaconis–Shahshahani).
  // Each check allows 4 Monte Carlo standard errors.
  const n = 6;
  const samples = 4000;
  const rng = createRng(2).fork("moments");
  let q11 = 0;
  let trace = 0;
  let trace2 = 0;
  let negative = 0;
  for (let t = 0; t < samples; ++t) {
    const Q = haarOrthogonal(n, rng);
    q11 += Q.data[0] ** 2;
    let tr = 0;
    for (let i = 0; i < n; ++i) tr += Q.data[i * n + i];
    trace += tr;
    trace2 += tr * tr;
    if (sign(Q.data, n) < 0) ++negative;
  }
  const se = (variance: number) => 4 * Math.sqrt(variance / samples);
  assert.ok(Math.abs(q11 / samples - 1 / n) < se((2 * (n - 1)) / (n * n * (n + 2))), `E[Q11²] = ${q11 / samples}`);
  assert.ok(Math.abs(trace / samples) < se(1), `E[tr Q] = ${trace / samples}`);
  assert.ok(Math.abs(trace2 / samples - 1) < se(2), `E[(tr Q)²] = ${trace2 / samples}`);
  assert.ok(Math.abs(negative / samples - 0.5) < se(0.25), `P(det = −1) = ${negative / samples}`);
});

// The sign of the determinant by elimination with partial pivoting.
function sign(data: Float64Array, n: number): number {
  const a = data.slice();
  let s = 1;
  for (let c = 0; c < n; ++c) {
    let p = c;
    for (let i = c + 1; i < n; ++i) if (Math.abs(a[i * n + c]) > Math.abs(a[p * n + c])) p = i;
    if (p !== c) {
      s = -s;
      for (let j = 0; j < n; ++j) [a[c * n + j], a[p * n + j]] = [a[p * n + j], a[c * n + j]];
    }
    if (a[c * n + c] < 0) s = -s;
    for (let i = c + 1; i < n; ++i) {
      const f = a[i * n + c] / a[c * n + c];
      for (let j = c; j < n; ++j) a[i * n + j] -= f * a[c * n + j];
    }
  }
  return s;
}

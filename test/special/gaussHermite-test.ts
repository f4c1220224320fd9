// Gauss–Hermite rules for N(0, 1) by Golub–Welsch: exactness on polynomials, small rules, smooth integrands.
import assert from "node:assert/strict";
import {test} from "node:test";
import {gaussHermite, gaussianExpectation} from "../../src/special/gaussHermite.js";

test("gaussHermite(n) integrates x^m exactly (E[G^m] = (m − 1)!!) for m ≤ 2n − 1, to 1e-12 relative", () => {
  for (const n of [1, 2, 3, 4, 7, 10, 20, 40, 80]) {
    const {nodes, weights} = gaussHermite(n);
    let total = 0;
    for (const w of weights) total += w;
    assert.ok(Math.abs(total - 1) < 1e-14, `n = ${n}: weights sum to ${total}`);
    for (let m = 0; m <= 2 * n - 1; ++m) {
      let s = 0;
      for (let j = 0; j < n; ++j) s += weights[j] * nodes[j] ** m;
      if (m % 2 === 1) assert.ok(Math.abs(s) < 1e-300 + 1e-14 * doubleFactorial(m), `n = ${n}: odd moment ${m} = ${s}`);
      else {
        const exact = doubleFactorial(m - 1);
        assert.ok(Math.abs(s - exact) <= 1e-12 * exact, `n = ${n}, m = ${m}: ${s} vs ${exact}`);
      }
    }
    // One degree higher the rule misses by exactly E[He_n(G)²] = n! (the remainder of x^{2n} mod He_n²).
    if (n <= 10) {
      let s = 0;
      let factorial = 1;
      for (let j = 0; j < n; ++j) s += weights[j] * nodes[j] ** (2 * n);
      for (let k = 2; k <= n; ++k) factorial *= k;
      const exact = doubleFactorial(2 * n - 1);
      assert.ok(Math.abs(exact - s - factorial) < 1e-12 * exact, `n = ${n}: E[G^${2 * n}] − rule = ${exact - s}`);
    }
  }
});

test("gaussHermite(n) returns ascending, exactly symmetric nodes and positive weights", () => {
  for (const n of [5, 6, 50]) {
    const {nodes, weights} = gaussHermite(n);
    for (let j = 0; j < n; ++j) {
      assert.equal(nodes[j] + nodes[n - 1 - j], 0);
      assert.equal(weights[j], weights[n - 1 - j]);
      assert.ok(weights[j] > 0);
      if (j > 0) assert.ok(nodes[j] > nodes[j - 1]);
    }
  }
});

test("gaussHermite(2) and gaussHermite(3) are the textbook rules", () => {
  const two = gaussHermite(2);
  assert.ok(Math.abs(two.nodes[1] - 1) < 1e-15 && Math.abs(two.weights[0] - 0.5) < 1e-15);
  const three = gaussHermite(3);
  assert.equal(three.nodes[1], 0);
  assert.ok(Math.abs(three.nodes[2] - Math.sqrt(3)) < 1e-15);
  assert.ok(Math.abs(three.weights[1] - 2 / 3) < 1e-15 && Math.abs(three.weights[2] - 1 / 6) < 1e-15);
  // The smallest weight of the 100-node rule (physicists' value 5.9e-79 divided by √π) keeps its relative accuracy.
  const hundred = gaussHermite(100);
  assert.ok(Math.abs(hundred.weights[0] / 3.333e-79 - 1) < 1e-3);
});

test("gaussianExpectation(f, n) converges for smooth f: E[cos G] = e^{−1/2}, E[e^{tG}] = e^{t²/2}", () => {
  assert.ok(Math.abs(gaussianExpectation(Math.cos, 30) - Math.exp(-0.5)) < 1e-15);
  assert.ok(Math.abs(gaussianExpectation((x) => Math.exp(0.7 * x), 30) - Math.exp(0.245)) < 1e-14);
});

test("gaussHermite(n) rejects non-positive or fractional n", () => {
  assert.throws(() => gaussHermite(0), /gaussHermite: n must be a positive integer/);
  assert.throws(() => gaussHermite(2.5), /gaussHermite: n must be a positive integer/);
});

function doubleFactorial(m: number): number {
  let p = 1;
  for (let k = m; k > 1; k -= 2) p *= k;
  return p;
}

// Probabilists' Hermite polynomials: explicit low degrees, orthonormality under N(0, 1), exact coefficients.
import assert from "node:assert/strict";
import {test} from "node:test";
import {gaussHermite} from "../../src/special/gaussHermite.js";
import {
  hermite,
  hermiteMonomialCoefficients,
  hermiteNormalized,
  hermiteNormalizedSequence,
  hermiteSequence
} from "../../src/special/hermite.js";

test("hermite(n, x) matches the explicit polynomials He_0 … He_5", () => {
  const explicit = [
    () => 1,
    (x: number) => x,
    (x: number) => x * x - 1,
    (x: number) => x ** 3 - 3 * x,
    (x: number) => x ** 4 - 6 * x * x + 3,
    (x: number) => x ** 5 - 10 * x ** 3 + 15 * x
  ];
  for (const x of [-2.5, -1, 0, 0.3, 1.7, 4]) {
    explicit.forEach((He, n) => assert.ok(Math.abs(hermite(n, x) - He(x)) < 1e-12 * (1 + Math.abs(He(x)))));
  }
  assert.equal(hermite(10, 0), -945); // He_{2m}(0) = (−1)^m (2m − 1)!!
  assert.equal(Math.abs(hermite(11, 0)), 0);
});

test("hermiteSequence and hermiteNormalizedSequence agree with the single-degree functions", () => {
  const x = 1.3;
  const He = hermiteSequence(12, x);
  const h = hermiteNormalizedSequence(12, x);
  let factorial = 1;
  for (let n = 0; n <= 12; ++n) {
    if (n > 0) factorial *= n;
    assert.equal(He[n], hermite(n, x));
    assert.ok(Math.abs(h[n] - hermiteNormalized(n, x)) < 1e-14);
    assert.ok(Math.abs(h[n] - He[n] / Math.sqrt(factorial)) < 1e-13);
  }
  assert.deepEqual(Array.from(hermiteSequence(0, x)), [1]);
});

test("hermiteNormalized(n, ·) is orthonormal under N(0, 1) (checked with a 40-node Gauss–Hermite rule)", () => {
  const {nodes, weights} = gaussHermite(40);
  for (let j = 0; j <= 30; j += 3) {
    for (let k = 0; k <= 30; k += 2) {
      let s = 0;
      for (let i = 0; i < nodes.length; ++i) {
        s += weights[i] * hermiteNormalized(j, nodes[i]) * hermiteNormalized(k, nodes[i]);
      }
      assert.ok(Math.abs(s - (j === k ? 1 : 0)) < 1e-12, `E[h_${j} h_${k}] = ${s}`);
    }
  }
});

test("hermiteMonomialCoefficients(n) gives the exact integer coefficients", () => {
  assert.deepEqual(hermiteMonomialCoefficients(0), [1n]);
  assert.deepEqual(hermiteMonomialCoefficients(4), [3n, 0n, -6n, 0n, 1n]);
  assert.deepEqual(hermiteMonomialCoefficients(5), [0n, 15n, 0n, -10n, 0n, 1n]);
  // Leading and constant terms of He_30: 1 and (−1)^15·29!!.
  const a = hermiteMonomialCoefficients(30);
  assert.equal(a[30], 1n);
  assert.equal(a[0], -6190283353629375n);
});

test("hermite functions reject negative or fractional degrees", () => {
  assert.throws(() => hermite(-1, 0), /hermite: degree must be a non-negative integer/);
  assert.throws(() => hermiteNormalizedSequence(1.5, 0), /degree must be a non-negative integer/);
});

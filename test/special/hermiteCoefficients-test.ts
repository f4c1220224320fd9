// Normalised Hermite coefficients of ReLU, leaky ReLU, erf and tanh against closed forms and quadrature.
import assert from "node:assert/strict";
import {test} from "node:test";
import {erf} from "../../src/special/erf.js";
import {hermite} from "../../src/special/hermite.js";
import {
  erfDerivativeMoment,
  erfHermiteCoefficients,
  halfLineMoment,
  hermiteCoefficients,
  leakyReluHermiteCoefficients,
  reluDerivativeMoment,
  reluHermiteCoefficients,
  reluHermiteCoefficientsFromMoments,
  tanhHermiteCoefficients,
  tanhScaledCoefficients
} from "../../src/special/hermiteCoefficients.js";

const RELU = [
  1 / Math.sqrt(2 * Math.PI),
  1 / 2,
  1 / (2 * Math.sqrt(Math.PI)),
  0,
  -1 / Math.sqrt(48 * Math.PI),
  0,
  3 / Math.sqrt(1440 * Math.PI)
];

test("reluHermiteCoefficients matches 1/√(2π), 1/2, 1/(2√π), 0, −1/√(48π), 0, 3/√(1440π) to 1e-12", () => {
  for (const mu of [reluHermiteCoefficients(6), reluHermiteCoefficientsFromMoments(6)]) {
    RELU.forEach((expected, k) => assert.ok(Math.abs(mu[k] - expected) < 1e-12, `μ_${k} = ${mu[k]} vs ${expected}`));
  }
});

test("reluHermiteCoefficients (closed form) and …FromMoments (exact integers) agree to 1e-14", () => {
  const a = reluHermiteCoefficients(200);
  const b = reluHermiteCoefficientsFromMoments(200);
  for (let k = 0; k <= 200; ++k) {
    if (k % 2 === 1 && k > 1) assert.equal(b[k], 0);
    assert.ok(Math.abs(a[k] - b[k]) <= 1e-14 * Math.abs(a[k]), `k = ${k}: ${a[k]} vs ${b[k]}`);
  }
});

test("Σ_{k ≤ 40} μ_k(ReLU)² is within 5e-4 of E[ReLU(G)²] = 1/2, and the gap shrinks with more terms", () => {
  const energy = (mu: Float64Array) => mu.reduce((s, x) => s + x * x, 0);
  const gap40 = 0.5 - energy(reluHermiteCoefficients(40));
  const gap400 = 0.5 - energy(reluHermiteCoefficients(400));
  assert.ok(gap40 > 0 && gap40 < 5e-4, `gap ${gap40}`);
  assert.ok(gap400 > 0 && gap400 < gap40 / 20, `gap ${gap400}`);
});

test("halfLineMoment(m) = 2^{m/2−1}Γ((m+1)/2)/√π", () => {
  const s = Math.sqrt(2 * Math.PI);
  const expected = [1 / 2, 1 / s, 1 / 2, 2 / s, 3 / 2, 8 / s, 15 / 2, 48 / s];
  expected.forEach((x, m) => assert.ok(Math.abs(halfLineMoment(m) - x) < 1e-15 * x, `m = ${m}`));
  // m = 11: 2^{4.5}Γ(6)/√π = 2^5·120/√(2π).
  assert.ok(Math.abs(halfLineMoment(11) - 3840 / s) < 1e-12);
});

test("reluDerivativeMoment(k, q) = √q·√k!·μ_k/q^{k/2} (homogeneity) and the spec's m_0, m_1, m_2", () => {
  const mu = reluHermiteCoefficients(12);
  let factorial = 1;
  for (let k = 0; k <= 12; ++k) {
    if (k > 0) factorial *= k;
    for (const q of [0.5, 1, 3]) {
      const expected = (Math.sqrt(q) * Math.sqrt(factorial) * mu[k]) / q ** (k / 2);
      const error = Math.abs(reluDerivativeMoment(k, q) - expected);
      assert.ok(error < 1e-14 * (1 + Math.abs(expected)), `k = ${k}, q = ${q}`);
    }
  }
  assert.ok(Math.abs(reluDerivativeMoment(0, 2) - Math.sqrt(2 / (2 * Math.PI))) < 1e-15);
  assert.equal(reluDerivativeMoment(1, 2), 0.5);
  assert.ok(Math.abs(reluDerivativeMoment(2, 2) - 1 / Math.sqrt(4 * Math.PI)) < 1e-15);
  assert.throws(() => reluDerivativeMoment(2, 0), /variance must be finite and positive/);
});

test("leakyReluHermiteCoefficients: slope 1 is the identity, slope −1 is |x|, and Parseval holds", () => {
  const identity = leakyReluHermiteCoefficients(10, 1);
  identity.forEach((x, k) => assert.equal(Math.abs(x), k === 1 ? 1 : 0));
  const abs = leakyReluHermiteCoefficients(10, -1);
  assert.ok(Math.abs(abs[0] - Math.sqrt(2 / Math.PI)) < 1e-16);
  assert.equal(Math.abs(abs[1]), 0);
  const slope = 0.1;
  const mu = leakyReluHermiteCoefficients(2000, slope);
  const energy = mu.reduce((s, x) => s + x * x, 0);
  assert.ok(Math.abs(energy - (1 + slope * slope) / 2) < 2e-6);
});

test("erfHermiteCoefficients (exact) match quadrature to 1e-14; Σμ_k² = E[erf(G)²] = (2/π)arcsin(2/3)", () => {
  const exact = erfHermiteCoefficients(40);
  const quadrature = hermiteCoefficients(erf, 40, 400);
  for (let k = 0; k <= 40; ++k) assert.ok(Math.abs(exact[k] - quadrature[k]) < 1e-14, `k = ${k}`);
  assert.ok(Math.abs(exact[1] - 2 / Math.sqrt(3 * Math.PI)) < 1e-16);
  const energy = erfHermiteCoefficients(80).reduce((s, x) => s + x * x, 0);
  assert.ok(Math.abs(energy - (2 / Math.PI) * Math.asin(2 / 3)) < 1e-14);
  assert.equal(erfDerivativeMoment(2, 1), 0);
  assert.ok(Math.abs(erfDerivativeMoment(1, 0) - 2 / Math.sqrt(Math.PI)) < 1e-16);
});

test("tanhHermiteCoefficients match 30-digit quadrature references to 1e-14; even coefficients are exactly 0", () => {
  const mu = tanhHermiteCoefficients(21);
  const references: [number, number][] = [
    [1, 0.60570550960215882558],
    [3, -0.14843719078727270405],
    [5, 0.062547523752703606288],
    [7, -0.031445419287678610523],
    [21, 0.0012679738473579596171]
  ];
  for (const [k, expected] of references) assert.ok(Math.abs(mu[k] - expected) < 1e-14, `μ_${k} = ${mu[k]}`);
  for (let k = 0; k <= 21; k += 2) assert.equal(Math.abs(mu[k]), 0);
  const energy = tanhHermiteCoefficients(150, 400).reduce((s, x) => s + x * x, 0);
  assert.ok(Math.abs(energy - 0.39429449039784117442) < 1e-14); // E[tanh(G)²]
});

test("hermiteCoefficients(f, K, n) is exact for polynomials: f = He_3 + 2 gives μ_0 = 2, μ_3 = √6", () => {
  const mu = hermiteCoefficients((x) => hermite(3, x) + 2, 8, 10);
  mu.forEach((x, k) => assert.ok(Math.abs(x - (k === 0 ? 2 : k === 3 ? Math.sqrt(6) : 0)) < 1e-14, `μ_${k} = ${x}`));
  assert.throws(() => hermiteCoefficients(Math.tanh, 10, 10), /need an integer node count above 10/);
  assert.throws(() => hermiteCoefficients(Math.log, 2, 10), /hermiteCoefficients: f\(/);
});

test("tanhScaledCoefficients(q, K): the 30-digit references at q = 1, and Stein's h₁(q) = √q·E[sech²(√q·G)] up to q = 10⁴", () => {
  const mu = tanhScaledCoefficients(1, 21);
  const references: [number, number][] = [
    [1, 0.60570550960215882558],
    [3, -0.14843719078727270405],
    [21, 0.0012679738473579596171]
  ];
  for (const [k, expected] of references) assert.ok(Math.abs(mu[k] - expected) < 1e-15, `μ_${k} = ${mu[k]}`);
  for (let k = 0; k <= 21; k += 2) assert.equal(mu[k], 0);
  // E[sech²(√q·G)] = (2/√q)∫_0^∞ sech²(u)φ(u/√q) du, by the trapezoid rule on u (the integrand is smooth and
  // decays like e^{−2u}): an independent route to h₁.
  for (const q of [0.01, 4, 100, 1e4]) {
    const s = Math.sqrt(q);
    const step = Math.min(0.01, s / 50);
    let integral = 0;
    for (let u = 0; u < 40; u += step)
      integral += (u === 0 ? 0.5 : 1) * step * Math.cosh(u) ** -2 * Math.exp(-0.5 * (u / s) ** 2);
    const h1 = (s * (2 / s) * integral) / Math.sqrt(2 * Math.PI);
    const value = tanhScaledCoefficients(q, 3)[1];
    assert.ok(Math.abs(value - h1) < 1e-12, `q=${q}: ${value} vs ${h1}`);
  }
});

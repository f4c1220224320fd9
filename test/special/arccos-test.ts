// Arc-cosine (step, ReLU) and erf kernels: parity split, diagonal, Mehler series and Monte Carlo.
import assert from "node:assert/strict";
import {test} from "node:test";
import {createRng} from "../../src/random/rng.js";
import {
  arcCosineJ0,
  arcCosineJ1,
  arcCosineKernel,
  erfKernel,
  reluKernel,
  reluKernelArcCosine,
  reluKernelSplit,
  stepKernel
} from "../../src/special/arccos.js";
import {erf} from "../../src/special/erf.js";
import {erfDerivativeMoment, reluDerivativeMoment} from "../../src/special/hermiteCoefficients.js";

const QS = [0.25, 1, 2.5];
const RHOS = [-1, -0.999999, -0.7, -0.3, 0, 0.2, 0.5, 0.9, 0.999999, 1];

test("reluKernelArcCosine (Cho & Saul form) equals c/4 + even part to 1e-12", () => {
  for (const q of QS) {
    for (const qPrime of QS) {
      for (const rho of RHOS) {
        const c = rho * Math.sqrt(q * qPrime);
        const {odd, even} = reluKernelSplit(q, qPrime, c);
        assert.equal(odd, c / 4);
        const a = reluKernelArcCosine(q, qPrime, c);
        assert.ok(Math.abs(a - (odd + even)) < 1e-12, `(${q}, ${qPrime}, ρ = ${rho}): ${a} vs ${odd + even}`);
        assert.equal(reluKernel(q, qPrime, c), odd + even);
      }
    }
  }
});

test("reluKernel(q, q, q) = q/2 and reluKernel(q, q′, 0) = √(qq′)/(2π)", () => {
  for (const q of [1e-6, 0.3, 1, 7]) {
    assert.ok(Math.abs(reluKernel(q, q, q) - q / 2) < 1e-15 * q);
    assert.ok(Math.abs(reluKernelArcCosine(q, q, q) - q / 2) < 1e-15 * q);
  }
  assert.ok(Math.abs(reluKernel(2, 0.5, 0) - 1 / (2 * Math.PI)) < 1e-16);
  assert.equal(reluKernel(0, 1, 0), 0);
});

test("arcCosineKernel(n, ρ) = J_n(arccos ρ)/π for n = 0, 1", () => {
  for (const rho of RHOS) {
    const theta = Math.acos(rho);
    assert.ok(Math.abs(arcCosineKernel(0, rho) - arcCosineJ0(theta) / Math.PI) < 1e-15);
    assert.ok(Math.abs(arcCosineKernel(1, rho) - arcCosineJ1(theta) / Math.PI) < 1e-15);
  }
  assert.equal(arcCosineKernel(0, 1), 1);
  assert.equal(arcCosineKernel(1, 1), 1);
  assert.equal(arcCosineKernel(0, -1), 0);
  assert.ok(Math.abs(arcCosineKernel(1, 0) - 1 / Math.PI) < 1e-16);
  assert.equal(stepKernel(1, 3, 0), 0.25);
});

test("the ReLU and erf kernels match their Mehler series Σ_k c^k/k!·m_k(q)m_k(q′) to 1e-12", () => {
  for (const q of QS) {
    for (const qPrime of QS) {
      for (const rho of [-0.5, -0.2, 0.1, 0.5]) {
        const c = rho * Math.sqrt(q * qPrime);
        assert.ok(Math.abs(mehler(reluDerivativeMoment, q, qPrime, c, 80) - reluKernel(q, qPrime, c)) < 1e-12);
      }
      for (const rho of [-1, -0.6, 0.3, 0.9, 1]) {
        const c = rho * Math.sqrt(q * qPrime);
        assert.ok(Math.abs(mehler(erfDerivativeMoment, q, qPrime, c, 200) - erfKernel(q, qPrime, c)) < 1e-12);
      }
    }
  }
});

test("the step, ReLU and erf kernels match Monte Carlo (4·10⁵ draws) within 5 standard errors", () => {
  const rng = createRng(11).fork("kernels");
  const n = 400_000;
  const g1 = rng.normals(n);
  const g2 = rng.normals(n);
  for (const [q, qPrime, rho] of [
    [1, 1, 0.5],
    [0.5, 2, -0.4],
    [2, 1.5, 0.9]
  ]) {
    const c = rho * Math.sqrt(q * qPrime);
    const a = Math.sqrt(q);
    const b = c / a;
    const s = Math.sqrt(qPrime - b * b);
    const kernels: [string, (u: number) => number, number][] = [
      ["step", (u) => (u > 0 ? 1 : 0), stepKernel(q, qPrime, c)],
      ["relu", (u) => Math.max(u, 0), reluKernel(q, qPrime, c)],
      ["erf", erf, erfKernel(q, qPrime, c)]
    ];
    for (const [name, sigma, exact] of kernels) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; ++i) {
        const y = sigma(a * g1[i]) * sigma(b * g1[i] + s * g2[i]);
        sum += y;
        squares += y * y;
      }
      const mean = sum / n;
      const se = Math.sqrt((squares / n - mean * mean) / n);
      assert.ok(Math.abs(mean - exact) < 5 * se, `${name} (${q}, ${qPrime}, ${c}): MC ${mean} ± ${se} vs ${exact}`);
    }
  }
});

test("erfKernel(q, q′, c) = (2/π) arcsin(2c/√((1 + 2q)(1 + 2q′)))", () => {
  assert.ok(Math.abs(erfKernel(1, 1, 1) - (2 / Math.PI) * Math.asin(2 / 3)) < 1e-16);
  assert.equal(erfKernel(1, 2, 0), 0);
});

test("the kernels reject invalid variances and correlations", () => {
  assert.throws(() => reluKernel(1, 1, 1.1), /reluKernelSplit: correlation 1.1/);
  assert.throws(() => reluKernel(-1, 1, 0), /variances must be finite and non-negative/);
  assert.throws(() => erfKernel(1, 1, 2), /erfKernel: covariance 2/);
  assert.throws(() => stepKernel(0, 1, 0), /stepKernel: variances must be finite and positive/);
  assert.throws(() => arcCosineKernel(1, NaN), /outside \[−1, 1\]/);
});

function mehler(m: (k: number, q: number) => number, q: number, qPrime: number, c: number, terms: number): number {
  let sum = 0;
  let power = 1; // c^k/k!
  for (let k = 0; k < terms; ++k) {
    sum += power * m(k, q) * m(k, qPrime);
    power *= c / (k + 1);
  }
  return sum;
}

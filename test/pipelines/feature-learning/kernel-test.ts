// Tests of the induced kernel: input-space equivalence, Monte Carlo against the analytic kernel, and the tanh series.
import assert from "node:assert/strict";
import {test} from "node:test";
import {
  covarianceKernel,
  inducedKernel,
  inputMap,
  isotropicKernel,
  kappa,
  quadraticForms,
  tanhKernel
} from "../../../pipelines/feature-learning/kernel.js";
import {activate, gaussianMatrix, unitVector} from "../../../pipelines/feature-learning/model.js";
import {multiplyVector} from "../../../src/linalg/gemm.js";
import {matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";
import {gaussHermite} from "../../../src/special/gaussHermite.js";

test("k₁(x, x′) = k₀(Ax, Ax′) to 1e-12 with A = (s₀I + d r²ûûᵀ)^{1/2}", () => {
  const rng = createRng(1);
  const d = 30;
  const covariance = {s0: 1.7, r: 1.3, direction: unitVector(rng.fork("u"), d)};
  const X = gaussianMatrix(rng.fork("x"), 8, d);
  const K = inducedKernel("relu", X, covariance);
  const A = inputMap(covariance, d);
  for (let i = 0; i < 8; ++i) {
    for (let j = 0; j < 8; ++j) {
      const k0 = isotropicKernel(
        "relu",
        multiplyVector(A, X.data.subarray(i * d, (i + 1) * d)),
        multiplyVector(A, X.data.subarray(j * d, (j + 1) * d))
      );
      assert.ok(
        Math.abs(K.data[i * 8 + j] - k0) <= 1e-12 * Math.abs(k0),
        `(${i}, ${j}): ${K.data[i * 8 + j]} vs ${k0}`
      );
    }
  }
});

test("inducedKernel equals covarianceKernel with the explicit Σ₁ (ReLU, erf)", () => {
  const rng = createRng(2);
  const d = 12;
  const u = unitVector(rng.fork("u"), d);
  const Sigma = matrix(d, d);
  for (let i = 0; i < d; ++i)
    for (let j = 0; j < d; ++j) Sigma.data[i * d + j] = (i === j ? 0.9 / d : 0) + 0.64 * u[i] * u[j];
  const X = gaussianMatrix(rng.fork("x"), 10, d);
  for (const activation of ["relu", "erf"] as const) {
    const a = inducedKernel(activation, X, {s0: 0.9, r: 0.8, direction: u});
    const b = covarianceKernel(activation, X, Sigma);
    for (let k = 0; k < a.data.length; ++k) assert.ok(Math.abs(a.data[k] - b.data[k]) < 1e-12);
  }
});

test("Monte Carlo features w ~ N(0, Σ₁) reproduce the analytic ReLU and tanh kernels (2·10⁵ features)", () => {
  const rng = createRng(4);
  const d = 10;
  const u = unitVector(rng.fork("u"), d);
  const covariance = {s0: 1, r: 1, direction: u};
  const X = gaussianMatrix(rng.fork("x"), 3, d);
  const P = 200000;
  for (const activation of ["relu", "tanh"] as const) {
    const K = inducedKernel(activation, X, covariance);
    const draw = rng.fork(`w-${activation}`);
    const sums = new Float64Array(9);
    const squares = new Float64Array(9);
    for (let m = 0; m < P; ++m) {
      const g = draw.normals(d);
      const z = draw.normal();
      const f = [0, 1, 2].map((i) => {
        let h = 0;
        for (let j = 0; j < d; ++j) h += X.data[i * d + j] * (g[j] / Math.sqrt(d) + z * u[j]);
        return activate(activation, h);
      });
      for (let i = 0; i < 3; ++i)
        for (let j = 0; j < 3; ++j) {
          sums[i * 3 + j] += f[i] * f[j];
          squares[i * 3 + j] += (f[i] * f[j]) ** 2;
        }
    }
    for (let k = 0; k < 9; ++k) {
      const mean = sums[k] / P;
      const se = Math.sqrt((squares[k] / P - mean * mean) / P);
      assert.ok(
        Math.abs(mean - K.data[k]) < 4 * se + 1e-4,
        `${activation} entry ${k}: MC ${mean} ± ${se} vs ${K.data[k]}`
      );
    }
  }
});

test("tanhKernel: the Mehler series and the 2-D Gauss–Hermite rule agree with a 200×200 rule", () => {
  const {nodes, weights} = gaussHermite(200);
  for (const [q, qPrime, rho] of [
    [1, 1, 0.3],
    [0.7, 2, -0.6],
    [1.5, 1.5, 0.93],
    [1, 2, 0.97]
  ]) {
    let exact = 0;
    const c = Math.sqrt(1 - rho * rho);
    for (let i = 0; i < 200; ++i) {
      let inner = 0;
      for (let j = 0; j < 200; ++j)
        inner += weights[j] * Math.tanh(Math.sqrt(qPrime) * (rho * nodes[i] + c * nodes[j]));
      exact += weights[i] * Math.tanh(Math.sqrt(q) * nodes[i]) * inner;
    }
    assert.ok(
      Math.abs(tanhKernel(q, qPrime, rho * Math.sqrt(q * qPrime)) - exact) < 1e-8,
      `q=${q} q′=${qPrime} ρ=${rho}`
    );
  }
});

test("quadraticForms and kappa: κ(q, q, q) = q/2 on the ReLU diagonal", () => {
  const rng = createRng(6);
  const d = 5;
  const covariance = {s0: 2, r: 0.5, direction: unitVector(rng.fork("u"), d)};
  const X = gaussianMatrix(rng.fork("x"), 4, d);
  const q = quadraticForms(X, covariance);
  const K = inducedKernel("relu", X, covariance);
  for (let i = 0; i < 4; ++i)
    assert.ok(
      Math.abs(K.data[i * 5] - q[i] / 2) < 1e-14 && Math.abs(kappa("relu", q[i], q[i], q[i]) - q[i] / 2) < 1e-14
    );
});

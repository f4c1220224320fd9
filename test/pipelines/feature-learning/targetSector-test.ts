// Tests of the target sector: closed forms of M, Hermite matrix against Nyström, and the reference values.
import assert from "node:assert/strict";
import {test} from "node:test";
import {
  derivativeMoment,
  hermiteMatrix,
  nystrom,
  scaledCoefficients,
  sectorEigenvalues,
  sectorSpectrum
} from "../../../pipelines/feature-learning/targetSector.js";
import {reluDerivativeMoment} from "../../../src/special/hermiteCoefficients.js";

test("hermiteMatrix: M₀₀ = (s₀ + r²)/2π and M₀₂ = r²/(2√2π) for ReLU", () => {
  for (const [s0, r] of [
    [1, 0.3],
    [1.3, 0.7],
    [2, 1.5]
  ]) {
    const M = hermiteMatrix({activation: "relu", s0, r});
    assert.ok(Math.abs(M.data[0] - (s0 + r * r) / (2 * Math.PI)) < 1e-12);
    assert.ok(Math.abs(M.data[2] - (r * r) / (2 * Math.SQRT2 * Math.PI)) < 1e-12);
    assert.equal(M.data[1], 0); // parity
  }
});

test("sectorSpectrum and nystrom agree to 1e-5 on the top four eigenvalues for r ≤ 1 (ReLU, tanh, erf)", () => {
  for (const activation of ["relu", "tanh", "erf"] as const) {
    for (const [s0, r] of [
      [1, 0.25],
      [1, 0.5],
      [1, 1],
      [2, 1]
    ]) {
      const hermite = sectorEigenvalues(sectorSpectrum({activation, s0, r}, 16));
      const ny = nystrom({activation, s0, r}, 80).values;
      for (let i = 0; i < 4; ++i)
        assert.ok(
          Math.abs(hermite[i] - ny[i]) < 1e-5,
          `${activation} s0=${s0} r=${r} λ${i + 1}: ${hermite[i]} vs ${ny[i]}`
        );
    }
  }
});

test("the J = 16 truncation drifts from Nyström at r = 2 (2e-4) and converges with J", () => {
  const ny = nystrom({activation: "relu", s0: 1, r: 2}, 200).values[0];
  const j16 = sectorSpectrum({activation: "relu", s0: 1, r: 2}, 16).even.values[0];
  const j64 = sectorSpectrum({activation: "relu", s0: 1, r: 2}, 64, 200).even.values[0];
  assert.ok(Math.abs(ny - j16) > 1e-4);
  assert.ok(Math.abs(ny - j64) < 1e-6);
});

test("reference table: λ_top, r²/4, second even eigenvalue and He₂ coefficient to the printed digits", () => {
  const table = [
    [1, 0.25, 0.1694, 0.000434, 0.0417],
    [1, 0.5, 0.203042, 0.003428, 0.1424],
    [1, 1, 0.36142, 0.011876, 0.3435],
    [2, 1, 0.505499, 0.014445, 0.2359]
  ];
  for (const [s0, r, top, second, he2] of table) {
    const sp = sectorSpectrum({activation: "relu", s0, r});
    assert.ok(Math.abs(sp.even.values[0] - top) < 1e-5 * Math.max(1, top * 10), `λ_top ${sp.even.values[0]} vs ${top}`);
    assert.ok(Math.abs(sp.odd.values[0] - (r * r) / 4) < 1e-14);
    assert.ok(Math.abs(sp.even.values[1] - second) < 3e-6, `λ₂ ${sp.even.values[1]} vs ${second}`);
    assert.ok(Math.abs(sp.even.vectors[0][1] - he2) < 1e-4, `He₂ ${sp.even.vectors[0][1]} vs ${he2}`);
  }
  // Small r: λ_top = 0.160754 at r = 0.1.
  assert.ok(Math.abs(sectorSpectrum({activation: "relu", s0: 1, r: 0.1}).even.values[0] - 0.160754) < 1e-6);
});

test("tanh at s₀ = r = 1: top mode 0.980 He₁ − 0.185 He₃/√6 with λ = 0.1721; no even content", () => {
  const sp = sectorSpectrum({activation: "tanh", s0: 1, r: 1});
  assert.ok(Math.abs(sp.odd.values[0] - 0.1721) < 5e-5);
  assert.ok(Math.abs(sp.odd.vectors[0][0] - 0.98) < 5e-4);
  assert.ok(Math.abs(sp.odd.vectors[0][1] + 0.185) < 5e-4);
  assert.ok(Math.max(...sp.even.values.map(Math.abs)) === 0);
});

test("scaledCoefficients and derivativeMoment: ReLU m_k(q) in closed form, erf against tanh-style quadrature", () => {
  for (const k of [0, 1, 2, 4, 6]) {
    for (const q of [0.5, 1, 3])
      assert.ok(Math.abs(derivativeMoment("relu", k, q) - reluDerivativeMoment(k, q)) < 1e-12);
  }
  const h = scaledCoefficients("tanh", 2, 8);
  for (let k = 0; k <= 8; k += 2) assert.equal(h[k], 0);
});

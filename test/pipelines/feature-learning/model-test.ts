// Tests of the one-step model: the gradient against finite differences, the spike constants, and determinism.
import assert from "node:assert/strict";
import {test} from "node:test";
import {
  derivativeMoments,
  giantStep,
  initialNetwork,
  loss,
  lossGradient,
  sampleData,
  spikeTheory,
  targetMoments,
  unitVector
} from "../../../pipelines/feature-learning/model.js";
import type {Activation} from "../../../pipelines/feature-learning/model.js";
import {matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";

for (const activation of ["relu", "tanh", "erf"] as const satisfies readonly Activation[]) {
  test(`lossGradient(network, data, ${activation}) matches central finite differences of loss`, () => {
    const rng = createRng(3);
    const d = 6;
    const beta = unitVector(rng.fork("beta"), d);
    const data = sampleData(rng.fork("data"), {n: 9, d, target: "he12", noise: 0.1, beta});
    const network = initialNetwork(rng.fork("init"), {p: 5, d, readout: "gaussian"});
    const G = lossGradient(network, data, activation);
    const h = 1e-6;
    for (let k = 0; k < G.data.length; ++k) {
      const plus = matrix(5, d, network.W.data.slice());
      const minus = matrix(5, d, network.W.data.slice());
      plus.data[k] += h;
      minus.data[k] -= h;
      const fd =
        (loss({...network, W: plus}, data, activation) - loss({...network, W: minus}, data, activation)) / (2 * h);
      assert.ok(Math.abs(fd - G.data[k]) < 1e-7, `entry ${k}: ${fd} vs ${G.data[k]}`);
    }
  });
}

test("giantStep direction is −p∇L, so W¹ = W⁰ + η̃D is the step with η = η̃p", () => {
  const rng = createRng(5);
  const step = giantStep(rng, {n: 20, d: 8, p: 7, activation: "relu", target: "he12", noise: 0, readout: "gaussian"});
  const G = lossGradient(step.network, step.data, "relu");
  for (let k = 0; k < G.data.length; ++k) assert.ok(Math.abs(step.direction.data[k] + 7 * G.data[k]) < 1e-14);
});

test("derivativeMoments and targetMoments: ReLU μ₁ = 1/2, Var σ′ = 1/4; He₁ + He₂/√2 has μ₁* = 1, E σ*² = 2", () => {
  assert.deepEqual(derivativeMoments("relu"), {mu1: 0.5, variance: 0.25});
  assert.deepEqual(targetMoments("he12"), {mu1: 1, power: 2});
  // erf: E erf′(G) = 2/√(3π); quadrature against the closed form.
  assert.ok(Math.abs(derivativeMoments("erf").mu1 - 2 / Math.sqrt(3 * Math.PI)) < 1e-12);
  // tanh target by quadrature: E[G tanh G] = E sech²G.
  const tanh = targetMoments("tanh");
  assert.ok(Math.abs(tanh.mu1 - derivativeMoments("tanh").mu1) < 1e-12);
});

test("spikeTheory at α = 2, η̃ = 1 (ReLU, He₁ + He₂/√2): ‖v‖² = 2, γ = 1/√2, r² = 1/2, s₀ = 5/4", () => {
  const t = spikeTheory({activation: "relu", target: "he12", alpha: 2, eta: 1, noise: 0});
  assert.equal(t.vNorm2, 2);
  assert.ok(Math.abs(t.gamma - Math.SQRT1_2) < 1e-15);
  assert.equal(t.r2, 0.5);
  assert.equal(t.s0, 1.25);
});

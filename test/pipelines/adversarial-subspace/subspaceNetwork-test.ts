import assert from "node:assert/strict";
import {test} from "node:test";
import {gram} from "../../../src/linalg/gemm.js";
import {matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";
import {relu} from "../../../pipelines/two-layer/activation.js";
import {gradientDescent, minimum} from "../../../pipelines/two-layer/gradientDescent.js";
import {logistic} from "../../../pipelines/two-layer/loss.js";
import {preActivations} from "../../../pipelines/two-layer/network.js";
import {drawSetting, trainSetting} from "../../../pipelines/adversarial-subspace/setting.js";
import {embed, projectOut} from "../../../pipelines/adversarial-subspace/subspace.js";
import type {SubspaceNetwork} from "../../../pipelines/adversarial-subspace/subspaceNetwork.js";
import {
  alternatingOuter,
  fullNetwork,
  gradientSplit,
  subspaceOutputs
} from "../../../pipelines/adversarial-subspace/subspaceNetwork.js";

const params = {eta_d: 2, margin: 1, max_steps: 3000, width: 24};

function setting(seed: number, d = 40) {
  return drawSetting(createRng(seed), d, 4, 30, 50, params.width);
}

test("trainSetting in the coordinates of P equals gradient descent in R^d, to rounding", () => {
  const draw = setting(1);
  const d = draw.space.d;
  const net = trainSetting(draw, params, {beta: 1});
  const W0 = matrix(
    params.width,
    d,
    draw.init.data.map((x) => x / Math.sqrt(d))
  );
  const full = gradientDescent(
    {W: W0, b: new Float64Array(params.width), u: alternatingOuter(params.width), c: 0},
    embed(draw.train.F, draw.space.U),
    draw.train.y,
    {
      activation: relu,
      loss: logistic,
      total: "mean",
      learningRate: 2 / d,
      maxSteps: 3000,
      stop: (q) => minimum(q) >= 1
    }
  );
  assert.ok(net.stopped && full.stopped);
  assert.equal(net.steps, full.steps);
  const W = fullNetwork(net).W;
  let error = 0;
  for (let q = 0; q < W.data.length; ++q) error = Math.max(error, Math.abs(W.data[q] - full.net.W.data[q]));
  assert.ok(error < 1e-12, `max |ΔW| = ${error}`);
  const f = subspaceOutputs(net, draw.test.F);
  const split = gradientSplit(net, draw.test.F);
  for (let i = 0; i < f.length; ++i) assert.ok(Math.abs(f[i] - split.outputs[i]) < 1e-12);
});

test("with weight decay the orthogonal part of W is exactly (1 − ηλ)^t·W(0)P⊥", () => {
  const draw = setting(2);
  const d = draw.space.d;
  const net = trainSetting(draw, params, {beta: 1, lambda: 0.3, maxSteps: 500, margin: Infinity});
  assert.equal(net.steps, 500);
  assert.ok(Math.abs(net.decay / Math.pow(1 - (2 / d) * 0.3, 500) - 1) < 1e-12);
  const perp = projectOut(fullNetwork(net).W, draw.space.U);
  for (let q = 0; q < perp.data.length; ++q) assert.ok(Math.abs(perp.data[q] - net.decay * net.W0perp.data[q]) < 1e-14);
});

test("gradientSplit's ‖P⊥∇N(x)‖² equals decay²·DᵀKD with K = W(0)P⊥(W(0)P⊥)ᵀ and D_j = u_j·1[active]", () => {
  const draw = setting(3);
  const net = trainSetting(draw, params, {beta: 0.5, lambda: 0.1, maxSteps: 200, margin: Infinity});
  const split = gradientSplit(net, draw.test.F);
  const K = gram(net.W0perp);
  const Z = preActivations(fullNetwork(net), embed(draw.test.F, draw.space.U));
  const m = params.width;
  for (let i = 0; i < draw.test.F.rows; ++i) {
    const D = Float64Array.from({length: m}, (_, j) => (Z.data[i * m + j] > 0 ? net.u[j] : 0));
    let q = 0;
    for (let j = 0; j < m; ++j) for (let l = 0; l < m; ++l) q += D[j] * K.data[j * m + l] * D[l];
    const expected = net.decay * Math.sqrt(q);
    assert.ok(Math.abs(split.orthogonal[i] - expected) < 1e-12 * Math.max(1, expected));
    const mass = D.reduce((s, x) => s + x * x, 0);
    assert.ok(Math.abs(split.activeMass[i] - mass) < 1e-15);
  }
});

test("Q ≈ 1: over fresh draws of W(0)P⊥ with the trajectory fixed, E‖g⊥‖² = (β²/d)ℓS(x)", () => {
  const draw = setting(4, 30);
  const d = draw.space.d;
  const beta = 0.7;
  const net = trainSetting(draw, params, {beta});
  const rng = createRng(5);
  const draws = 400;
  let ratio = 0;
  for (let r = 0; r < draws; ++r) {
    // The trajectory never sees W(0)P⊥ (training runs in the coordinates of P), so any Gaussian replacement is as likely.
    const fresh = projectOut(
      matrix(
        params.width,
        d,
        rng.normals(params.width * d).map((x) => (beta * x) / Math.sqrt(d))
      ),
      draw.space.U
    );
    const resampled: SubspaceNetwork = {...net, W0: fresh, W0perp: fresh};
    const split = gradientSplit(
      resampled,
      draw.test.F.rows > 10
        ? {rows: 10, cols: draw.test.F.cols, data: draw.test.F.data.slice(0, 10 * draw.test.F.cols)}
        : draw.test.F
    );
    for (let i = 0; i < 10; ++i)
      ratio += split.orthogonal[i] ** 2 / (((beta * beta) / d) * (d - 4) * split.activeMass[i]);
  }
  ratio /= draws * 10;
  // Each term is χ²_ℓ/ℓ (ℓ = 26, variance 2/ℓ); 400 independent draws give a standard error below 0.02.
  assert.ok(Math.abs(ratio - 1) < 0.06, `mean Q = ${ratio}`);
});

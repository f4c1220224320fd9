import assert from "node:assert/strict";
import {test} from "node:test";
import {createRng} from "../../../src/random/rng.js";
import {sample, signalDirection} from "../../../pipelines/benign-overfitting/data.js";
import {
  fullNetwork,
  initialWeights,
  outerWeights,
  trainBothRules
} from "../../../pipelines/benign-overfitting/network.js";
import {leakyRelu} from "../../../pipelines/two-layer/activation.js";
import {activeSetDescent} from "../../../pipelines/two-layer/activeSetDescent.js";
import {gradientDescent, minimum} from "../../../pipelines/two-layer/gradientDescent.js";
import {hinge} from "../../../pipelines/two-layer/loss.js";
import {coordinates, expandWeights, spanBasis} from "../../../pipelines/two-layer/span.js";

function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; ++i) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

// A small instance of the paper's setting: n = 30, d = 60, γ = 0.1, flips with probability 0.1, 2m = 16, α = 0.1.
function instance() {
  const n = 30;
  const d = 60;
  const width = 16;
  const rng = createRng(5);
  const v = signalDirection(d, rng.fork("signal"));
  const data = sample(n, v, 0.1, rng.fork("train"), {kind: "probability", probability: 0.1});
  const W0 = initialWeights(width, d, 1, rng.fork("init"));
  return {n, d, width, data, W0, u: outerWeights(width, "alternating")};
}

test("outerWeights: (−1)^j for j = 1 … 2m starts at −1; all-minus is −1 throughout", () => {
  assert.deepEqual([...outerWeights(4, "alternating")], [-1, 1, -1, 1]);
  assert.deepEqual([...outerWeights(3, "all-minus")], [-1, -1, -1]);
});

test("training in the span of the inputs equals training in R^d on this paper's data (both stopping rules)", () => {
  const {n, width, data, W0, u} = instance();
  const activation = leakyRelu(0.1);
  const common = {
    activation,
    loss: hinge,
    total: "sum" as const,
    learningRate: 1 / (width * n),
    train: {biases: false}
  };
  const net = {W: W0, b: null, u, c: 0};
  for (const stop of [(q: Float64Array) => minimum(q) > 0, (q: Float64Array) => minimum(q) >= 1]) {
    const full = gradientDescent(net, data.X, data.observed, {...common, maxSteps: 100000, stop});
    const Q = spanBasis(data.X);
    const reduced = gradientDescent({...net, W: coordinates(W0, Q)}, coordinates(data.X, Q), data.observed, {
      ...common,
      maxSteps: 100000,
      stop
    });
    assert.ok(full.stopped && reduced.stopped);
    assert.equal(reduced.steps, full.steps);
    const W = expandWeights(W0, reduced.net.W, Q, 1);
    assert.ok(maxRelativeDifference(W.data, full.net.W.data) < 1e-10);
  }
});

test("activeSetDescent takes the same steps as gradientDescent and reaches the same weights to rounding", () => {
  const {n, width, data, W0, u} = instance();
  const activation = leakyRelu(0.1);
  const options = {
    activation,
    loss: hinge,
    total: "sum" as const,
    learningRate: 1 / (width * n),
    maxSteps: 100000,
    stop: (q: Float64Array) => minimum(q) >= 1
  };
  const net = {W: W0, b: null, u, c: 0};
  const reference = gradientDescent(net, data.X, data.observed, {...options, train: {biases: false}});
  const fast = activeSetDescent(net, data.X, data.observed, {...options, refreshEvery: 16});
  assert.equal(fast.steps, reference.steps);
  assert.ok(maxRelativeDifference(fast.net.W.data, reference.net.W.data) < 1e-10);
  assert.ok(maxRelativeDifference(fast.margins, reference.margins) < 1e-10);
});

test("trainBothRules: S_err stops at the first step with zero training error, S_loss continues the same path", () => {
  const {n, d, width, data, W0} = instance();
  const settings = {width, alpha: 0.1, outer: "alternating" as const, initScale: 1, lrScale: 1, maxSteps: 100000};
  const pair = trainBothRules(W0, data.X, data.observed, settings);
  assert.ok(pair.error.stopped && pair.loss.stopped);
  assert.ok(minimum(pair.error.margins) > 0 && minimum(pair.loss.margins) >= 1);
  assert.ok(pair.loss.steps >= pair.error.steps);
  // The S_loss run from W(0) in R^d, with the shared loop, takes the same total number of steps.
  const activation = leakyRelu(0.1);
  const full = gradientDescent({W: W0, b: null, u: pair.u, c: 0}, data.X, data.observed, {
    activation,
    loss: hinge,
    total: "sum",
    learningRate: 1 / (width * n),
    maxSteps: 100000,
    train: {biases: false},
    stop: (q) => minimum(q) >= 1
  });
  assert.equal(pair.loss.steps, full.steps);
  const W = fullNetwork(pair, "loss").W;
  assert.equal(W.cols, d);
  assert.ok(maxRelativeDifference(W.data, full.net.W.data) < 1e-10);
});

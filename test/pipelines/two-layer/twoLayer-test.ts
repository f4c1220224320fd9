import assert from "node:assert/strict";
import {test} from "node:test";
import {matrix} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";
import {leakyRelu, relu} from "../../../pipelines/two-layer/activation.js";
import type {Activation} from "../../../pipelines/two-layer/activation.js";
import {gradientDescent, minimum} from "../../../pipelines/two-layer/gradientDescent.js";
import type {GradientDescentOptions} from "../../../pipelines/two-layer/gradientDescent.js";
import {hinge, logistic} from "../../../pipelines/two-layer/loss.js";
import type {MarginLoss} from "../../../pipelines/two-layer/loss.js";
import {inputGradients, outputs} from "../../../pipelines/two-layer/network.js";
import type {TwoLayerNetwork} from "../../../pipelines/two-layer/network.js";
import {coordinates, expandWeights, spanBasis} from "../../../pipelines/two-layer/span.js";

function gaussian(rows: number, cols: number, scale: number, seed: number): Matrix {
  const A = matrix(rows, cols, createRng(seed).normals(rows * cols));
  for (let i = 0; i < A.data.length; ++i) A.data[i] *= scale;
  return A;
}

// n points on a k-dimensional subspace of R^d (the first k coordinates rotated by a Gaussian map).
function subspaceData(n: number, d: number, k: number, seed: number): {X: Matrix; y: Float64Array} {
  const C = gaussian(n, k, 1, seed);
  const U = gaussian(k, d, 1 / Math.sqrt(d), seed + 1);
  const X = matrix(n, d);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < d; ++j) {
      let s = 0;
      for (let p = 0; p < k; ++p) s += C.data[i * k + p] * U.data[p * d + j];
      X.data[i * d + j] = s;
    }
  }
  const y = Float64Array.from({length: n}, (_, i) => (C.data[i * k] >= 0 ? 1 : -1));
  return {X, y};
}

function network(m: number, d: number, seed: number, biases: boolean): TwoLayerNetwork {
  const W = gaussian(m, d, 1 / Math.sqrt(d), seed);
  const b = biases
    ? createRng(seed + 7)
        .normals(m)
        .map((x) => 0.1 * x)
    : null;
  const u = Float64Array.from({length: m}, (_, j) => (j % 2 === 0 ? 1 : -1) / Math.sqrt(m));
  return {W, b, u, c: 0.05};
}

function totalLoss(net: TwoLayerNetwork, X: Matrix, y: Float64Array, activation: Activation, loss: MarginLoss): number {
  const f = outputs(net, X, activation);
  return f.reduce((sum, fi, i) => sum + loss.value(y[i] * fi), 0) / X.rows;
}

function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; ++i) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

test("logistic(q) equals log(1 + e^{-q}) and its derivative, without overflow", () => {
  for (const q of [-30, -2, -1e-3, 0, 0.5, 3, 40]) {
    assert.ok(Math.abs(logistic.value(q) - Math.log(1 + Math.exp(-q))) <= 1e-15 * Math.max(1, Math.abs(q)));
    assert.ok(Math.abs(logistic.derivative(q) + 1 / (1 + Math.exp(q))) <= 1e-16);
  }
  assert.equal(logistic.value(-1000), 1000);
  assert.equal(hinge.value(0.25), 0.75);
  assert.equal(hinge.derivative(1), 0);
});

test("gradientDescent: one step moves every trained parameter by −η times the finite-difference gradient", () => {
  const {X, y} = subspaceData(12, 6, 6, 3);
  const net = network(5, 6, 4, true);
  const options: GradientDescentOptions = {
    activation: relu,
    loss: logistic,
    total: "mean",
    learningRate: 1e-3,
    maxSteps: 1,
    train: {biases: true, outer: true, outputBias: true}
  };
  const after = gradientDescent(net, X, y, options).net;
  const h = 1e-6;
  const check = (theta: Float64Array, moved: Float64Array) => {
    for (let i = 0; i < theta.length; ++i) {
      const saved = theta[i];
      theta[i] = saved + h;
      const plus = totalLoss(net, X, y, relu, logistic);
      theta[i] = saved - h;
      const minus = totalLoss(net, X, y, relu, logistic);
      theta[i] = saved;
      const numeric = (plus - minus) / (2 * h);
      const stepped = (saved - moved[i]) / options.learningRate;
      assert.ok(Math.abs(numeric - stepped) < 1e-7, `gradient ${numeric} vs ${stepped}`);
    }
  };
  check(net.W.data, after.W.data);
  check(net.b!, after.b!);
  check(net.u, after.u);
  const cPlus = totalLoss({...net, c: net.c + h}, X, y, relu, logistic);
  const cMinus = totalLoss({...net, c: net.c - h}, X, y, relu, logistic);
  assert.ok(Math.abs((cPlus - cMinus) / (2 * h) - (net.c - after.c) / options.learningRate) < 1e-7);
});

test("inputGradients(net, X) agrees with central differences of outputs", () => {
  const X = gaussian(4, 5, 1, 11);
  const net = network(7, 5, 12, true);
  const G = inputGradients(net, X, relu);
  const h = 1e-6;
  for (let i = 0; i < X.data.length; ++i) {
    const saved = X.data[i];
    X.data[i] = saved + h;
    const plus = outputs(net, X, relu)[Math.floor(i / 5)];
    X.data[i] = saved - h;
    const minus = outputs(net, X, relu)[Math.floor(i / 5)];
    X.data[i] = saved;
    assert.ok(Math.abs((plus - minus) / (2 * h) - G.data[i]) < 1e-8);
  }
});

test("training in the span of the data equals training in R^d (leaky ReLU, summed hinge, no biases)", () => {
  const {X, y} = subspaceData(20, 40, 20, 21);
  const net = network(8, 40, 22, false);
  const options: GradientDescentOptions = {
    activation: leakyRelu(0.1),
    loss: hinge,
    total: "sum",
    learningRate: 1 / (8 * 20),
    maxSteps: 5000,
    stop: (margins) => minimum(margins) >= 1
  };
  const full = gradientDescent(net, X, y, options);
  const Q = spanBasis(X);
  const reduced = gradientDescent({...net, W: coordinates(net.W, Q)}, coordinates(X, Q), y, options);
  assert.ok(full.stopped && reduced.stopped);
  assert.equal(reduced.steps, full.steps);
  const W = expandWeights(net.W, reduced.net.W, Q, reduced.decayFactor);
  assert.ok(maxRelativeDifference(W.data, full.net.W.data) < 1e-10);
});

test("with coupled weight decay the complement of the data span shrinks by exactly (1 − ηλ)^t", () => {
  const {X, y} = subspaceData(30, 25, 3, 31);
  const net = network(10, 25, 32, true);
  const options: GradientDescentOptions = {
    activation: relu,
    loss: logistic,
    total: "mean",
    learningRate: 0.08,
    weightDecay: 0.5,
    maxSteps: 300
  };
  const full = gradientDescent(net, X, y, options);
  const Q = spanBasis(X);
  const reduced = gradientDescent({...net, W: coordinates(net.W, Q)}, coordinates(X, Q), y, options);
  assert.ok(Math.abs(full.decayFactor / Math.pow(1 - 0.08 * 0.5, 300) - 1) < 1e-12);
  const W = expandWeights(net.W, reduced.net.W, Q, reduced.decayFactor);
  assert.ok(maxRelativeDifference(W.data, full.net.W.data) < 1e-10);
  assert.ok(maxRelativeDifference(reduced.margins, full.margins) < 1e-10);
});

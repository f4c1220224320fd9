// A2: the orthogonal part of the first layer never moves, and under coupled weight decay it shrinks by exactly
// (1 − ηλ)^t; training in the k coordinates of P reproduces training in R^d.
import type {Row} from "../../src/contract/index.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {frobeniusNorm} from "../../src/linalg/norms.js";
import {integer, real} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {relu} from "../two-layer/activation.js";
import {gradientDescent, minimum} from "../two-layer/gradientDescent.js";
import type {GradientDescentOptions} from "../two-layer/gradientDescent.js";
import {logistic} from "../two-layer/loss.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {drawSetting, scaled, settingParams, trainSetting} from "./setting.js";
import {embed, projectOut} from "./subspace.js";
import {alternatingOuter, fullNetwork} from "./subspaceNetwork.js";

/**
 * Spec A2: trains the A.4 network twice in R^d (gemm on the d-dimensional inputs): once with λ = 0 to the margin
 * rule, once with coupled weight decay λ on W for a fixed number of steps, recording ‖W(t)P⊥‖_F at checkpoints.
 * Both runs are repeated in the k coordinates of P and expanded back, and the weights compared.
 */
export const invariance = pipeline({
  id: "adversarial-subspace/invariance",
  description:
    "‖W(t)P⊥‖ under gradient descent without and with coupled weight decay, against (1 − ηλ)^t; span training against full training.",
  source: import.meta.url,
  params: {
    d: integer(400, "input dimension", {min: 2, max: 4000}),
    beta: real(1, "initial scale β: W(0) ~ N(0, β²/d)", {min: 0.001, max: 10}),
    lambda: real(0.5, "coupled weight decay λ on W in the decay run", {min: 0, max: 10}),
    steps: integer(3000, "steps of the weight-decay run (no stopping rule)", {min: 1, max: 100000}),
    every: integer(250, "checkpoint interval of the weight-decay run", {min: 1, max: 100000}),
    ...settingParams
  },
  outputs: {
    scalars: {
      perp_norm_initial: "‖W(0)P⊥‖_F, the initial weights' part orthogonal to the data subspace",
      perp_norm_expected: "its expectation β·√(width·(d − k)/d)",
      invariance_error: "‖W(T)P⊥ − W(0)P⊥‖_F/‖W(0)P⊥‖_F after training without decay (0 expected)",
      free_steps: "steps of the run without decay until min margin ≥ margin",
      free_steps_span: "steps of the same run trained in the k subspace coordinates",
      free_stopped: "1 when the margin rule stopped the run without decay",
      span_error_free: "relative Frobenius distance between span-trained and full-trained W, no decay",
      decay_steps: "steps of the weight-decay run (= steps)",
      decay_ratio: "‖W(T)P⊥‖_F/‖W(0)P⊥‖_F at the end of the weight-decay run",
      decay_predicted: "(1 − ηλ)^T, its predicted value",
      decay_law_error: "max |ratio/predicted − 1| over the checkpoints where (1 − ηλ)^t > 1e-290",
      decay_factor_span: "the decay factor of the span-trained weight-decay run",
      span_error_decay: "relative Frobenius distance between span-trained and full-trained W with decay",
      eta_lambda: "ηλ with η = eta_d/d"
    },
    tables: {
      decay: {
        description: "the weight-decay run at t = 0 and every `every` steps",
        columns: {t: "step", ratio: "‖W(t)P⊥‖_F/‖W(0)P⊥‖_F", predicted: "(1 − ηλ)^t"}
      }
    }
  },
  run(params, rng) {
    const {d, k, n, width, beta, lambda, steps, every} = params;
    const draw = drawSetting(rng, d, k, n, 1, width);
    const X = embed(draw.train.F, draw.space.U);
    const W0 = scaled(draw.init, beta / Math.sqrt(d));
    const perp0 = frobeniusNorm(projectOut(W0, draw.space.U));
    const eta = params.eta_d / d;
    const base: GradientDescentOptions = {
      activation: relu,
      loss: logistic,
      total: "mean",
      learningRate: eta,
      train: {biases: true},
      maxSteps: params.max_steps
    };
    const initial: TwoLayerNetwork = {W: W0, b: new Float64Array(width), u: alternatingOuter(width), c: 0};

    // λ = 0, to the margin rule: the orthogonal part is invariant; span training reproduces the run.
    const free = gradientDescent(initial, X, draw.train.y, {...base, stop: (q) => minimum(q) >= params.margin});
    const freeSpan = trainSetting(draw, params, {beta});
    const invarianceError = relativeDistance(projectOut(free.net.W, draw.space.U), projectOut(W0, draw.space.U));
    const spanErrorFree = relativeDistance(fullNetwork(freeSpan).W, free.net.W);

    // Weight decay for a fixed horizon, in chunks of `every` steps (gradient descent has no state besides θ).
    const decayed: Row[] = [{t: 0, ratio: 1, predicted: 1}];
    let net = initial;
    let t = 0;
    let lawError = 0;
    while (t < steps) {
      const chunk = Math.min(every, steps - t);
      net = gradientDescent(net, X, draw.train.y, {...base, weightDecay: lambda, maxSteps: chunk}).net;
      t += chunk;
      const ratio = frobeniusNorm(projectOut(net.W, draw.space.U)) / perp0;
      const predicted = Math.pow(1 - eta * lambda, t);
      // Once (1 − ηλ)^t leaves double range (below 1e-290 after t·ηλ ≳ 670) both sides are rounding noise or
      // zero, and their ratio says nothing about the law: those checkpoints are recorded but not compared.
      if (predicted > 1e-290) lawError = Math.max(lawError, Math.abs(ratio / predicted - 1));
      decayed.push({t, ratio, predicted});
    }
    const decaySpan = trainSetting(draw, params, {beta, lambda, maxSteps: steps, margin: Infinity});
    const spanErrorDecay = relativeDistance(fullNetwork(decaySpan).W, net.W);
    const last = decayed[decayed.length - 1];
    return {
      scalars: {
        perp_norm_initial: perp0,
        perp_norm_expected: beta * Math.sqrt((width * (d - k)) / d),
        invariance_error: invarianceError,
        free_steps: free.steps,
        free_steps_span: freeSpan.steps,
        free_stopped: free.stopped ? 1 : 0,
        span_error_free: spanErrorFree,
        decay_steps: steps,
        decay_ratio: last.ratio as number,
        decay_predicted: last.predicted as number,
        decay_law_error: lawError,
        decay_factor_span: decaySpan.decay,
        span_error_decay: spanErrorDecay,
        eta_lambda: eta * lambda
      },
      tables: {decay: decayed}
    };
  }
});

// ‖A − B‖_F / ‖B‖_F.
function relativeDistance(A: Matrix, B: Matrix): number {
  let num = 0;
  for (let i = 0; i < A.data.length; ++i) num += (A.data[i] - B.data[i]) ** 2;
  return Math.sqrt(num) / frobeniusNorm(B);
}

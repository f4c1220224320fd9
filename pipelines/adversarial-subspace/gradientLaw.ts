// A3: the orthogonal input gradient of the trained network is Gaussian given the training trajectory, with
// E‖P⊥∇N(x)‖² = (β²/d)·(1 − ηλ)^{2t}·ℓ·S(x) exactly (ℓ = d − k, S(x) = Σ_j u_j²·1[unit j active at x]).
import {integer, real} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {drawSetting, settingParams, trainSetting} from "./setting.js";
import type {GradientSplit, SubspaceNetwork} from "./subspaceNetwork.js";
import {fullNetwork, gradientSplit, mean} from "./subspaceNetwork.js";

/**
 * Spec A3: trains the A.4 network at (d, β) and measures, at the training points and at fresh test points of P,
 * ‖P∇N‖, ‖P⊥∇N‖ and Q(x) = ‖P⊥∇N(x)‖² / [(β²/d)(1 − ηλ)^{2t}ℓS(x)], whose conditional mean is exactly 1.
 */
export const gradientLaw = pipeline({
  id: "adversarial-subspace/gradient-law",
  description:
    "In-subspace and orthogonal input-gradient norms of the trained network, and Q = ‖g⊥‖²/((β²/d)(1 − ηλ)^{2t}ℓS).",
  source: import.meta.url,
  params: {
    d: integer(400, "input dimension", {min: 2, max: 4000}),
    beta: real(1, "initial scale β: W(0) ~ N(0, β²/d)", {min: 0.001, max: 10}),
    lambda: real(0, "coupled weight decay λ on W", {min: 0, max: 10}),
    n_test: integer(200, "test points of P", {min: 1, max: 10000}),
    ...settingParams
  },
  outputs: {
    scalars: {
      ell: "ℓ = d − k, the codimension of the data subspace",
      steps: "training steps taken",
      stopped: "1 when the margin rule stopped training, 0 when max_steps did",
      decay: "(1 − ηλ)^t, the weight-decay factor after t steps",
      test_accuracy: "fraction of the n_test test points classified correctly",
      q_mean:
        "mean of Q(x) = ‖P⊥∇N(x)‖²/((β²/d)(1 − ηλ)^{2t}·ℓ·S(x)) over the training and test points with S(x) > 0 (1 expected)",
      q_train: "mean Q over the training points with S(x) > 0",
      q_test: "mean Q over the test points with S(x) > 0",
      q_points:
        "training and test points with S(x) > 0, where Q is defined (at S(x) = 0 no unit is active and ∇N(x) = 0)",
      g_perp_train: "mean ‖P⊥∇N(x)‖ over the training points",
      g_perp_test: "mean ‖P⊥∇N(x)‖ over the test points",
      g_par_train: "mean ‖P∇N(x)‖ over the training points",
      g_par_test: "mean ‖P∇N(x)‖ over the test points",
      g_perp_rms: "root mean square of ‖P⊥∇N(x)‖ over the test points",
      g_perp_rms_theory: "its prediction √(mean of (β²/d)(1 − ηλ)^{2t}·ℓ·S(x))",
      g_perp_half_active: "β(1 − ηλ)^t·√(ℓ/2d), the prediction when half the units are active",
      active_mass: "mean S(x) = Σ_j u_j²·1[unit j active] over the test points",
      perp_test_over_train: "g_perp_test / g_perp_train",
      perp_over_par: "g_perp_test / g_par_test",
      perp_over_par_init: "√(ℓ/k), the ratio at initialisation"
    },
    tables: {}
  },
  run(params, rng) {
    const {d, k, n, width, beta, lambda} = params;
    const draw = drawSetting(rng, d, k, n, params.n_test, width);
    const net = trainSetting(draw, params, {beta, lambda});
    // Q divides ‖P⊥∇N‖² by (1 − ηλ)^{2t}; once that factor leaves double range, W(t)P⊥ has underflowed with it and Q
    // is 0/0: a joint limit on λ, η and the steps taken, so it is refused here with the numbers that cause it.
    if (!(lawScale(net) > 1e-290)) {
      throw new Error(
        `gradient-law: (1 − ηλ)^${net.steps} = ${net.decay} leaves double range at λ = ${lambda}, η = ${params.eta_d / d}; ` +
          "Q = ‖g⊥‖²/((β²/d)(1 − ηλ)^{2t}ℓS) is not measurable there (lower lambda or max_steps)"
      );
    }
    const full = fullNetwork(net);
    const train = gradientSplit(net, draw.train.F, full);
    const test = gradientSplit(net, draw.test.F, full);
    const qTrain = lawRatios(net, train);
    const qTest = lawRatios(net, test);
    if (qTrain.length === 0 || qTest.length === 0) {
      throw new Error(
        `gradient-law: no hidden unit is active at any ${qTrain.length === 0 ? "training" : "test"} point ` +
          `(width ${width}), so Q = ‖g⊥‖²/((β²/d)(1 − ηλ)^{2t}ℓS) is 0/0 everywhere (raise width)`
      );
    }
    const accuracy = mean(Array.from(test.outputs, (f, i) => (f * draw.test.y[i] > 0 ? 1 : 0)));
    const predicted = (s: GradientSplit) => Math.sqrt(mean(s.activeMass.map((mass) => lawScale(net) * mass)));
    return {
      scalars: {
        ell: d - k,
        steps: net.steps,
        stopped: net.stopped ? 1 : 0,
        decay: net.decay,
        test_accuracy: accuracy,
        q_mean: mean([...qTrain, ...qTest]),
        q_train: mean(qTrain),
        q_test: mean(qTest),
        q_points: qTrain.length + qTest.length,
        g_perp_train: mean(train.orthogonal),
        g_perp_test: mean(test.orthogonal),
        g_par_train: mean(train.parallel),
        g_par_test: mean(test.parallel),
        g_perp_rms: Math.sqrt(mean(test.orthogonal.map((g) => g * g))),
        g_perp_rms_theory: predicted(test),
        g_perp_half_active: beta * net.decay * Math.sqrt((d - k) / (2 * d)),
        active_mass: mean(test.activeMass),
        perp_test_over_train: mean(test.orthogonal) / mean(train.orthogonal),
        perp_over_par: mean(test.orthogonal) / mean(test.parallel),
        perp_over_par_init: Math.sqrt((d - k) / k)
      },
      tables: {}
    };
  }
});

// (β²/d)(1 − ηλ)^{2t}ℓ: the scale of E‖g⊥(x)‖² per unit of S(x).
function lawScale(net: SubspaceNetwork): number {
  const {d, k} = net.space;
  return ((net.beta * net.beta) / d) * net.decay * net.decay * (d - k);
}

// Q(x) for each point with at least one active unit (S(x) > 0); where none is active, ∇N(x) = 0 and Q is 0/0.
function lawRatios(net: SubspaceNetwork, split: GradientSplit): number[] {
  const ratios: number[] = [];
  split.orthogonal.forEach((g, i) => {
    if (split.activeMass[i] > 0) ratios.push((g * g) / (lawScale(net) * split.activeMass[i]));
  });
  return ratios;
}

// B4: approximate margin maximisation (Theorem 3.1). Trained to zero hinge loss, the network's ‖W‖_F is within a
// constant of ‖w*‖/(α√m), and the number of steps within a constant of ‖w*‖²/(ηα²m).
import {real, reals} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {sample, signalDirection} from "./data.js";
import {maxMargin} from "./maxMargin.js";
import {fullNetwork, initialWeights, trainBothRules} from "./network.js";
import {dimension} from "./train.js";
import {networkParams, networkSettings} from "./trial.js";

/**
 * At one γ and seed, trains (n, 2m) over n ∈ n_values at 2m = base_width and 2m ∈ widths at n = base_n (d = 2n) to
 * zero hinge loss (S_loss), and compares with the hard-margin w* of the same data: ρ = ‖W‖_F·α·√m/‖w*‖ and
 * T/(‖w*‖²/(ηα²m)). Scalars `<name>_n<n>_w<2m>`, and the spread ρ_max/ρ_min over the configurations.
 */
export const marginMaximisation = pipeline({
  id: "benign-overfitting/margin",
  description: "ρ = ‖W‖_F·α·√m/‖w*‖ and the step count against ‖w*‖²/(ηα²m), over n and width, at zero hinge loss.",
  source: import.meta.url,
  params: {
    gamma: real(0.05, "signal strength γ", {min: 0, max: 0.99}),
    n_values: reals([50, 100, 200], "training set sizes n at the base width", {min: 4, max: 2000}),
    widths: reals([32, 64, 128], "widths 2m at the base n", {min: 2, max: 1024}),
    base_n: real(100, "n of the width series", {min: 4, max: 2000}),
    base_width: real(64, "2m of the n series", {min: 2, max: 1024}),
    // ρ compares with the max-margin classifier w*, which exists for any labels when the points are separable, as n
    // points in general position are when n ≤ d + 1: so d/n ≥ 1.
    d_over_n: real(2, "d/n", {min: 1, max: 100}),
    ...networkParams
  },
  outputs: {
    scalars: {
      "rho_n{n}_w{width}":
        "ρ = ‖W‖_F·α·√m/‖w*‖ at zero hinge loss, for n in n_values at base_width or width 2m at base_n",
      "steps_n{n}_w{width}": "gradient steps T to zero hinge loss at (n, 2m)",
      "step_ratio_n{n}_w{width}": "T/(‖w*‖²/(ηα²m)) at (n, 2m)",
      "w_star_n{n}_w{width}": "‖w*‖ of the hard-margin linear classifier of the same data",
      rho_max: "max ρ over the configurations",
      rho_min: "min ρ over the configurations",
      rho_spread: "rho_max / rho_min",
      step_ratio_max: "max step ratio over the configurations",
      min_margin: "min training margin ŷ_i·f(x_i) at zero hinge loss over all configurations",
      all_stopped: "1 when every configuration reached zero hinge loss within max_steps"
    },
    tables: {}
  },
  run(params, rng) {
    const configs = new Map<string, {n: number; width: number}>();
    for (const n of params.n_values) configs.set(`n${n}_w${params.base_width}`, {n, width: params.base_width});
    for (const width of params.widths) configs.set(`n${params.base_n}_w${width}`, {n: params.base_n, width});
    const scalars: Record<string, number> = {};
    const rhos: number[] = [];
    let worstStepRatio = 0;
    let worstMargin = Infinity;
    let allStopped = 1;
    for (const [key, {n, width}] of configs) {
      const d = dimension(params.d_over_n, n);
      const settings = {...networkSettings({...params, width}, n), n, d, gamma: params.gamma};
      const stream = rng.fork(`n${n}-d${d}`);
      const v = signalDirection(d, stream.fork("signal"));
      const train = sample(n, v, params.gamma, stream.fork("train"), settings.noise);
      const W0 = initialWeights(width, d, settings.initScale, stream.fork("init"));
      const pair = trainBothRules(W0, train.X, train.observed, settings);
      const W = fullNetwork(pair, "loss").W;
      const wNorm = maxMargin(train.X, train.observed).norm;
      const m = width / 2;
      const rho = (Math.sqrt(W.data.reduce((s, x) => s + x * x, 0)) * params.alpha * Math.sqrt(m)) / wNorm;
      const stepScale = (wNorm * wNorm) / (pair.learningRate * params.alpha ** 2 * m);
      scalars[`rho_${key}`] = rho;
      scalars[`steps_${key}`] = pair.loss.steps;
      scalars[`step_ratio_${key}`] = pair.loss.steps / stepScale;
      scalars[`w_star_${key}`] = wNorm;
      rhos.push(rho);
      worstStepRatio = Math.max(worstStepRatio, pair.loss.steps / stepScale);
      worstMargin = Math.min(worstMargin, ...pair.loss.margins);
      if (!pair.loss.stopped) allStopped = 0;
    }
    scalars.rho_max = Math.max(...rhos);
    scalars.rho_min = Math.min(...rhos);
    scalars.rho_spread = scalars.rho_max / scalars.rho_min;
    scalars.step_ratio_max = worstStepRatio;
    scalars.min_margin = worstMargin;
    scalars.all_stopped = allStopped;
    return {scalars, tables: {}};
  }
});

// A1: a replica of the paper's Figure 2 (spec A.1, A.4): the authors' seven diagonal points in the plane, a
// 2 → 100 → 1 ReLU network trained three ways (vanilla, small initialisation, weight decay), and the distance to
// the first label flip of each point along the direction (1, −1)/√2 orthogonal to the data.
import type {Row} from "../../src/contract/index.js";
import {matrix} from "../../src/linalg/matrix.js";
import {integer, real} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {lineFlips} from "./flip.js";
import {smallInitial, trainSmall} from "./smallNetwork.js";
import {median} from "./subspaceNetwork.js";
import {diagonalData} from "./toyData.js";

/** The three training runs of Figure 2, in drawing order. */
export const diagonalRuns = ["vanilla", "small init", "weight decay"] as const;

/**
 * Spec A1: trains the authors' 2 → m network three ways from the same seed (vanilla: factor 1, lr 0.02, margin stop;
 * small init: factor `factor`, lr `lr_small`; weight decay λ on every parameter for a fixed `decay_steps`), and
 * finds for each point the smallest s ∈ [0, s_max] at which the sign of N(x ± s·e⊥) changes, e⊥ = (1, −1)/√2.
 * Reports the networks' parameters (for the decision-region figure), the flip distances and ‖W·e⊥‖ before and after.
 */
export const diagonal = pipeline({
  id: "adversarial-subspace/diagonal",
  description:
    "Figure 2 replica: 2-D diagonal data, vanilla / small-init / weight-decay networks, flip distances along (1, −1)/√2.",
  source: import.meta.url,
  params: {
    width: integer(100, "hidden width m", {min: 1, max: 2000}),
    lr: real(0.02, "learning rate of the vanilla and weight-decay runs", {min: 1e-6, max: 10}),
    lr_small: real(0.1, "learning rate of the small-initialisation run", {min: 1e-6, max: 10}),
    factor: real(4, "small initialisation: both weight layers divided by this factor", {min: 1, max: 1000}),
    weight_decay: real(0.003, "weight decay λ (all parameters) of the weight-decay run", {min: 0, max: 1}),
    margin: real(0.3, "stop once min y·N exceeds this margin (vanilla and small init)", {min: 0, max: 10}),
    max_steps: integer(40000, "step cap (and the fixed length of the weight-decay run)", {min: 1, max: 1000000}),
    s_max: real(3, "largest flip distance searched", {min: 0.01, max: 100})
  },
  outputs: {
    scalars: {
      "{run}_median_flip": "median flip distance of the five inner points for run vanilla, small (init) or decay",
      "{run}_steps": "gradient steps the run took",
      "{run}_stopped": "1 when the margin rule stopped the run, 0 when the step cap did",
      "{run}_min_margin": "min y_i·N(x_i) of the trained network",
      "{run}_output_bias": "the trained output bias c",
      "{run}_wperp_initial": "‖W·e⊥‖ at initialisation, e⊥ = (1, −1)/√2",
      "{run}_wperp_final": "‖W·e⊥‖ after training",
      "{run}_wperp_change": "|wperp_final − wperp_initial|",
      "{run}_decay_factor": "∏(1 − ηλ) over the steps: the shrinkage weight decay applies to untouched directions",
      small_ratio: "small_median_flip / vanilla_median_flip",
      decay_ratio: "decay_median_flip / vanilla_median_flip",
      decay_law_error: "|decay_wperp_final / (decay_decay_factor · decay_wperp_initial) − 1|"
    },
    tables: {
      flips: {
        description: "one row per run and data point (t, t): the smallest s ≤ s_max flipping the sign along ±e⊥",
        columns: {
          run: "vanilla, small init or weight decay",
          point: "index 0…6 of the point",
          t: "the point's coordinate t",
          y: "its label ±1",
          flip: "flip distance (s_max when it does not flip)",
          side: "+1 when the flip is along +e⊥, −1 along −e⊥",
          flipped: "whether the sign changed within s_max"
        }
      },
      network: {
        description: "the trained networks' hidden units, one row per run and unit",
        columns: {
          run: "the run",
          unit: "unit index",
          w1: "first input weight",
          w2: "second input weight",
          b: "bias",
          u: "outer weight"
        }
      }
    }
  },
  run(params, rng) {
    const data = diagonalData();
    const ePerp = [Math.SQRT1_2, -Math.SQRT1_2];
    const directions = [1, -1].map((sign) =>
      matrix(
        7,
        2,
        Float64Array.from({length: 14}, (_, q) => sign * ePerp[q % 2])
      )
    );
    const configs = {
      vanilla: {factor: 1, learningRate: params.lr, weightDecay: 0, margin: params.margin},
      "small init": {factor: params.factor, learningRate: params.lr_small, weightDecay: 0, margin: params.margin},
      "weight decay": {factor: 1, learningRate: params.lr, weightDecay: params.weight_decay, margin: Infinity}
    };
    const flips: Row[] = [];
    const network: Row[] = [];
    const scalars: Record<string, number> = {};
    const inner: Record<string, number> = {};
    for (const run of diagonalRuns) {
      const config = configs[run];
      const initial = smallInitial(2, params.width, config.factor, rng.fork("init"));
      const trained = trainSmall(initial, data, {width: params.width, maxSteps: params.max_steps, ...config});
      const net = trained.net;
      const [plus, minus] = directions.map((V) => lineFlips(net, data.X, V, params.s_max));
      const distances = Array.from(plus.r, (r, i) => Math.min(r, minus.r[i]));
      distances.forEach((flip, i) =>
        flips.push({
          run,
          point: i,
          t: data.X.data[2 * i],
          y: data.y[i],
          flip,
          side: plus.r[i] <= minus.r[i] ? 1 : -1,
          flipped: plus.flipped[i] || minus.flipped[i]
        })
      );
      for (let j = 0; j < params.width; ++j) {
        network.push({run, unit: j, w1: net.W.data[2 * j], w2: net.W.data[2 * j + 1], b: net.b![j], u: net.u[j]});
      }
      const key = run.replace(" init", "").replace("weight ", "");
      inner[key] = median(distances.slice(1, 6));
      scalars[`${key}_median_flip`] = inner[key];
      scalars[`${key}_steps`] = trained.steps;
      scalars[`${key}_stopped`] = trained.stopped ? 1 : 0;
      scalars[`${key}_min_margin`] = Math.min(...trained.margins);
      scalars[`${key}_output_bias`] = net.c;
      scalars[`${key}_wperp_initial`] = perpNorm(initial);
      scalars[`${key}_wperp_final`] = perpNorm(net);
      scalars[`${key}_wperp_change`] = Math.abs(perpNorm(net) - perpNorm(initial));
      scalars[`${key}_decay_factor`] = trained.decayFactor;
    }
    scalars.small_ratio = inner.small / inner.vanilla;
    scalars.decay_ratio = inner.decay / inner.vanilla;
    scalars.decay_law_error = Math.abs(
      scalars.decay_wperp_final / (scalars.decay_decay_factor * scalars.decay_wperp_initial) - 1
    );
    return {scalars, tables: {flips, network}};
  }
});

// ‖W·e⊥‖, e⊥ = (1, −1)/√2: the first layer's weight orthogonal to the data line.
function perpNorm(net: TwoLayerNetwork): number {
  let s = 0;
  for (let j = 0; j < net.W.rows; ++j) s += ((net.W.data[2 * j] - net.W.data[2 * j + 1]) * Math.SQRT1_2) ** 2;
  return Math.sqrt(s);
}

// A6: a replica of the paper's Figure 3 (spec A.1): the 5×5 checkerboard on the plane z = 0.5 of R³. The plane is
// affine, so the data span R³ and no weight is out of reach of the gradient; what stays fixed is the component
// w_j·e₃ − ½b_j, orthogonal to every augmented input (x, 1).
import type {Row} from "../../src/contract/index.js";
import {matrix} from "../../src/linalg/matrix.js";
import {integer, real} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {lineFlips} from "./flip.js";
import {smallInitial, trainSmall} from "./smallNetwork.js";
import {median} from "./subspaceNetwork.js";
import {checkerboardData} from "./toyData.js";

/** The three training runs of Figure 3, in drawing order. */
export const checkerboardRuns = ["vanilla", "small init", "weight decay"] as const;

/**
 * Spec A6: trains the authors' 3 → m network on the checkerboard three ways from the same draws (vanilla; both
 * weight layers divided by `factor`; weight decay λ on every parameter for `decay_steps` steps) and measures, for
 * each point, the first sign change of N along ±e₃ (orthogonal to the plane), the movement of W·e₃, and the
 * invariant w·e₃ − ½b.
 */
export const checkerboard = pipeline({
  id: "adversarial-subspace/checkerboard",
  description:
    "Figure 3 replica: checkerboard on the affine plane z = 0.5, flip distances along e₃, the movement of W·e₃.",
  source: import.meta.url,
  params: {
    width: integer(400, "hidden width m", {min: 1, max: 4000}),
    lr: real(0.05, "learning rate", {min: 1e-6, max: 10}),
    factor: real(3, "small initialisation: both weight layers divided by this factor", {min: 1, max: 1000}),
    weight_decay: real(0.001, "weight decay λ (all parameters) of the weight-decay run", {min: 0, max: 1}),
    decay_steps: integer(20000, "length of the weight-decay run (no stopping rule)", {min: 1, max: 1000000}),
    margin: real(0.01, "stop once min y·N exceeds this margin (vanilla and small init)", {min: 0, max: 10}),
    max_steps: integer(60000, "step cap of the vanilla and small-init runs", {min: 1, max: 1000000}),
    s_max: real(2, "largest flip distance searched along ±e₃", {min: 0.01, max: 100})
  },
  outputs: {
    scalars: {
      "{run}_median_flip":
        "median over the 25 points of the flip distance along ±e₃, run vanilla, small (init) or decay",
      "{run}_steps": "gradient steps the run took",
      "{run}_stopped": "1 when the margin rule stopped the run, 0 when the step cap did",
      "{run}_min_margin": "min y_i·N(x_i) of the trained network",
      "{run}_e3_change": "‖W·e₃(T) − W·e₃(0)‖/‖W·e₃(0)‖, the relative movement of the e₃ column",
      "{run}_invariant_error": "relative error of w·e₃ − ½b against decay factor × its initial value (0 expected)",
      small_ratio: "small_median_flip / vanilla_median_flip",
      decay_ratio: "decay_median_flip / vanilla_median_flip"
    },
    tables: {
      flips: {
        description: "one row per run and checkerboard point on the plane z = 0.5",
        columns: {
          run: "vanilla, small init or weight decay",
          x: "first coordinate",
          y: "second coordinate",
          label: "class ±1",
          flip: "smallest s ≤ s_max flipping the sign along ±e₃ (s_max if none)",
          flipped: "whether the sign changed within s_max"
        }
      }
    }
  },
  run(params, rng) {
    const data = checkerboardData();
    const directions = [1, -1].map((sign) =>
      matrix(
        25,
        3,
        Float64Array.from({length: 75}, (_, q) => (q % 3 === 2 ? sign : 0))
      )
    );
    const configs = {
      vanilla: {factor: 1, weightDecay: 0, margin: params.margin, maxSteps: params.max_steps},
      "small init": {factor: params.factor, weightDecay: 0, margin: params.margin, maxSteps: params.max_steps},
      "weight decay": {factor: 1, weightDecay: params.weight_decay, margin: Infinity, maxSteps: params.decay_steps}
    };
    const flips: Row[] = [];
    const scalars: Record<string, number> = {};
    for (const run of checkerboardRuns) {
      const config = configs[run];
      const initial = smallInitial(3, params.width, config.factor, rng.fork("init"));
      const trained = trainSmall(initial, data, {width: params.width, learningRate: params.lr, ...config});
      const net = trained.net;
      const [up, down] = directions.map((V) => lineFlips(net, data.X, V, params.s_max));
      const distances = Array.from(up.r, (r, i) => Math.min(r, down.r[i]));
      distances.forEach((flip, p) =>
        flips.push({
          run,
          x: data.X.data[3 * p],
          y: data.X.data[3 * p + 1],
          label: data.y[p],
          flip,
          flipped: up.flipped[p] || down.flipped[p]
        })
      );
      const key = run.replace(" init", "").replace("weight ", "");
      scalars[`${key}_median_flip`] = median(distances);
      scalars[`${key}_steps`] = trained.steps;
      scalars[`${key}_stopped`] = trained.stopped ? 1 : 0;
      scalars[`${key}_min_margin`] = Math.min(...trained.margins);
      scalars[`${key}_e3_change`] = columnChange(initial, net);
      scalars[`${key}_invariant_error`] = invariantError(initial, net, trained.decayFactor);
    }
    scalars.small_ratio = scalars.small_median_flip / scalars.vanilla_median_flip;
    scalars.decay_ratio = scalars.decay_median_flip / scalars.vanilla_median_flip;
    return {scalars, tables: {flips}};
  }
});

// ‖W(T)e₃ − W(0)e₃‖ / ‖W(0)e₃‖.
function columnChange(initial: TwoLayerNetwork, trained: TwoLayerNetwork): number {
  let num = 0;
  let den = 0;
  for (let j = 0; j < initial.W.rows; ++j) {
    num += (trained.W.data[3 * j + 2] - initial.W.data[3 * j + 2]) ** 2;
    den += initial.W.data[3 * j + 2] ** 2;
  }
  return Math.sqrt(num / den);
}

// ‖v(T) − decay·v(0)‖/‖v(0)‖ for v_j = w_j·e₃ − ½b_j, which no gradient reaches ((0, 0, 1, −½) ⟂ every (x, 1)).
function invariantError(initial: TwoLayerNetwork, trained: TwoLayerNetwork, decay: number): number {
  let num = 0;
  let den = 0;
  for (let j = 0; j < initial.W.rows; ++j) {
    const before = initial.W.data[3 * j + 2] - 0.5 * initial.b![j];
    const after = trained.W.data[3 * j + 2] - 0.5 * trained.b![j];
    num += (after - decay * before) ** 2;
    den += before ** 2;
  }
  return Math.sqrt(num / den);
}

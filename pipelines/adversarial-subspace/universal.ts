// A5: one direction orthogonal to the data flips most points: robust accuracy under x − ε·y·ẑ with the universal
// direction ẑ ∝ P⊥Σ_j u_j w_j(0), for β = 1, a small β, weight decay, and a random direction of P⊥ as control.
import type {Row} from "../../src/contract/index.js";
import {integer, real, reals} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {perturbedAccuracy, randomOrthogonalDirection, universalDirection} from "./robustness.js";
import {drawSetting, settingParams, trainSetting} from "./setting.js";
import {embed} from "./subspace.js";
import {fullNetwork} from "./subspaceNetwork.js";

/** The attacked networks and the control, in drawing order. */
export const universalSeries = ["β = 1", "small β", "weight decay", "random direction"] as const;

/**
 * Spec A5: trains the A.4 network at β = 1, at β = beta_small, and at β = 1 with coupled weight decay λ on W (for at
 * most decay_steps steps), and measures the accuracy on fresh test points moved to x − ε·y·ẑ for each ε; the control
 * moves the β = 1 points along a random unit direction of P⊥, with the worse of its two signs.
 */
export const universal = pipeline({
  id: "adversarial-subspace/universal",
  description:
    "Robust accuracy under the universal orthogonal perturbation x − ε·y·ẑ against ε, with a random-direction control.",
  source: import.meta.url,
  params: {
    d: integer(400, "input dimension", {min: 2, max: 4000}),
    beta_small: real(0.1, "the small initial scale", {min: 0.001, max: 10}),
    lambda: real(0.5, "coupled weight decay λ on W of the weight-decay network", {min: 0, max: 10}),
    decay_steps: integer(3000, "step cap of the weight-decay network", {min: 1, max: 100000}),
    n_test: integer(500, "test points of P", {min: 1, max: 10000}),
    epsilons: reals([1, 2, 4, 8, 16, 32, 64], "perturbation sizes ε", {min: 0}),
    epsilon_ref: real(16, "the ε of the claims (0.8‖x‖ at d = 400)", {min: 0}),
    ...settingParams
  },
  outputs: {
    scalars: {
      norm_x: "√d, the typical test-point norm ‖x‖",
      epsilon_ref: "the ε at which the robust accuracies are read",
      clean_unit: "test accuracy (ε = 0) of the β = 1 network",
      clean_small: "test accuracy of the small-β network",
      clean_decay: "test accuracy of the weight-decay network",
      robust_unit: "accuracy of the β = 1 network on x − ε_ref·y·ẑ, ẑ its universal orthogonal direction",
      robust_small: "the same for the small-β network",
      robust_decay: "the same for the weight-decay network",
      robust_random: "accuracy of the β = 1 network moved ε_ref along a random direction of P⊥ (worse sign)",
      random_drop: "clean minus robust accuracy of the random-direction control",
      decay_factor: "(1 − ηλ)^t of the weight-decay network",
      steps_unit: "training steps of the β = 1 network",
      steps_small: "training steps of the small-β network",
      steps_decay: "training steps of the weight-decay network"
    },
    tables: {
      accuracy: {
        description: "accuracy against ε (0, the epsilons and ε_ref) for each series",
        columns: {
          series: "β = 1, small β, weight decay or random direction",
          epsilon: "perturbation size ε",
          accuracy: "fraction of test points still classified correctly"
        }
      }
    }
  },
  run(params, rng) {
    const {d, k, n, width} = params;
    const draw = drawSetting(rng, d, k, n, params.n_test, width);
    const X = embed(draw.test.F, draw.space.U);
    const y = draw.test.y;
    const epsilons = [0, ...params.epsilons.filter((e) => e !== params.epsilon_ref), params.epsilon_ref].sort(
      (a, b) => a - b
    );
    const nets = {
      "β = 1": trainSetting(draw, params, {beta: 1}),
      "small β": trainSetting(draw, params, {beta: params.beta_small}),
      "weight decay": trainSetting(draw, params, {beta: 1, lambda: params.lambda, maxSteps: params.decay_steps})
    };
    const rows: Row[] = [];
    const at: Record<string, number> = {};
    const clean: Record<string, number> = {};
    const record = (series: string, accuracies: number[]) => {
      accuracies.forEach((accuracy, i) => rows.push({series, epsilon: epsilons[i], accuracy}));
      at[series] = accuracies[epsilons.indexOf(params.epsilon_ref)];
      clean[series] = accuracies[0];
    };
    for (const [series, net] of Object.entries(nets)) {
      record(
        series,
        perturbedAccuracy(fullNetwork(net), X, y, universalDirection(net.W0, net.u, draw.space.U), epsilons)
      );
    }
    const reference = fullNetwork(nets["β = 1"]);
    const v = randomOrthogonalDirection(d, draw.space.U, rng.fork("random-direction"));
    const plus = perturbedAccuracy(reference, X, y, v, epsilons, 1);
    const minus = perturbedAccuracy(reference, X, y, v, epsilons, -1);
    record(
      "random direction",
      plus.map((a, i) => Math.min(a, minus[i]))
    );
    return {
      scalars: {
        norm_x: Math.sqrt(d),
        epsilon_ref: params.epsilon_ref,
        clean_unit: clean["β = 1"],
        clean_small: clean["small β"],
        clean_decay: clean["weight decay"],
        robust_unit: at["β = 1"],
        robust_small: at["small β"],
        robust_decay: at["weight decay"],
        robust_random: at["random direction"],
        random_drop: clean["random direction"] - at["random direction"],
        decay_factor: nets["weight decay"].decay,
        steps_unit: nets["β = 1"].steps,
        steps_small: nets["small β"].steps,
        steps_decay: nets["weight decay"].steps
      },
      tables: {accuracy: rows}
    };
  }
});

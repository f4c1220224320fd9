// Declared ranges are honoured: every registered pipeline completes with finite outputs at the minimum and at the
// maximum of each numeric parameter that declares both, the other parameters at the quick-profile point (with the
// companions below where parameters constrain each other or where small sizes keep a large extreme cheap), and
// values outside a range are refused with the range in the message.
import assert from "node:assert/strict";
import {test} from "node:test";
import {assertFinite} from "../../src/contract/dataset.js";
import {parseParam} from "../../src/contract/params.js";
import type {ParamSpec, ParamValue} from "../../src/contract/params.js";
import {createRng} from "../../src/random/rng.js";
import {quickPoints} from "../quickPoints.js";

/**
 * Values of other parameters that an extreme needs, by pipeline and "param@min" or "param@max": what divisibility
 * or ordering between parameters requires, or small companion sizes for an expensive extreme (the parameter under
 * test stays at its extreme).
 */
const companions: Record<string, Record<string, Record<string, ParamValue>>> = {
  "feature-learning/oracles": {"orders@max": {nodes: 201}},
  "feature-learning/spike": {"d@max": {alpha: 0.01, p_ratio: 0.01}},
  "feature-learning/feature-gram": {
    "d@min": {p_ratio: 4, widths: [2, 4, 8]},
    "d@max": {alpha: 0.01, p_ratio: 0.01, n_test: 4, widths: [10, 20, 40], scatter: 0},
    "n_test@max": {d: 8, widths: [4, 8, 16]}
  },
  "feature-learning/target-spectrum": {"d@max": {n: 8}, "n@max": {d: 2}},
  "feature-learning/linear-mode": {"n@max": {d: 2}},
  "feature-learning/radial-quadratic": {"d@max": {n: 8}, "n@max": {d: 2}},
  "feature-learning/degree-amplification": {"features@max": {n: 4, d: 2}},
  "feature-learning/input-space": {
    "d@max": {alpha: 0.01, p_ratio: 0.01, n2: [4, 8], n_test: 4},
    "n_test@max": {d: 4, n2: [4, 8]}
  },
  "group-shuffle/parameter-counts": {
    "n@min": {block: 2, monarch_blocks: 2, monarch_gs_block: 2},
    "monarch_blocks@max": {n: 1 << 20},
    "monarch_gs_block@max": {n: 1 << 20}
  },
  "group-shuffle/permutation": {"diagram_n@min": {diagram_k: [1, 2]}, "diagram_n@max": {diagram_k: [2, 4, 8]}},
  "group-shuffle/finetuning": {
    "width@min": {block: 2},
    "width@max": {train: 16, test: 16, steps: 5},
    "block@max": {width: 512, train: 16, test: 16, steps: 5},
    "train@max": {width: 4, block: 2, steps: 5},
    "test@max": {width: 4, block: 2},
    "steps@max": {width: 4, block: 2, train: 1, test: 1, curve_every: 1000}
  },
  "adversarial-subspace/diagonal": {"width@max": {max_steps: 100}, "max_steps@max": {width: 1}},
  "adversarial-subspace/invariance": {
    "d@min": {k: 1},
    "d@max": {n: 4, width: 2},
    "k@max": {d: 101},
    "steps@max": {n: 4, width: 2},
    "n@max": {width: 2, steps: 10, max_steps: 10},
    "width@max": {n: 4, steps: 10, max_steps: 10}
  },
  "adversarial-subspace/gradient-law": {
    "d@min": {k: 1},
    "k@max": {d: 101},
    "lambda@max": {max_steps: 20},
    "n@max": {max_steps: 10}
  },
  "adversarial-subspace/minimal-flip": {
    "d_ref@min": {k: 1},
    "k@max": {dims: [101], d_ref: 101},
    "n_test@max": {n: 4, max_steps: 10},
    "n@max": {max_steps: 10},
    "width@max": {n: 4, max_steps: 10}
  },
  "adversarial-subspace/universal": {
    "d@min": {k: 1},
    "k@max": {d: 101},
    "decay_steps@max": {n: 4, width: 2},
    "n@max": {width: 2, max_steps: 10, decay_steps: 10},
    "width@max": {n: 4, max_steps: 10, decay_steps: 10}
  },
  ...benignOverfittingCompanions(),
  "adversarial-subspace/checkerboard": {
    "width@max": {max_steps: 100, decay_steps: 100},
    "decay_steps@max": {width: 1, max_steps: 10},
    "max_steps@max": {width: 1, decay_steps: 10}
  }
};

/**
 * The benign-overfitting pipelines share the trial's parameters. Their joint constraints: γ = gamma_n/n < 1 (so n at
 * its minimum takes a small gamma_n, and gamma_n at its maximum a large n) and d = round(d_over_n·n) ≥ 2 (so d_over_n
 * at its minimum takes n ≥ 40). Extremes that slow training down (many points, tiny steps) are paired with few
 * steps, narrow networks and few test points; the parameter under test stays at its extreme.
 */
function benignOverfittingCompanions(): Record<string, Record<string, Record<string, ParamValue>>> {
  const cheap = {width: 2, test_points: 10, max_steps: 200};
  const large = {...cheap, d_over_n: 0.05, n: 2000};
  const few = {max_steps: 2000};
  return {
    "benign-overfitting/train": {
      "n@min": {gamma_n: 0},
      "n@max": {...cheap, d_over_n: 0.05},
      "d_over_n@min": {n: 40, ...few},
      "gamma_n@max": large,
      "lr_scale@min": few
    },
    "benign-overfitting/heatmap-cell": {
      "n@min": {gamma_n: 2},
      "n@max": {...cheap, d_over_n: 0.05},
      "d_over_n@min": {n: 40, ...few},
      "gamma_n@max": large,
      "lr_scale@min": few
    },
    "benign-overfitting/lemma-c1": {
      "n@min": {gamma_n: 0},
      "d@max": {n: 10, test_points: 100}
    },
    "benign-overfitting/gamma-curves": {"d_over_n@min": {n_values: [40, 60], ...few}, "lr_scale@min": few},
    "benign-overfitting/heatmap-column": {
      "d_over_n@min": {n_values: [40, 60], ...few},
      "gamma_n@max": {...cheap, d_over_n: 0.05, n_values: [2000]},
      "lr_scale@min": few
    },
    "benign-overfitting/margin": {
      "base_n@max": {...cheap, d_over_n: 1, n_values: [40], widths: [2]},
      "lr_scale@min": few
    },
    "benign-overfitting/harmful": {
      "n@max": {...cheap, d_over_n: 0.05, max_steps: 20},
      "alpha@min": few,
      "test_points@max": {n: 21, max_steps: 2000},
      "d_over_n@min": {n: 40, ...few},
      "lr_scale@min": few
    }
  };
}

/** Extremes too slow for a routine run, with the reason; they run when ORTHOGONAL_FULL=1. */
const slow: Record<string, string> = {
  "feature-learning/oracles samples@max": "10⁸ Monte Carlo draws per kernel point take about a minute",
  "feature-learning/linear-mode d@max": "a full eigendecomposition of a 4096×4096 matrix takes 15–30 s",
  "feature-learning/input-space d@max": "the d×d input map and kernels at d = 4096 take about a minute",
  "group-shuffle/finetuning block@max": "OFT with 512×512 Cayley blocks costs about 50 s even over 5 steps",
  "group-shuffle/finetuning steps@max": "10⁵ Adam steps of four adapters take about 40 s at width 4",
  "adversarial-subspace/checkerboard max_steps@max": "10⁶ gradient steps (the cap is reached) take about 17 s",
  "adversarial-subspace/checkerboard decay_steps@max": "10⁶ weight-decay steps take about 8 s",
  "adversarial-subspace/diagonal max_steps@max": "10⁶ gradient steps (the cap is reached) take about 7 s",
  "benign-overfitting/harmful test_points@max": "five trials with 10⁵ test points each take about 6 s",
  "benign-overfitting/lemma-c1 test_points@max": "10⁶ Monte Carlo test points take about 5 s",
  "benign-overfitting/train d@max": "training in d = 100,000 takes about 5 s",
  "benign-overfitting/harmful n@max": "five trials at n = 2000 take about 5 s",
  "group-shuffle/frobenius-projection perturbations@max": "10⁴ perturbed projections take about 5 s",
  "adversarial-subspace/checkerboard width@max": "a 4000-unit network takes about 6 s",
  "benign-overfitting/lemma-c1 n@max": "the max-margin dual ascent on 2000 points in d = 4000 takes about a minute",
  "benign-overfitting/margin base_n@max": "the max-margin dual ascent on 2000 points in d = 2000 takes about a minute",
  "benign-overfitting/lemma-c1 gamma_n@max":
    "γ = 1000/n < 1 needs n > 1000 points, and their max-margin ascent minutes",
  "group-shuffle/finetuning width@max": "fine-tuning a 512-wide layer takes about 10 s even over 5 steps",
  "benign-overfitting/margin gamma@max":
    "γ = 0.99 leaves almost no noise, and training to zero hinge loss takes about 8 s",
  "benign-overfitting/gamma-curves gamma@max":
    "γ = 0.99 leaves almost no noise, and training to zero hinge loss takes about 7 s",
  "benign-overfitting/harmful width@max": "five trials of a 1024-unit network take about 8 s",
  "feature-learning/feature-gram n_test@max": "3000 test points against every width take about 7 s",
  "benign-overfitting/heatmap-cell n@max": "a trial at n = 2000 takes about 6 s",
  "benign-overfitting/train n@max": "a trial at n = 2000 takes about 6 s",
  "adversarial-subspace/minimal-flip n_test@max": "bisection on 10,000 test points takes about 6 s",
  "feature-learning/input-space pairs@max": "10⁵ kernel pairs take about 4 s",
  "benign-overfitting/harmful d_over_n@min": "five trials at n = 40 with d/n = 0.05 to the step cap take about 4 s",
  "benign-overfitting/heatmap-column alpha@min": "α = 0.001 slows training to zero hinge loss: 11 trials take about 4 s"
};

const full = process.env.ORTHOGONAL_FULL === "1";

for (const {pipeline, params} of await quickPoints()) {
  const bounded = Object.entries(pipeline.params as Record<string, ParamSpec>).filter(
    (entry): entry is [string, ParamSpec & {min: number; max: number}] =>
      (entry[1].type === "number" || entry[1].type === "integer") &&
      entry[1].min !== undefined &&
      entry[1].max !== undefined
  );
  if (bounded.length === 0) continue;
  test(`${pipeline.id} completes with finite outputs at the min and max of each bounded parameter`, (t) => {
    for (const [name, spec] of bounded) {
      for (const end of ["min", "max"] as const) {
        const at = `${name}@${end}`;
        const reason = slow[`${pipeline.id} ${at}`];
        if (reason && !full) {
          t.diagnostic(`skipped ${at} = ${spec[end]} (set ORTHOGONAL_FULL=1): ${reason}`);
          continue;
        }
        const point = {...params, ...companions[pipeline.id]?.[at], [name]: spec[end]};
        const start = performance.now();
        assert.doesNotThrow(
          () => assertFinite(pipeline.run(point, createRng(0)), `${pipeline.id} at ${at}`),
          `${pipeline.id} at ${name} = ${spec[end]}`
        );
        t.diagnostic(`${at} = ${spec[end]}: ${Math.round(performance.now() - start)} ms`);
      }
    }
  });
}

test("parseParam(spec, text) refuses a value outside the declared range, naming the range", () => {
  const spec: ParamSpec = {type: "integer", default: 400, min: 2, max: 4096, description: "input dimension d"};
  assert.equal(parseParam(spec, "4096"), 4096);
  assert.throws(() => parseParam(spec, "4097"), /expected an integer in \[2, 4096\], got "4097"/);
  assert.throws(() => parseParam(spec, "1"), /in \[2, 4096\]/);
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {assertFinite} from "../../../src/contract/index.js";
import type {Dataset} from "../../../src/contract/index.js";
import {checkParam, defaultParams} from "../../../src/contract/index.js";
import type {ParamValue} from "../../../src/contract/index.js";
import type {Pipeline} from "../../../src/contract/index.js";
import {createRng} from "../../../src/random/rng.js";
import {adversarialSubspace} from "../../../pipelines/adversarial-subspace/index.js";

// Small parameters for each pipeline (checked against the declarations), so that every run takes about a second.
const small: Record<string, Record<string, ParamValue>> = {
  "adversarial-subspace/diagonal": {width: 20, max_steps: 3000},
  "adversarial-subspace/invariance": {d: 40, k: 4, n: 24, width: 16, steps: 200, every: 50, max_steps: 2000},
  "adversarial-subspace/gradient-law": {d: 40, k: 4, n: 24, width: 16, n_test: 20, max_steps: 2000},
  "adversarial-subspace/minimal-flip": {
    dims: [20, 40],
    betas: [1, 0.1],
    d_ref: 40,
    k: 4,
    n: 24,
    width: 16,
    n_test: 12,
    max_steps: 2000
  },
  "adversarial-subspace/universal": {
    d: 40,
    k: 4,
    n: 24,
    width: 16,
    n_test: 40,
    decay_steps: 200,
    epsilons: [1, 4],
    epsilon_ref: 4,
    max_steps: 2000
  },
  "adversarial-subspace/checkerboard": {width: 20, max_steps: 2000, decay_steps: 500}
};

function run(id: string, seed: number): Dataset {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
  const pipeline: Pipeline<any> = adversarialSubspace.pipelines[id];
  const params = {...defaultParams(pipeline.params), ...small[id]};
  for (const [name, value] of Object.entries(params)) checkParam(pipeline.params[name], value);
  const dataset = pipeline.run(params, createRng(seed));
  assertFinite(dataset, id);
  return dataset;
}

test("every adversarial-subspace pipeline is registered with small parameters, deterministic and seed-dependent", () => {
  assert.deepEqual(Object.keys(small).sort(), Object.keys(adversarialSubspace.pipelines).sort());
  for (const id of Object.keys(small)) {
    const first = JSON.stringify(run(id, 3));
    assert.equal(first, JSON.stringify(run(id, 3)), id);
    assert.notEqual(first, JSON.stringify(run(id, 4)), id);
    assert.ok(
      Object.keys(run(id, 3).scalars).every((name) => /^[a-z0-9_]+$/.test(name)),
      id
    );
  }
});

test("the small runs satisfy the exact laws: invariance, decay, span training, the orthogonal weights of Figures 2 and 3", () => {
  const invariance = run("adversarial-subspace/invariance", 1).scalars;
  assert.ok(invariance.invariance_error < 1e-12);
  assert.ok(invariance.decay_law_error < 1e-12);
  assert.ok(invariance.span_error_free < 1e-12 && invariance.span_error_decay < 1e-12);
  assert.equal(invariance.free_steps, invariance.free_steps_span);
  const diagonal = run("adversarial-subspace/diagonal", 1).scalars;
  assert.ok(diagonal.vanilla_wperp_change < 1e-12 && diagonal.small_wperp_change < 1e-12);
  assert.ok(diagonal.decay_law_error < 1e-12);
  const checkerboard = run("adversarial-subspace/checkerboard", 1).scalars;
  for (const key of ["vanilla", "small", "decay"]) assert.ok(checkerboard[`${key}_invariant_error`] < 1e-12, key);
  assert.ok(checkerboard.vanilla_e3_change > 0);
  const flips = run("adversarial-subspace/minimal-flip", 1).scalars;
  assert.ok(flips.projected_over_line_max <= 1 + 1e-12);
  assert.ok(flips.ratio_min > 0.5);
});

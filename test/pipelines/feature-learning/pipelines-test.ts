// Every feature-learning pipeline at small parameters: finite output, and the same seed gives identical JSON.
import assert from "node:assert/strict";
import {test} from "node:test";
import {featureLearning} from "../../../pipelines/feature-learning/index.js";
import {assertFinite} from "../../../src/contract/dataset.js";
import {defaultParams} from "../../../src/contract/params.js";
import type {ParamValue} from "../../../src/contract/params.js";
import {createRng} from "../../../src/random/rng.js";

const small: Record<string, Record<string, ParamValue>> = {
  "feature-learning/spike": {d: 60, alpha: 2, bins: 20},
  "feature-learning/feature-gram": {d: 40, n_test: 80, widths: [20, 40, 80, 160], scatter: 20},
  "feature-learning/target-spectrum": {d: 40, n: 200, r: 0.5},
  "feature-learning/sector-reference": {r: 0.5},
  "feature-learning/linear-mode": {d: 40, n: 200, r: 0.5},
  "feature-learning/radial-quadratic": {d: 40, n: 200, r: 1, points: 20},
  "feature-learning/degree-amplification": {activation: "tanh", r: 1, d: 20, n: 60, features: 300},
  "feature-learning/input-space": {d: 20, n2: [20, 40, 80], n_test: 40, p_ratio: 4}
};

test("featureLearning registers one pipeline per id, each with small test parameters", () => {
  assert.deepEqual(Object.keys(featureLearning.pipelines).sort(), Object.keys(small).sort());
  for (const [id, pipeline] of Object.entries(featureLearning.pipelines)) assert.equal(pipeline.id, id);
});

for (const [id, params] of Object.entries(small)) {
  test(`${id}: finite output, identical JSON for the same seed, different for another`, () => {
    const pipeline = featureLearning.pipelines[id];
    const values = {...defaultParams(pipeline.params), ...params};
    const a = pipeline.run(values, createRng(7));
    const b = pipeline.run(values, createRng(7));
    assertFinite(a, id);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    if (id !== "feature-learning/sector-reference") {
      assert.notEqual(JSON.stringify(pipeline.run(values, createRng(8))), JSON.stringify(a));
    }
  });
}

test("spike: at d = 400, α = 2, η̃ = 1 the slope, bulk and alignment match the formulas (one seed)", () => {
  const pipeline = featureLearning.pipelines["feature-learning/spike"];
  const {scalars} = pipeline.run({...defaultParams(pipeline.params), d: 400, alpha: 2}, createRng(1));
  assert.ok(Math.abs(scalars.slope_ratio - 1) < 0.02);
  assert.ok(Math.abs(scalars.bulk_s0 / scalars.s0_theory - 1) < 0.05);
  assert.ok(scalars.cos_top > 0.99);
});

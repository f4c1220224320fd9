import assert from "node:assert/strict";
import {test} from "node:test";
import {assertFinite} from "../../../src/contract/index.js";
import type {Dataset} from "../../../src/contract/index.js";
import {checkParam, defaultParams} from "../../../src/contract/index.js";
import type {ParamValue} from "../../../src/contract/index.js";
import type {Pipeline} from "../../../src/contract/index.js";
import {createRng} from "../../../src/random/rng.js";
import {gammaCurves} from "../../../pipelines/benign-overfitting/gammaCurves.js";
import {harmful} from "../../../pipelines/benign-overfitting/harmful.js";
import {heatmapCell, heatmapColumnMean} from "../../../pipelines/benign-overfitting/heatmap.js";
import {lemmaC1} from "../../../pipelines/benign-overfitting/lemmaC1.js";
import {marginMaximisation} from "../../../pipelines/benign-overfitting/margin.js";
import {train} from "../../../pipelines/benign-overfitting/train.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
function run(pipeline: Pipeline<any>, overrides: Record<string, ParamValue>, seed: number): Dataset {
  const params = {...defaultParams(pipeline.params), ...overrides};
  for (const [name, value] of Object.entries(params)) checkParam(pipeline.params[name], value);
  const dataset = pipeline.run(params, createRng(seed));
  assertFinite(dataset, pipeline.id);
  return dataset;
}

const small = {test_points: 100};

test("every benign-overfitting pipeline is byte-identical on two runs with the same seed", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
  const cases: [Pipeline<any>, Record<string, ParamValue>][] = [
    [train, {...small, n: 20, d: 50, gamma: 0.1}],
    [gammaCurves, {...small, n_values: [16, 24], gamma: 0.05}],
    [heatmapCell, {...small, n: 20, d_over_n: 2}],
    [lemmaC1, {n: 20, gamma: 0.05, test_points: 200}],
    [marginMaximisation, {n_values: [16], widths: [8], base_n: 16, base_width: 8}],
    [harmful, {...small, n: 30}]
  ];
  for (const [pipeline, params] of cases) {
    assert.equal(JSON.stringify(run(pipeline, params, 3)), JSON.stringify(run(pipeline, params, 3)), pipeline.id);
  }
});

test("a heatmap column's cells equal the heatmap-cell runs at the same seed, and a γ curve's point equals train", () => {
  const column = run(heatmapColumnMean, {...small, n_values: [16, 24], d_over_n: 2}, 4);
  for (const n of [16, 24]) {
    const cell = run(heatmapCell, {...small, n, d_over_n: 2}, 4);
    assert.equal(column.scalars[`test_error_err_n${n}`], cell.scalars.test_error_err);
  }
  const curve = run(gammaCurves, {...small, n_values: [20], gamma: 0.05}, 5);
  const single = run(train, {...small, n: 20, d: 40, gamma: 0.05}, 5);
  assert.equal(curve.scalars.test_error_err_n20, single.scalars.test_error_err);
  assert.equal(curve.scalars.test_error_loss_n20, single.scalars.test_error_loss);
});

test("train: zero training error at S_err, zero hinge loss at S_loss, and every flipped label fitted", () => {
  const {scalars} = run(train, {...small, n: 30, d: 90, gamma: 0.1}, 6);
  assert.equal(scalars.train_error_err, 0);
  assert.equal(scalars.train_error_loss, 0);
  assert.ok(scalars.min_margin_err > 0 && scalars.min_margin_loss >= 1);
  assert.equal(scalars.noisy_fitted_err, 1);
  assert.ok(scalars.steps_loss >= scalars.steps_err);
});

test("configuration: d from d_over_n and γ from gamma_n unless given directly", () => {
  const {scalars} = run(train, {...small, n: 20, d: 0, d_over_n: 3, gamma: 0.3, gamma_n: 4}, 7);
  assert.equal(scalars.d, 60);
  assert.equal(scalars.gamma, 0.2);
});

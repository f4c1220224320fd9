// Declared outputs: outputDrift names every difference between a declaration and a dataset, and every registered
// pipeline returns, at its quick-profile point, exactly the scalars, tables and columns it declares.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Dataset} from "../../src/contract/dataset.js";
import {outputDrift} from "../../src/contract/outputs.js";
import type {Outputs} from "../../src/contract/outputs.js";
import {createRng} from "../../src/random/rng.js";
import {quickPoints} from "../quickPoints.js";

const declared: Outputs = {
  scalars: {mean: "sample mean", "lambda_deg_{k}": "one per degree", extra: {description: "optional", when: "x > 0"}},
  tables: {
    draws: {description: "draws", columns: {i: "index", value: "draw"}},
    histogram: {description: "histogram", columns: {x: "centre"}, when: "bins > 0"}
  }
};

test("outputDrift(outputs, dataset) is empty when names, placeholders and optional outputs agree", () => {
  const dataset: Dataset = {
    scalars: {mean: 0, lambda_deg_0: 1, lambda_deg_1: 2},
    tables: {draws: [{i: 0, value: 1}, {i: 1}], histogram: []}
  };
  assert.deepEqual(outputDrift(declared, dataset), []);
});

test("outputDrift(outputs, dataset) names undeclared and missing scalars, tables and columns", () => {
  const dataset: Dataset = {scalars: {mean: 0, lambda_0: 1}, tables: {draws: [{i: 0, weight: 1}], other: []}};
  assert.deepEqual(
    outputDrift(declared, dataset).sort(),
    [
      "column of table draws value is declared but not returned",
      "column of table draws weight is returned but not declared",
      "scalar lambda_0 is returned but not declared",
      "scalar lambda_deg_{k} is declared but not returned",
      "table other is returned but not declared"
    ].sort()
  );
});

test("every registered pipeline returns exactly its declared outputs at its quick-profile point", async () => {
  const drift: string[] = [];
  for (const {pipeline, params} of await quickPoints()) {
    const dataset = pipeline.run(params, createRng(0));
    drift.push(...outputDrift(pipeline.outputs, dataset).map((line) => `${pipeline.id}: ${line}`));
  }
  assert.deepEqual(drift, []);
});

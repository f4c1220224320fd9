// The results store against in-memory effects: assembling points and seeds, summaries over seeds, paths, hashes.
import assert from "node:assert/strict";
import {test} from "node:test";
import {MemoryEffects} from "../../src/build/effects.js";
import {planExperiment} from "../../src/build/plan.js";
import {assemble, claimsPath, resultHash, resultPath, ResultsStore, summarizeScalars} from "../../src/build/results.js";
import type {ClaimResult, Dataset, Experiment} from "../../src/contract/index.js";

const experiment = {
  id: "demo-mean",
  paper: "demo",
  pipeline: "demo/gaussian-mean",
  params: {n: 10},
  seeds: [0, 1, 2],
  sweep: [{name: "n", values: [10, 20]}]
} as unknown as Experiment;

const dataset = (x: number): Dataset => ({scalars: {x}, tables: {rows: [{x}]}});

test("assemble(experiment, points, datasets) keeps every run and summarises each scalar over seeds in seed order", () => {
  const points = planExperiment(experiment, "h");
  const result = assemble(experiment, points, [[1, 2, 3].map(dataset), [4, 4, 4].map(dataset)]);
  assert.deepEqual(result.sweep, ["n"]);
  assert.deepEqual(
    result.points.map((p) => p.params.n),
    [10, 20]
  );
  assert.deepEqual(
    result.points[0].runs.map((r) => r.seed),
    [0, 1, 2]
  );
  assert.deepEqual(result.points[0].summary.x, {mean: 2, sd: 1, min: 1, max: 3, n: 3});
  assert.deepEqual(result.points[1].summary.x, {mean: 4, sd: 0, min: 4, max: 4, n: 3});
});

test("assemble names the experiment when a replicate lacks a scalar", () => {
  const points = planExperiment({...experiment, sweep: []}, "h");
  const missing: Dataset = {scalars: {}, tables: {}};
  assert.throws(
    () => assemble(experiment, points, [[dataset(1), missing, dataset(2)]]),
    /experiment demo-mean: scalar x is missing from replicate 1/
  );
  assert.throws(() => summarizeScalars([dataset(1), dataset(NaN)]), /non-finite value NaN/);
});

test("ResultsStore writes results and claims under figures/<paper>/data/ and reads them back", () => {
  const effects = new MemoryEffects();
  const store = new ResultsStore("/out", effects);
  const result = assemble(experiment, planExperiment({...experiment, sweep: []}, "h"), [[1, 2, 3].map(dataset)]);
  assert.equal(store.read(experiment), undefined);
  assert.equal(store.write(experiment, result), true);
  assert.equal(store.write(experiment, result), false, "unchanged results are not rewritten");
  assert.equal(resultPath("/out", experiment), "/out/figures/demo/data/demo-mean.json");
  assert.deepEqual(store.read(experiment), result);
  assert.equal(resultHash(result), resultHash(store.read(experiment)!));
  const claims: ClaimResult[] = [{experiment: "demo-mean", claim: "x < 3", passed: true, checks: []}];
  store.writeClaims(experiment, claims);
  assert.deepEqual(store.readClaims(experiment), claims);
  assert.deepEqual(effects.written, [resultPath("/out", experiment), claimsPath("/out", experiment)]);
});

// The runner in-process: a task's dataset as JSON, the same for the same seed, and errors naming the output.
import assert from "node:assert/strict";
import {test} from "node:test";
import {inProcessRunner, runTask} from "../../src/build/runner.js";
import {registry} from "./registry.js";

const task = {experiment: "demo-mean", pipeline: "demo/gaussian-mean", params: {n: 50, mu: 1, poison: false}, seed: 4};

test("runTask(registry, task) returns the dataset JSON, identical for the same seed and different for another", () => {
  const json = runTask(registry, task);
  const dataset = JSON.parse(json) as {scalars: Record<string, number>};
  assert.equal(dataset.scalars.theory_mean, 1);
  assert.ok(Math.abs(dataset.scalars.mean - 1) < 0.6);
  assert.equal(runTask(registry, task), json);
  assert.notEqual(runTask(registry, {...task, seed: 5}), json);
});

test("runTask(registry, task) names a non-finite output, an unknown pipeline, and passes a pipeline's error on", () => {
  assert.throws(
    () => runTask(registry, {...task, params: {...task.params, poison: true}}),
    /pipeline demo\/gaussian-mean \(seed 4\): output scalars\.mean is NaN/
  );
  assert.throws(() => runTask(registry, {...task, pipeline: "demo/nope"}), /unknown pipeline demo\/nope/);
  assert.throws(() => runTask(registry, {...task, pipeline: "demo/broken", params: {}}), /out of cheese/);
});

test("inProcessRunner(registry).run(task) resolves with the JSON and a duration", async () => {
  const runner = inProcessRunner(registry);
  const {json, ms} = await runner.run(task);
  assert.equal(json, runTask(registry, task));
  assert.ok(ms >= 0);
  await assert.rejects(runner.run({...task, pipeline: "demo/broken", params: {}}), /out of cheese/);
  await runner.close();
});

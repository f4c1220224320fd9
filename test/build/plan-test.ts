// The planner: sweep points in declaration order, one task per seed, cache keys and labels; --only patterns.
import assert from "node:assert/strict";
import {test} from "node:test";
import {cacheKey} from "../../src/build/cache.js";
import {matchesPattern, planExperiment} from "../../src/build/plan.js";
import type {Experiment} from "../../src/contract/index.js";

const experiment: Experiment = {
  id: "demo-mean",
  title: "Mean",
  path: "content/demo/mean.md",
  paper: "demo",
  pipeline: "demo/gaussian-mean",
  params: {n: 100, mu: 0, scale: 1},
  seeds: [0, 1],
  sweep: [
    {name: "mu", values: [0, 1.5]},
    {name: "scale", values: [1, 2, 3]}
  ],
  claims: [],
  numbers: [],
  figures: [],
  tables: [],
  body: "",
  bodyLine: 1
};

test("planExperiment(experiment, hash) takes the sweep's product, first parameter slowest, one task per seed", () => {
  const points = planExperiment(experiment, "h");
  assert.deepEqual(
    points.map((p) => [p.params.mu, p.params.scale]),
    [
      [0, 1],
      [0, 2],
      [0, 3],
      [1.5, 1],
      [1.5, 2],
      [1.5, 3]
    ]
  );
  for (const point of points) {
    assert.deepEqual(
      point.tasks.map((t) => t.seed),
      [0, 1]
    );
    for (const task of point.tasks) {
      assert.equal(task.params.n, 100);
      assert.equal(
        task.key,
        cacheKey({pipeline: experiment.pipeline, sourceHash: "h", params: point.params, seed: task.seed})
      );
    }
  }
  assert.equal(points[4].tasks[1].label, "demo-mean mu=1.5 scale=2 seed 1");
  assert.equal(new Set(points.flatMap((p) => p.tasks.map((t) => t.key))).size, 12);
});

test("planExperiment(experiment, hash) without a sweep gives one point; the source hash is in every key", () => {
  const single = {...experiment, sweep: [], seeds: [7]};
  const [point, ...rest] = planExperiment(single, "h");
  assert.equal(rest.length, 0);
  assert.equal(point.tasks[0].label, "demo-mean");
  assert.notEqual(planExperiment(single, "other")[0].tasks[0].key, point.tasks[0].key);
});

test("matchesPattern(id, pattern) takes comma-separated substrings and * globs", () => {
  assert.ok(matchesPattern("fl-spike", "spike"));
  assert.ok(matchesPattern("fl-spike", "gs-*,fl-*"));
  assert.ok(!matchesPattern("fl-spike", "gs"));
  assert.ok(matchesPattern("fl-spike", "fl-s*"));
  assert.ok(!matchesPattern("gs-speed", "fl-*"));
});

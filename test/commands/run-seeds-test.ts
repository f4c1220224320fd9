// `orthogonal run EXPERIMENT --seeds N`: one point over several seeds, through the build's cache.
import assert from "node:assert/strict";
import {test} from "node:test";
import {copyProject, orthogonal} from "../fixture.js";

interface SeedsOutput {
  experiment: string;
  params: Record<string, unknown>;
  seeds: number[];
  runs: {seed: number; dataset: {scalars: Record<string, number>}}[];
  summary: Record<string, {mean: number; sd: number; n: number}>;
  claims: {claim: string; passed: boolean; notApplicable?: string}[];
  timing: {cached: number; computed: number};
}

test("run --seeds 3 --json summarizes three runs; a second invocation takes every seed from the cache", () => {
  const root = copyProject("basic");
  const args = ["run", "demo-mean", "--seeds", "3", "--set", "mu=0", "--set", "n=200", "--json"];
  const first = orthogonal(root, ...args);
  assert.equal(first.status, 0, first.stderr);
  const out = JSON.parse(first.stdout) as SeedsOutput;
  assert.deepEqual(out.seeds, [0, 1, 2]);
  assert.deepEqual(
    out.runs.map((r) => r.seed),
    [0, 1, 2]
  );
  assert.equal(out.params.n, 200);
  const means = out.runs.map((r) => r.dataset.scalars.mean);
  assert.ok(Math.abs(out.summary.mean.mean - (means[0] + means[1] + means[2]) / 3) < 1e-12);
  assert.equal(out.summary.mean.n, 3);
  assert.equal(out.timing.computed, 3);
  assert.ok(out.claims.some((c) => c.claim === "abs(mean) < 0.2"));

  const second = orthogonal(root, ...args);
  assert.equal(second.status, 0, second.stderr);
  const again = JSON.parse(second.stdout) as SeedsOutput;
  assert.deepEqual(again.timing, {...again.timing, cached: 3, computed: 0});
  assert.deepEqual(again.summary, out.summary);
  assert.match(second.stderr, /3 seeds in .*\(3 cached, 0 computed\)/);

  const text = orthogonal(root, "run", "demo-mean", "--seeds", "0,1,2", "--set", "mu=0", "--set", "n=200");
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^mean\s+-?[\d.e-]+\s+[\d.e-]+\s+[\d.e-]+/m);
  assert.match(text.stdout, /3 seeds in .*\(3 cached, 0 computed\)/);
});

test("run --seeds with one seed marks sd claims not applicable; a failing claim exits 5", () => {
  const root = copyProject("basic");
  const one = orthogonal(root, "run", "demo-mean", "--seeds", "1", "--set", "n=200", "--json");
  const out = JSON.parse(one.stdout) as SeedsOutput;
  assert.equal(one.status, out.claims.every((c) => c.passed) ? 0 : 5, one.stderr);
  assert.ok(out.claims.find((c) => c.claim.includes("sd(mean)"))?.notApplicable);
  const failing = orthogonal(root, "run", "demo-other", "--seeds", "2", "--set", "mu=5", "--set", "n=200");
  assert.equal(failing.status, 5);
  assert.match(failing.stdout, /^✗ /m);
});

// `orthogonal list --json` and `orthogonal check --json`: what the content declares and the claim results, as JSON.
import assert from "node:assert/strict";
import {test} from "node:test";
import {copyProject, orthogonal} from "../fixture.js";

const root = copyProject("basic");

test("list --json names every experiment with its pipeline, resolved parameters, seeds and sweep", () => {
  const {status, stdout} = orthogonal(root, "list", "--json", "--profile", "quick");
  assert.equal(status, 0);
  const out = JSON.parse(stdout) as {
    papers: {
      slug: string;
      experiments: {
        id: string;
        pipeline: string;
        params: Record<string, unknown>;
        seeds: number[];
        sweep: {name: string}[];
      }[];
    }[];
  };
  const experiments = out.papers.flatMap((p) => p.experiments);
  assert.deepEqual(experiments.map((e) => e.id).sort(), ["demo-mean", "demo-other"]);
  const mean = experiments.find((e) => e.id === "demo-mean")!;
  assert.equal(mean.pipeline, "demo/gaussian-mean");
  assert.equal(mean.params.n, 500);
  assert.equal(mean.seeds.length, 2);
  assert.deepEqual(
    mean.sweep.map((s) => s.name),
    ["mu"]
  );
});

test("check --json prints every claim's result", () => {
  const {status, stdout} = orthogonal(root, "check", "--json", "--profile", "quick", "--jobs", "2");
  const out = JSON.parse(stdout) as {claims: {experiment: string; passed: boolean}[]; failed: number};
  assert.equal(status, out.failed > 0 ? 5 : 0);
  assert.equal(out.claims.length, 5);
  assert.ok(out.claims.every((c) => c.experiment.startsWith("demo-")));
});

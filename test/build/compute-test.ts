// The build's stages in-process against in-memory effects: compute (cache hits, misses and failures), check claims,
// and a whole build of the test project whose every file is read and written in memory.
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {build, cachedRun, checkClaims, compute} from "../../src/build/build.js";
import {DatasetCache} from "../../src/build/cache.js";
import {parseClaim} from "../../src/build/claims.js";
import {MemoryEffects} from "../../src/build/effects.js";
import {planExperiment} from "../../src/build/plan.js";
import {ResultsStore} from "../../src/build/results.js";
import {inProcessRunner} from "../../src/build/runner.js";
import type {TaskRunner} from "../../src/build/runner.js";
import type {Experiment} from "../../src/contract/index.js";
import {registry} from "./registry.js";

const experiment = {
  id: "demo-mean",
  paper: "demo",
  pipeline: "demo/gaussian-mean",
  params: {n: 40, mu: 0, poison: false},
  seeds: [0, 1],
  sweep: [{name: "mu", values: [0, 2]}],
  claims: [parseClaim("mean within 1 of theory_mean"), parseClaim("mean < 1", {where: "mu < 1"})]
} as unknown as Experiment;
const failing = {
  ...experiment,
  id: "demo-broken",
  pipeline: "demo/broken",
  params: {},
  sweep: [],
  claims: []
} as unknown as Experiment;

/** The in-process runner, counting the tasks it runs. */
function countingRunner(): TaskRunner & {runs: number} {
  const inner = inProcessRunner(registry);
  return {
    runs: 0,
    run(task) {
      ++this.runs;
      return inner.run(task);
    },
    close: inner.close
  };
}

function context(effects: MemoryEffects, runner: TaskRunner) {
  return {cache: new DatasetCache("/p/.cache/datasets", effects), store: new ResultsStore("/p", effects), runner};
}

test("compute runs what the cache lacks, stores results, and takes everything from the cache the second time", async () => {
  const effects = new MemoryEffects();
  const runner = countingRunner();
  const plans = new Map([[experiment.id, planExperiment(experiment, "h")]]);
  const first = await compute([experiment], plans, context(effects, runner));
  assert.deepEqual([first.computed, first.cached, first.failures.length, runner.runs], [4, 0, 0, 4]);
  assert.deepEqual(
    first.slowest.map((s) => s.label),
    ["demo-mean"]
  );
  const stored = new ResultsStore("/p", effects).read(experiment);
  assert.deepEqual(stored, first.results.get(experiment.id));
  const second = await compute([experiment], plans, context(effects, runner));
  assert.deepEqual([second.computed, second.cached, runner.runs], [0, 4, 4]);
  assert.deepEqual(second.results, first.results);
  const forced = await compute([experiment], plans, {...context(effects, runner), force: true});
  assert.deepEqual([forced.computed, runner.runs], [4, 8]);
  assert.deepEqual(forced.results, first.results);
});

test("compute reports a failing experiment and still computes the others", async () => {
  const effects = new MemoryEffects();
  const plans = new Map([
    [experiment.id, planExperiment(experiment, "h")],
    [failing.id, planExperiment(failing, "h")]
  ]);
  const report = await compute([experiment, failing], plans, context(effects, inProcessRunner(registry)));
  assert.deepEqual(report.failures, [{experiment: "demo-broken", message: "out of cheese (at seed 0)"}]);
  assert.deepEqual([...report.results.keys()], ["demo-mean"]);
});

test("cachedRun(task) does not store a failed run", async () => {
  const effects = new MemoryEffects();
  const [point] = planExperiment(failing, "h");
  await assert.rejects(cachedRun(point.tasks[0], context(effects, inProcessRunner(registry))), /out of cheese/);
  assert.equal(effects.files.size, 0);
});

test("checkClaims evaluates each claim at the points its filter selects and stores them beside the results", async () => {
  const effects = new MemoryEffects();
  const plans = new Map([[experiment.id, planExperiment(experiment, "h")]]);
  const {results} = await compute([experiment], plans, context(effects, inProcessRunner(registry)));
  const claims = checkClaims([experiment], results, new ResultsStore("/p", effects));
  assert.deepEqual(
    claims.map((c) => [c.claim, c.passed, c.checks.length]),
    [
      ["mean within 1 of theory_mean", true, 2],
      ["mean < 1", true, 1]
    ]
  );
  assert.deepEqual(new ResultsStore("/p", effects).readClaims(experiment), JSON.parse(JSON.stringify(claims)));
});

test("build(options, effects) of the test project reads content and writes every output through effects", async () => {
  const root = fileURLToPath(new URL("../input/build/basic", import.meta.url));
  const effects = new MemoryEffects(projectFiles(root));
  const report = await build({root, profile: "paper", publish: false, runner: inProcessRunner}, effects);
  assert.deepEqual([report.computed, report.cached, report.failures.length], [12, 0, 0]);
  assert.ok(report.claims.length > 0 && report.claims.every((c) => c.passed));
  const written = effects.written.map((path) =>
    path
      .slice(root.length + 1)
      .replace(/[0-9a-f]{64}/, "KEY")
      .replace(/\/[0-9a-f]{2}\//, "/XX/")
  );
  assert.ok(written.includes("figures/demo/data/demo-mean.json"));
  assert.ok(written.includes("figures/demo/data/demo-mean.claims.json"));
  assert.ok(written.includes(".cache/datasets/XX/KEY.json"));
  const provenance = JSON.parse(effects.text(join(root, "figures/provenance.json"))!);
  assert.equal(provenance.builtAt, "2026-01-01T00:00:00.000Z");
  assert.equal(provenance.computed, 12);
  const again = await build({root, profile: "paper", publish: false, runner: inProcessRunner}, effects);
  assert.deepEqual([again.computed, again.cached], [0, 12]);
});

function projectFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(root, "content"), {recursive: true, encoding: "utf8"})) {
    const path = join(root, "content", name);
    if (name.endsWith(".md")) files[path] = readFileSync(path, "utf8");
  }
  return files;
}

test("compute names the sweep point and seed of a failing task", async () => {
  const poisoned = {...experiment, id: "demo-poison", sweep: [{name: "poison", values: [false, true]}]} as Experiment;
  const plans = new Map([[poisoned.id, planExperiment(poisoned, "h")]]);
  const report = await compute([poisoned], plans, context(new MemoryEffects(), inProcessRunner(registry)));
  assert.match(report.failures[0].message, /\(at poison=true seed 0\)$/);
});

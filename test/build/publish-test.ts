// The publishing stage in-process against in-memory effects: files that do not match the manifest are rendered again,
// the renderer packages' versions and --force reach the render key, outputs the build no longer produces are removed
// (and nothing else), and a damaged manifest is named and rebuilt.
import assert from "node:assert/strict";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {build} from "../../src/build/build.js";
import type {BuildReport} from "../../src/build/build.js";
import {MemoryEffects} from "../../src/build/effects.js";
import {rendererVersions} from "../../src/build/outputs.js";
import {packageRoot} from "../../src/build/project.js";
import {publish} from "../../src/build/publish.js";
import {inProcessRunner} from "../../src/build/runner.js";
import {SourceGraph} from "../../src/build/sourceGraph.js";
import {CliError, ExitCode} from "../../src/contract/index.js";
import type {PlotModule, Registry} from "../../src/contract/index.js";
import {contentFiles} from "../fixture.js";
import {registry} from "../input/build/website/pipelines/index.js";

const root = fileURLToPath(new URL("../input/build/website", import.meta.url));

async function built(effects = new MemoryEffects(contentFiles(root)), options: {force?: boolean} = {}) {
  const report = await build({root, profile: "paper", runner: inProcessRunner, ...options}, effects);
  assert.deepEqual(report.failures, []);
  return {effects, report};
}

/** The website registry, counting the figures its plot modules draw. */
function countingRegistry(): Registry & {count: number} {
  const plots: Record<string, PlotModule> = {};
  const counting = {...registry, plots, count: 0};
  for (const [id, module] of Object.entries(registry.plots)) {
    plots[id] = {source: module.source, plot: (...args) => (++counting.count, module.plot(...args))};
  }
  return counting;
}

function republish(
  report: BuildReport,
  effects: MemoryEffects,
  options: {force?: boolean; versions?: Record<string, string>}
) {
  const counting = countingRegistry();
  const context = {
    root,
    out: root,
    content: report.content,
    results: report.results,
    claims: report.claims,
    numbers: []
  };
  return publish({...context, registry: counting, graph: new SourceGraph(root, packageRoot), ...options}, effects).then(
    () => counting.count
  );
}

test("publish renders again a file that does not match the manifest (an interrupted render), even with the same key", async () => {
  const {effects} = await built();
  const csv = join(root, "figures/alpha/alpha-values.csv");
  const svg = join(root, "figures/alpha/alpha-bulk.svg");
  const good = [effects.text(csv), effects.text(svg)];
  // Ctrl-C while rendering another profile: new files written, manifest not yet.
  effects.write(csv, "gamma,lambda\n0.5,1.0\n");
  effects.write(svg, "<svg></svg>");
  const again = await built(effects);
  assert.deepEqual([effects.text(csv), effects.text(svg)], good);
  assert.ok(again.report.published.includes("figures/alpha/alpha-values.csv"));
  const manifest = JSON.parse(effects.text(join(root, "figures/manifest.json"))!);
  assert.match(manifest["alpha-values"].hashes["figures/alpha/alpha-values.csv"], /^[0-9a-f]{64}$/);
});

test("publish renders every figure again when a renderer package changes version, and with force", async () => {
  const {effects, report} = await built();
  const figures = report.content.experiments.flatMap((e) => e.figures).length;
  assert.equal(await republish(report, effects, {}), 0);
  const versions = {...rendererVersions(), "@observablehq/plot": "0.0.0-test"};
  assert.equal(await republish(report, effects, {versions}), figures);
  assert.equal(await republish(report, effects, {versions}), 0);
  assert.equal(await republish(report, effects, {versions, force: true}), figures);
});

test("publish removes the outputs of a renamed figure and keeps files the build did not write", async () => {
  const {effects} = await built();
  const user = join(root, "figures/alpha/notes.txt");
  effects.write(user, "my notes");
  assert.ok(effects.exists(join(root, "figures/alpha/alpha-bulk.pdf")));
  for (const file of ["spike.md", "index.md"]
    .map((name) => join(root, "content/alpha", name))
    .concat(join(root, "content/beta/index.md")))
    effects.write(file, effects.text(file)!.replace(/alpha-bulk\b/g, "alpha-bulk-renamed"));
  await built(effects);
  for (const ext of ["svg", "png", "pdf"]) {
    assert.ok(!effects.exists(join(root, `figures/alpha/alpha-bulk.${ext}`)), `alpha-bulk.${ext} left behind`);
    assert.ok(effects.exists(join(root, `figures/alpha/alpha-bulk-renamed.${ext}`)));
  }
  assert.equal(effects.text(user), "my notes");
  // A renamed experiment: its data and claims go too.
  const one = join(root, "content/beta/one.md");
  effects.write(one, effects.text(one)!.replace("id: beta-one", "id: beta-first"));
  await built(effects);
  assert.ok(!effects.exists(join(root, "figures/beta/data/beta-one.json")));
  assert.ok(!effects.exists(join(root, "figures/beta/data/beta-one.claims.json")));
  assert.ok(effects.exists(join(root, "figures/beta/data/beta-first.json")));
});

test("a truncated manifest is named and every figure and table is rendered again", async () => {
  const {effects} = await built();
  const path = join(root, "figures/manifest.json");
  effects.write(path, effects.text(path)!.slice(0, 100));
  await built(effects);
  assert.ok(
    effects.lines.some((line) => line.includes(path) && line.includes("damaged")),
    effects.lines.join("\n")
  );
  assert.doesNotThrow(() => JSON.parse(effects.text(path)!));
});

test("a truncated results file is named and its experiment computed again, even outside --only", async () => {
  const {effects} = await built();
  const path = join(root, "figures/beta/data/beta-one.json");
  const good = effects.text(path)!;
  effects.write(path, good.slice(0, 100));
  const report = await build({root, profile: "paper", runner: inProcessRunner, only: "alpha-spike"}, effects);
  assert.deepEqual(report.failures, []);
  assert.ok(
    effects.lines.some((line) => line.includes(path) && line.includes("damaged")),
    effects.lines.join("\n")
  );
  assert.equal(effects.text(path), good);
});

test("build --profile quick --only X after a paper build refuses to mix profiles, and records the profile", async () => {
  const {effects} = await built();
  const manifest = effects.text(join(root, "figures/manifest.json"));
  await assert.rejects(
    build({root, profile: "quick", only: "alpha-spike", runner: inProcessRunner}, effects),
    (error: unknown) =>
      error instanceof CliError &&
      error.exitCode === ExitCode.usage &&
      /would mix profiles: alpha-variance, beta-one were last built with another profile/.test(error.message)
  );
  assert.equal(effects.text(join(root, "figures/manifest.json")), manifest);
  await build({root, profile: "quick", runner: inProcessRunner}, effects);
  const stored = JSON.parse(effects.text(join(root, "figures/beta/data/beta-one.json"))!);
  assert.equal(stored.profile, "quick");
  const entry = JSON.parse(effects.text(join(root, "figures/manifest.json"))!)["alpha-lambda"];
  assert.deepEqual(
    entry.seeds,
    stored.points
      ? JSON.parse(effects.text(join(root, "figures/alpha/data/alpha-spike.json"))!).points[0].runs.map(
          (r: {seed: number}) => r.seed
        )
      : []
  );
});

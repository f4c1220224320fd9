// Integration tests of the build: caching, determinism across job counts, incremental rebuilds, corrupt
// cache entries, interruption, and `orthogonal run`.
import assert from "node:assert/strict";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {copyProject, orthogonal, orthogonalAsync} from "./fixture.js";

const data = (root: string, id = "demo-mean") => readFileSync(join(root, "figures/demo/data", `${id}.json`), "utf8");

// Processor time (user + system) of this process's finished children, from /proc/self/stat (cutime and cstime, in
// clock ticks of 1/100 s on Linux).
function childProcessorSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8")
    .replace(/^.*\) /, "")
    .split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function cacheFiles(root: string): string[] {
  const dir = join(root, ".cache/datasets");
  // Entries only: the folder also holds times.json (task times) and failures/ (failed tasks of sharded builds).
  return readdirSync(dir, {recursive: true, encoding: "utf8"})
    .filter((f) => /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(f))
    .sort();
}

test("build computes every task once, then takes all of them from the cache in under 2 seconds", () => {
  const root = copyProject("basic");
  const first = orthogonal(root, "build");
  assert.equal(first.status, 0, first.stderr + first.stdout);
  assert.match(first.stdout, /computed 12, cached 0, failed 0; claims 5 passed, 0 failed/);
  // Timed as the processor time of the build process (and any it waits for): the test file running beside this one
  // may hold a core and stretch the wall time; on an idle machine the two agree, as the no-op build is serial.
  const cpuBefore = childProcessorSeconds();
  const started = performance.now();
  const second = orthogonal(root, "build");
  const wall = (performance.now() - started) / 1000;
  const seconds = childProcessorSeconds() - cpuBefore;
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /computed 0, cached 12/);
  assert.ok(seconds < 2, `no-op rebuild took ${seconds.toFixed(2)}s of processor time (${wall.toFixed(2)}s wall)`);
  const provenance = JSON.parse(readFileSync(join(root, "figures/provenance.json"), "utf8"));
  assert.equal(provenance.versions.node, process.versions.node);
  assert.equal(provenance.computed, 12, "the no-op build leaves the record of the build that computed");
});

test("build gives byte-identical datasets with --jobs 1 and --jobs 2, and on a forced rebuild", () => {
  const a = copyProject("basic");
  const b = copyProject("basic");
  assert.equal(orthogonal(a, "build", "--jobs", "1").status, 0);
  assert.equal(orthogonal(b, "build", "--jobs", "2").status, 0);
  assert.equal(data(a), data(b));
  assert.equal(data(a, "demo-other"), data(b, "demo-other"));
  const before = data(a);
  assert.equal(orthogonal(a, "build", "--force", "--jobs", "2").status, 0);
  assert.equal(data(a), before);
});

test("changing one parameter recomputes only that experiment", () => {
  const root = copyProject("basic");
  assert.equal(orthogonal(root, "build").status, 0);
  const other = data(root, "demo-other");
  const file = join(root, "content/demo/mean.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("n: 4000", "n: 4001"));
  const rebuild = orthogonal(root, "build");
  assert.equal(rebuild.status, 0, rebuild.stderr);
  assert.match(rebuild.stdout, /computed 8, cached 4/);
  assert.equal(data(root, "demo-other"), other);
});

test("editing a pipeline's source recomputes the experiments that use it", () => {
  const root = copyProject("basic");
  assert.equal(orthogonal(root, "build").status, 0);
  const file = join(root, "pipelines/index.ts");
  writeFileSync(file, readFileSync(file, "utf8") + "\n// an edit\n");
  assert.match(orthogonal(root, "build").stdout, /computed 12, cached 0/);
});

test("a truncated or corrupt cache entry is detected and recomputed", () => {
  const root = copyProject("basic");
  assert.equal(orthogonal(root, "build").status, 0);
  const before = data(root);
  const [first, second] = cacheFiles(root);
  const path = (f: string) => join(root, ".cache/datasets", f);
  writeFileSync(path(first), readFileSync(path(first), "utf8").slice(0, 40));
  writeFileSync(path(second), readFileSync(path(second), "utf8").replace(/[0-9]/, "7"));
  const rebuild = orthogonal(root, "build");
  assert.equal(rebuild.status, 0, rebuild.stderr);
  assert.match(rebuild.stdout, /computed 2, cached 10/);
  assert.equal(data(root), before);
});

test("kill -9 in the middle of a build leaves a usable cache; the rebuild succeeds with the same results", async () => {
  const reference = copyProject("basic");
  assert.equal(orthogonal(reference, "build", "--jobs", "1").status, 0);
  const root = copyProject("basic");
  const file = join(root, "content/demo/mean.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("n: 4000", "n: 4000000"));
  const child = orthogonalAsync(root, "build", "--jobs", "2");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  const rebuild = orthogonal(root, "build");
  assert.equal(rebuild.status, 0, rebuild.stderr);
  assert.equal(data(root, "demo-other"), data(reference, "demo-other"));
  for (const f of cacheFiles(root)) JSON.parse(readFileSync(join(root, ".cache/datasets", f), "utf8").split("\n")[0]);
});

test("a pipeline producing NaN fails with the experiment id and the output's name, exit code 4", () => {
  const root = copyProject("basic");
  const file = join(root, "content/demo/other.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("poison: false", "poison: true"));
  const result = orthogonal(root, "build");
  assert.equal(result.status, 4);
  assert.match(result.stdout, /experiment demo-other failed: .*scalars\.variance is NaN/);
});

test("run EXPERIMENT --set … --json prints the dataset at that point", () => {
  const root = copyProject("basic");
  const result = orthogonal(root, "run", "demo-mean", "--set", "mu=2.5", "--set", "n=10", "--seed", "7", "--json");
  assert.equal(result.status, 5, result.stderr); // the claims about μ = 0 fail at μ = 2.5, as the JSON says
  const output = JSON.parse(result.stdout);
  assert.ok(output.claims.length > 0 && output.claims.some((claim: {passed: boolean}) => !claim.passed));
  assert.deepEqual(output.params, {n: 10, mu: 2.5, poison: false});
  assert.equal(output.seed, 7);
  assert.equal(output.dataset.scalars.theory_mean, 2.5);
  assert.equal(output.dataset.tables.draws.length, 5);
  const again = orthogonal(root, "run", "demo-mean", "--set", "mu=2.5", "--set", "n=10", "--seed", "7", "--json");
  const {timing: first, ...firstOutput} = output;
  const {timing: second, ...secondOutput} = JSON.parse(again.stdout);
  assert.deepEqual(secondOutput, firstOutput);
  assert.deepEqual([first.cached, second.cached], [0, 1]); // the second run takes the point from the cache
  const bad = orthogonal(root, "run", "demo-mean", "--set", "n=-3");
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--set n=-3: expected an integer ≥ 1/);
});

test("check exits 5 and reports measured, expected and tolerance when a claim fails", () => {
  const root = copyProject("basic");
  const file = join(root, "content/demo/other.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("variance within 15% of 1", "variance within 0.01% of 1"));
  const result = orthogonal(root, "check");
  assert.equal(result.status, 5);
  assert.match(
    result.stdout,
    /✗ claim "variance within 0.01% of 1" \(experiment demo-other\)\n {4}measured [0-9.]+, expected 1 ± 0\.000100000/
  );
});

test("editing a figure's styling re-renders that figure without recomputing any experiment", () => {
  const root = copyProject("website");
  assert.equal(orthogonal(root, "build").status, 0);
  const svg = () => readFileSync(join(root, "figures/alpha/alpha-lambda.svg"), "utf8");
  const before = svg();
  const file = join(root, "pipelines/index.ts");
  writeFileSync(file, readFileSync(file, "utf8").replace('fill: "#0072B2"', 'fill: "#009E73"'));
  const rebuild = orthogonal(root, "build");
  assert.equal(rebuild.status, 0, rebuild.stderr);
  assert.match(rebuild.stdout, /computed 0, cached/);
  assert.notEqual(svg(), before);
  assert.match(svg(), /#009E73/i);
});

test("run and a one-seed build report claims using sd() or se() as not applicable, and exit 0", () => {
  const root = copyProject("basic");
  const file = join(root, "content/demo/mean.md");
  const strict = readFileSync(file, "utf8").replace(
    "mean within 4 * sd(mean) + 0.1 of theory_mean",
    "mean within 2 * sd(mean) of theory_mean"
  );
  writeFileSync(file, strict);
  const run = orthogonal(root, "run", "demo-mean");
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(
    run.stdout,
    /– mean within 2 \* sd\(mean\) of theory_mean {2}\(not applicable \(one seed has no spread\)\)/
  );
  assert.match(run.stdout, /✓ variance within 10% of 1/);
  writeFileSync(file, strict.replace("replicates: 2", "replicates: 1"));
  const build = orthogonal(root, "check", "--profile", "quick", "--only", "demo-mean");
  assert.equal(build.status, 0, build.stdout + build.stderr);
  assert.match(
    build.stdout,
    /– claim "mean within 2 \* sd\(mean\) of theory_mean" \(experiment demo-mean\): not applicable \(one seed has no spread\)/
  );
  assert.match(build.stdout, /claims 2 passed, 0 failed, 1 not applicable/);
});

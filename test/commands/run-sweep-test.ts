// `orthogonal run` beyond one seed: --sweep grids through the cache, the per-seed listing, and the timing line that
// every run prints (at the end in plain mode, on stderr with --json).
import assert from "node:assert/strict";
import {test} from "node:test";
import {copyProject, orthogonal} from "../fixture.js";

interface SweepOutput {
  seeds: number[];
  sweep: string[];
  points: {
    params: Record<string, unknown>;
    runs: {seed: number; dataset: {scalars: Record<string, number>}}[];
    summary: Record<string, {mean: number; sd: number; n: number}>;
  }[];
  claims: {claim: string; passed: boolean; checks: {params: Record<string, unknown>}[]}[];
  timing: {seconds: number; computeSeconds: number; cached: number; computed: number};
}

const root = copyProject("basic");

test("run --sweep mu=0,1.5 --seeds 2 --json gives each point's runs and summary, and claims over the points", () => {
  const args = ["run", "demo-mean", "--sweep", "mu=0,1.5", "--seeds", "2", "--set", "n=200"];
  const first = orthogonal(root, ...args, "--json");
  assert.equal(first.status, 0, first.stderr);
  const out = JSON.parse(first.stdout) as SweepOutput;
  assert.deepEqual(out.sweep, ["mu"]);
  assert.deepEqual(
    out.points.map((p) => [p.params.mu, p.params.n, p.runs.map((r) => r.seed)]),
    [
      [0, 200, [0, 1]],
      [1.5, 200, [0, 1]]
    ]
  );
  for (const point of out.points) {
    const means = point.runs.map((r) => r.dataset.scalars.mean);
    assert.ok(Math.abs(point.summary.mean.mean - (means[0] + means[1]) / 2) < 1e-12);
  }
  // The same seed at another mu shifts every draw by mu (common random numbers).
  assert.ok(Math.abs(out.points[1].summary.mean.mean - out.points[0].summary.mean.mean - 1.5) < 1e-9);
  const byText = Object.fromEntries(out.claims.map((c) => [c.claim, c]));
  assert.equal(byText["mean within 4 * sd(mean) + 0.1 of theory_mean"].checks.length, 2);
  assert.deepEqual(
    byText["abs(mean) < 0.2"].checks.map((c) => c.params.mu),
    [0]
  );
  assert.deepEqual({cached: out.timing.cached, computed: out.timing.computed}, {cached: 0, computed: 4});
  assert.match(first.stderr, /^2 points × 2 seeds in [\d.]+s \(0 cached, 4 computed\), computing [\d.]+s$/m);

  const plain = orthogonal(root, ...args);
  assert.equal(plain.status, 0, plain.stderr);
  const lines = plain.stdout.trimEnd().split("\n");
  assert.match(lines.at(-1)!, /^2 points × 2 seeds in [\d.]+s \(4 cached, 0 computed\)$/);
  const second = plain.stdout.slice(plain.stdout.indexOf("point 2/2: mu=1.5"));
  const meanRow = /^mean\s+(\S+)\s+(\S+)/m.exec(second)!;
  assert.ok(Math.abs(Number(meanRow[1]) - out.points[1].summary.mean.mean) < 1e-5 * Math.abs(Number(meanRow[1])));
  assert.ok(Math.abs(Number(meanRow[2]) - out.points[1].summary.mean.sd) < 1e-5 * Number(meanRow[2]));
  assert.match(plain.stdout, /^✓ abs\(mean\) < 0\.2 {2}\(measured/m);
  assert.match(plain.stdout, /^✓ variance within 10% of 1 {2}\(holds at 2 of 2 points\)$/m);
});

test("run --seeds lists every seed's scalars after the summary, with the values --json gives", () => {
  const args = ["run", "demo-other", "--seeds", "0,3", "--set", "n=100"];
  const out = JSON.parse(orthogonal(root, ...args, "--json").stdout) as {
    runs: {seed: number; dataset: {scalars: Record<string, number>}}[];
  };
  const {stdout} = orthogonal(root, ...args);
  const listing = stdout.slice(stdout.indexOf("per seed:"));
  assert.match(listing, /^seed\s+mean\s+variance\s+theory_mean$/m);
  for (const {seed, dataset} of out.runs) {
    const row = new RegExp(`^${seed}\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)$`, "m").exec(listing)!;
    assert.ok(row, `a row for seed ${seed}`);
    assert.equal(Number(row[1]), Number(dataset.scalars.mean.toPrecision(6)));
    assert.equal(Number(row[2]), Number(dataset.scalars.variance.toPrecision(6)));
  }
});

test("a single-seed run reports its time and whether the dataset came from the cache", () => {
  const args = ["run", "demo-mean", "--set", "n=300", "--set", "mu=0.5"];
  const first = orthogonal(root, ...args);
  assert.match(first.stdout.trimEnd().split("\n").at(-1)!, /^1 seed in [\d.]+s \(0 cached, 1 computed\), computing/);
  const again = orthogonal(root, ...args, "--json");
  const out = JSON.parse(again.stdout) as {dataset: {scalars: Record<string, number>}; timing: SweepOutput["timing"]};
  assert.deepEqual({cached: out.timing.cached, computed: out.timing.computed}, {cached: 1, computed: 0});
  assert.match(again.stderr, /^1 seed in [\d.]+s \(1 cached, 0 computed\)$/m);
  const printed = /^ {2}mean\s+(\S+)$/m.exec(first.stdout)!;
  assert.equal(Number(printed[1]), out.dataset.scalars.mean);
});

test("bad --sweep and --set values are one-line usage errors naming the flag and the declared range", () => {
  for (const [args, message] of [
    [["--sweep", "n=0,5"], /^error: --sweep n=0,5: expected an integer ≥ 1, got "0" \(n: an integer ≥ 1\)$/],
    [["--sweep", "size=1,2"], /^error: --sweep size=1,2: expected key=v1,v2,… with key one of n, mu, poison$/],
    [["--sweep", "mu=1,1"], /^error: --sweep mu=1,1: a value is repeated$/],
    [["--set", "mu=1", "--sweep", "mu=0,2"], /^error: --sweep mu=0,2: mu is given twice$/]
  ] as const) {
    const result = orthogonal(root, "run", "demo-mean", ...args);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr.trim(), message);
    assert.equal(result.stderr.trim().split("\n").length, 1);
  }
});

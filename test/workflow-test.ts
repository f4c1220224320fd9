// The GitHub Actions workflow cannot run here, so its orthogonal commands are checked against the command line:
// each one parses (run with --help, which rejects unknown options), its shard specs are valid, and the matrix,
// the shard specs, the archives and --collect agree on the same number of shards.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {parse} from "yaml";
import {parseShard, parseShardCount} from "../src/build/shard.js";
import {cli} from "./fixture.js";

interface Workflow {
  jobs: Record<
    string,
    {strategy?: {matrix?: {shard?: number[]}}; steps: {run?: string; with?: Record<string, unknown>}[]}
  >;
}

const workflow = parse(
  readFileSync(fileURLToPath(new URL("../.github/workflows/build.yml", import.meta.url)), "utf8")
) as Workflow;

/** The orthogonal commands of a job, as argument lists, for each value of its shard matrix. */
function commands(job: string): string[][] {
  const shards = workflow.jobs[job].strategy?.matrix?.shard ?? [undefined];
  return shards.flatMap((shard) =>
    workflow.jobs[job].steps
      .flatMap((step) => (step.run ?? "").split("\n"))
      .filter((line) => line.startsWith("node bin/orthogonal.js "))
      .map((line) => line.replaceAll("${{ matrix.shard }}", String(shard)).split(/\s+/).slice(2))
  );
}

test("every orthogonal command of the workflow is one the command line accepts", () => {
  const all = [...commands("shard"), ...commands("publish")];
  assert.ok(all.length >= 4);
  for (const args of all) {
    assert.ok(!args.some((arg) => arg.includes("${{")), `an unexpanded expression in ${args.join(" ")}`);
    const result = spawnSync(process.execPath, [cli, ...args, "--help"], {encoding: "utf8"});
    assert.equal(result.status, 0, `orthogonal ${args.join(" ")}: ${result.stderr}`);
    for (let i = 0; i < args.length - 1; ++i) {
      if (args[i] === "--shard") parseShard(args[i + 1]);
      if (args[i] === "--collect" || args[i] === "--shards") parseShardCount(args[i], args[i + 1]);
    }
  }
});

test("the matrix, the shard specs, the archives and --collect agree on the number of shards", () => {
  const matrix = workflow.jobs.shard.strategy!.matrix!.shard!;
  const specs = commands("shard")
    .filter((args) => args[0] === "build")
    .map((args) => parseShard(args[args.indexOf("--shard") + 1]));
  const n = matrix.length;
  assert.deepEqual(
    matrix,
    Array.from({length: n}, (_, i) => i + 1)
  );
  assert.deepEqual(
    specs,
    matrix.map((index) => ({index, count: n}))
  );
  const publish = commands("publish");
  const collect = publish.find((args) => args[0] === "build")!;
  assert.equal(collect[collect.indexOf("--collect") + 1], String(n));
  const exported = commands("shard")
    .filter((args) => args[0] === "cache" && args[1] === "export")
    .map((args) => args[2]);
  assert.deepEqual(
    exported,
    matrix.map((k) => `shard-${k}.tar.gz`)
  );
  assert.deepEqual(publish.find((args) => args[0] === "cache")!.slice(0, 3), ["cache", "import", "shards/*.tar.gz"]);
});

// `orthogonal slurm`: the scripts it writes, its errors, and sharded builds through a real one-node Slurm cluster
// started by the test (see slurmCluster.ts): byte-identical outputs to a local build, and a killed array task
// whose re-submission recomputes only what is missing.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {cli, copyProject, orthogonal} from "./fixture.js";
import {missingSlurmPrograms, startSlurmCluster, until} from "./slurmCluster.js";
import type {SlurmCluster} from "./slurmCluster.js";

/** Every file under figures/ and site/ except the provenance record, path → bytes. */
function outputs(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const folder of ["figures", "site"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, {recursive: true, encoding: "utf8"}).sort()) {
      if (name !== "provenance.json" && statSync(join(dir, name)).isFile())
        files.set(`${folder}/${name}`, readFileSync(join(dir, name)));
    }
  }
  return files;
}

function assertSameOutputs(actual: string, expected: string): void {
  const a = outputs(actual);
  const b = outputs(expected);
  assert.deepEqual([...a.keys()], [...b.keys()]);
  for (const [path, bytes] of b) assert.ok(a.get(path)!.equals(bytes), `${path} differs from the local build`);
  assert.ok([...b.keys()].some((path) => path.endsWith(".png")) && [...b.keys()].some((path) => path.endsWith(".tex")));
}

// A local build of the same project (source hashes depend on where it is) into its own output and cache folders.
function localBuild(root: string): string {
  const out = join(root, ".cache/local");
  const built = orthogonal(root, "build", "--profile", "quick", "--out", out, "--cache", join(out, "cache"));
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /computed 14, cached 0/);
  return out;
}

function slurm(cluster: SlurmCluster, root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, "slurm", ...args, "--root", root, "--profile", "quick"], {
    encoding: "utf8",
    env: {...cluster.env, CI: "true"}
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function jobIds(stdout: string): {array: string; publish: string} {
  const array = /submitted shards as job (\d+)/.exec(stdout)?.[1];
  const publish = /submitted publishing as job (\d+)/.exec(stdout)?.[1];
  assert.ok(array && publish, stdout);
  return {array, publish};
}

const logs = (root: string) => join(root, ".cache/slurm/logs");
const shardLog = (root: string, array: string, k: number) =>
  readFileSync(join(logs(root), `shard-${array}-${k}.out`), "utf8");
const publishLog = (root: string, job: string) => readFileSync(join(logs(root), `publish-${job}.out`), "utf8");

test("slurm --dry-run writes a job array running build --shard $SLURM_ARRAY_TASK_ID/N and a publishing script", () => {
  const root = copyProject("shards");
  const result = orthogonal(
    root,
    "slurm",
    "--shards",
    "3",
    "--cpus",
    "2",
    "--partition",
    "short",
    "--time",
    "00:20:00",
    "--dry-run",
    "--profile",
    "quick"
  );
  assert.equal(result.status, 0, result.stderr);
  const shards = readFileSync(join(root, ".cache/slurm/shards.sbatch"), "utf8");
  assert.match(shards, /^#SBATCH --array=1-3$/m);
  assert.match(shards, /^#SBATCH --cpus-per-task=2$/m);
  assert.match(shards, /^#SBATCH --partition=short$/m);
  assert.match(shards, /^#SBATCH --time=00:20:00$/m);
  assert.match(
    shards,
    / build --shard "\$SLURM_ARRAY_TASK_ID\/3" --jobs "\$\{SLURM_CPUS_PER_TASK:-2\}" --root \S+ --profile quick --cache \S+/
  );
  assert.match(readFileSync(join(root, ".cache/slurm/publish.sbatch"), "utf8"), / build --collect 3 /);
  assert.ok(!existsSync(join(root, "figures/walk")), "a dry run computes and publishes nothing");
});

test("slurm without sbatch on PATH fails with one line and exit 1, and writes nothing", () => {
  const root = copyProject("shards");
  const empty = join(root, ".cache/empty-path");
  mkdirSync(empty, {recursive: true});
  const result = spawnSync(process.execPath, [cli, "slurm", "--root", root], {
    encoding: "utf8",
    env: {...process.env, PATH: empty}
  });
  assert.equal(result.status, 1);
  assert.equal(
    result.stderr,
    "error: sbatch not found on PATH: run this on a Slurm login node, or pass --dry-run to only write the scripts\n"
  );
  assert.ok(!existsSync(join(root, ".cache/slurm")));
});

test("slurm rejects --shards 0 and a malformed --time before submitting", () => {
  const root = copyProject("shards");
  const zero = orthogonal(root, "slurm", "--shards", "0", "--dry-run");
  assert.equal(zero.status, 2);
  assert.equal(zero.stderr, "error: --shards expects a number of shards from 1 to 10000, got 0\n");
  const time = orthogonal(root, "slurm", "--time", "soon", "--dry-run");
  assert.equal(time.status, 2);
  assert.match(time.stderr, /^error: invalid --time soon/);
});

const missing = missingSlurmPrograms();
const skip =
  missing.length > 0
    ? `Slurm is not installed (missing ${missing.join(", ")}; apt-get install slurm-wlm munge)`
    : false;

test("a sharded build through a real Slurm cluster", {skip}, async (t) => {
  const cluster = await startSlurmCluster();
  t.after(() => cluster.stop());

  await t.test("slurm --shards 4 gives figures, tables and datasets byte-identical to a local build", async () => {
    const root = copyProject("shards");
    const local = localBuild(root);
    const submitted = slurm(cluster, root, "--shards", "4");
    assert.equal(submitted.status, 0, submitted.stderr);
    assert.match(submitted.stdout, /follow with: squeue -j \d+,\d+/);
    const {array, publish} = jobIds(submitted.stdout);
    await cluster.waitForJobs([array, publish]);
    assert.deepEqual(cluster.jobStates(array), {
      "1": "COMPLETED",
      "2": "COMPLETED",
      "3": "COMPLETED",
      "4": "COMPLETED"
    });
    assert.deepEqual(cluster.jobStates(publish), {job: "COMPLETED"}, publishLog(root, publish));
    const computed = [1, 2, 3, 4].map((k) => Number(/computed (\d+)/.exec(shardLog(root, array, k))![1]));
    assert.equal(
      computed.reduce((a, b) => a + b),
      14,
      "each of the 14 tasks is computed by exactly one shard"
    );
    assert.match(publishLog(root, publish), /computed 0, cached 14, failed 0/);
    assertSameOutputs(root, local);
  });

  await t.test("an unknown partition is refused with one line naming it, and nothing is submitted", () => {
    const root = copyProject("shards");
    const result = slurm(cluster, root, "--partition", "nosuchpartition");
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      "error: sbatch could not submit the shard array: invalid partition specified: nosuchpartition\n"
    );
    assert.equal(cluster.client("squeue", "-h").stdout.trim(), "");
    assert.ok(!existsSync(join(root, "figures/walk")));
  });

  await t.test(
    "a killed array task is named by the publishing job; re-submission computes only the missing tasks",
    async () => {
      const root = copyProject("shards");
      const local = localBuild(root);
      const first = jobIds(slurm(cluster, root, "--shards", "4").stdout);
      await until(
        () => cluster.client("squeue", "-h", "-j", `${first.array}_2`, "-o", "%T").stdout.trim() === "RUNNING",
        120_000,
        "shard 2 never ran"
      );
      assert.equal(cluster.client("scancel", `${first.array}_2`).status, 0);
      await cluster.waitForJobs([first.array, first.publish]);
      assert.equal(cluster.jobStates(first.array)["2"], "CANCELLED");
      assert.equal(cluster.jobStates(first.publish).job, "FAILED");
      const report = publishLog(root, first.publish);
      assert.match(
        report,
        /error: shard 2\/4 did not complete: experiment walk-(mean|tail) \(\d+ of \d+ tasks? missing\)/
      );
      assert.ok(!existsSync(join(root, "figures/walk")), "nothing is published while a shard is missing");
      const present = readdirSync(join(root, ".cache/datasets"), {recursive: true, encoding: "utf8"}).filter((f) =>
        /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(f)
      ).length;
      assert.ok(present < 14);

      const second = jobIds(slurm(cluster, root, "--shards", "4").stdout);
      await cluster.waitForJobs([second.array, second.publish]);
      assert.equal(cluster.jobStates(second.publish).job, "COMPLETED", publishLog(root, second.publish));
      const computed = [1, 2, 3, 4].map((k) => Number(/computed (\d+)/.exec(shardLog(root, second.array, k))![1]));
      assert.equal(
        computed.reduce((a, b) => a + b),
        14 - present,
        `only the ${14 - present} missing tasks are computed`
      );
      assert.deepEqual([computed[0], computed[2], computed[3]], [0, 0, 0]);
      assertSameOutputs(root, local);
    }
  );
});

// Sharded builds without a scheduler: the split (longest first with recorded times, a hash split without), its
// predictions, `build --shard K/N` into a shared cache then `build --collect N`, and bad shard specs.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {assignShards, listScheduleMs, parseShard} from "../src/build/shard.js";
import type {ShardTask} from "../src/build/shard.js";
import type {PlannedTask} from "../src/build/plan.js";
import {copyProject, orthogonal} from "./fixture.js";

function item(time: string, ms?: number, experiment = "e"): ShardTask {
  const task = {experiment, pipeline: "p", params: {}, seed: 0, key: time, label: time} satisfies PlannedTask;
  return {task, time, ms, recorded: ms !== undefined};
}

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, {recursive: true, encoding: "utf8"}).sort()) {
    if (name !== "provenance.json" && statSync(join(dir, name)).isFile())
      files.set(name, readFileSync(join(dir, name), "latin1"));
  }
  return files;
}

test("parseShard(K/N) accepts 1 ≤ K ≤ N and names a bad spec", () => {
  assert.deepEqual(parseShard("1/1"), {index: 1, count: 1});
  assert.deepEqual(parseShard("4/4"), {index: 4, count: 4});
  for (const bad of ["5/4", "0/0", "0/4", "1/0", "2", "a/b", "-1/3", "1.5/4", ""]) {
    assert.throws(() => parseShard(bad), {
      message: `invalid shard ${bad}: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`
    });
  }
});

test("assignShards(tasks with times) puts the longest first onto the least loaded shard", () => {
  const items = [item("a", 7), item("b", 5), item("c", 4), item("d", 3), item("e", 3), item("f", 2)];
  const {balance, shards} = assignShards(items, 2);
  assert.equal(balance, "times");
  assert.deepEqual(
    shards.map((shard) => shard.map((i) => i.time)),
    [
      ["a", "d", "f"],
      ["b", "c", "e"]
    ]
  );
  assert.deepEqual(
    assignShards([...items].reverse(), 2).shards,
    shards,
    "the split does not depend on the order of the tasks"
  );
});

test("assignShards(tasks without times) deals them round-robin in hash order: every task once, counts within one", () => {
  const items = Array.from({length: 23}, (_, i) => item(`task-${i}`));
  const {balance, shards} = assignShards(items, 4);
  assert.equal(balance, "hash");
  assert.deepEqual(
    shards.map((s) => s.length),
    [6, 6, 6, 5]
  );
  assert.deepEqual(
    shards
      .flat()
      .map((i) => i.time)
      .sort(),
    items.map((i) => i.time).sort()
  );
  assert.deepEqual(assignShards([...items].reverse(), 4).shards, shards);
  assert.deepEqual(
    assignShards(items, 5).shards.map((s) => s.length),
    [5, 5, 5, 4, 4]
  );
});

test("listScheduleMs(times, workers) is the finish time of greedy list scheduling", () => {
  assert.equal(listScheduleMs([5, 4, 3, 3], 2), 8);
  assert.equal(listScheduleMs([5, 4, 3], 1), 12);
  assert.equal(listScheduleMs([], 3), 0);
});

test("build --shard K/N for every K into one cache, then build --collect N publishes the same bytes as a local build", () => {
  const root = copyProject("shards");
  const local = join(root, ".cache/local");
  assert.equal(
    orthogonal(root, "build", "--profile", "quick", "--out", local, "--cache", join(local, "cache")).status,
    0
  );
  const shared = join(root, ".cache/shared");
  const counts = [1, 2, 3].map((k) => {
    const result = orthogonal(
      root,
      "build",
      "--profile",
      "quick",
      "--shard",
      `${k}/3`,
      "--cache",
      shared,
      "--jobs",
      "1"
    );
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!existsSync(join(root, "figures/walk")), "a shard publishes nothing");
    return Number(/^shard \d\/3: (\d+) tasks? \(computed \1, cached 0, failed 0\)/.exec(result.stdout)![1]);
  });
  assert.equal(counts[0] + counts[1] + counts[2], 14);
  const collected = orthogonal(root, "build", "--profile", "quick", "--collect", "3", "--cache", shared);
  assert.equal(collected.status, 0, collected.stderr);
  assert.match(collected.stdout, /computed 0, cached 14, failed 0/);
  assert.deepEqual(tree(join(root, "figures")), tree(join(local, "figures")));
  assert.deepEqual(tree(join(root, "site")), tree(join(local, "site")));
  // The plain build recorded every task's time, so the next split is balanced by time, with predictions.
  const plan = orthogonal(root, "plan", "--profile", "quick", "--shards", "2", "--cache", shared);
  assert.equal(plan.status, 0, plan.stderr);
  assert.match(plan.stdout, /^14 tasks in 2 shards, 1 worker per shard; balanced by recorded task times\n/);
  assert.match(plan.stdout, /^1\/2 +\d+ +\d+ +\d+ +\d+\.\ds$/m);
  assert.match(plan.stdout, /^predicted makespan \d+\.\ds/m);
});

test("ORTHOGONAL_CACHE puts the cache in another folder; a plain build after the shards finds everything cached", () => {
  const root = copyProject("shards");
  const shared = join(root, ".cache/from-env");
  for (const k of [1, 2]) {
    const result = orthogonal(
      root,
      "build",
      "--profile",
      "quick",
      "--shard",
      `${k}/2`,
      "--jobs",
      "1",
      ...["--cache", shared]
    );
    assert.equal(result.status, 0, result.stderr);
  }
  process.env.ORTHOGONAL_CACHE = shared;
  try {
    const plain = orthogonal(root, "build", "--profile", "quick");
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /computed 0, cached 14/);
  } finally {
    delete process.env.ORTHOGONAL_CACHE;
  }
  assert.ok(!existsSync(join(root, ".cache/datasets")));
});

test("build --collect N names the shard and experiment of missing tasks, exits 4 and publishes nothing", () => {
  const root = copyProject("shards");
  assert.equal(orthogonal(root, "build", "--profile", "quick", "--shard", "1/2", "--jobs", "1").status, 0);
  const collected = orthogonal(root, "build", "--profile", "quick", "--collect", "2");
  assert.equal(collected.status, 4);
  assert.match(
    collected.stderr,
    /^error: shard 2\/2 did not complete: experiment walk-\w+ \(\d+ of \d+ tasks? missing\)/
  );
  assert.equal(collected.stderr.trim().split("\n").length, 1);
  assert.ok(!existsSync(join(root, "figures/walk")));
});

test("bad shard specs and an unwritable cache folder fail with one line and leave the cache as it was", () => {
  const root = copyProject("shards");
  for (const spec of ["5/4", "0/0"]) {
    const result = orthogonal(root, "build", "--shard", spec);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `error: invalid shard ${spec}: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/4\n`);
  }
  assert.equal(orthogonal(root, "build", "--shard", "1/2", "--collect", "2").status, 2);
  const file = join(root, "not-a-folder");
  writeFileSync(file, "");
  const result = orthogonal(root, "build", "--profile", "quick", "--cache", join(file, "cache"));
  assert.equal(result.status, 2);
  assert.equal(result.stderr, `error: cache folder ${join(file, "cache")} is not writable (ENOTDIR)\n`);
  assert.ok(!existsSync(join(root, ".cache/datasets")) && !existsSync(join(root, "figures/walk")));
});

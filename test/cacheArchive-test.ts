// The dataset cache shared and merged: many processes writing the same folder at once, `cache export` and
// `cache import` (twice, from several shards, and from damaged archives).
import assert from "node:assert/strict";
import {spawn} from "node:child_process";
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {gunzipSync, gzipSync} from "node:zlib";
import {DatasetCache} from "../src/build/cache.js";
import {sha256} from "../src/build/hash.js";
import {cli, copyProject, orthogonal} from "./fixture.js";

/** Every file of a folder, path → content. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, {recursive: true, encoding: "utf8"}).sort()) {
    if (statSync(join(dir, name)).isFile()) files.set(name, readFileSync(join(dir, name), "latin1"));
  }
  return files;
}

function run(args: string[]): Promise<{status: number | null; stdout: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "pipe", "inherit"],
      env: {...process.env, CI: "true"}
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("exit", (status) => resolve({status, stdout}));
  });
}

test("four processes writing and reading the same cache folder at once never see or leave a partial entry", async () => {
  const root = copyProject("shards");
  const dir = join(root, ".cache/shared");
  const writer = fileURLToPath(new URL("cacheWriter.ts", import.meta.url));
  const results = await Promise.all(Array.from({length: 4}, () => run(["--import", "tsx", writer, dir, "25"])));
  for (const {status, stdout} of results) {
    assert.equal(status, 0);
    assert.equal(stdout, "0\n", "a reader saw a partial or foreign entry");
  }
  const cache = new DatasetCache(dir);
  for (let i = 0; i < 40; ++i) assert.ok(cache.read(sha256(`key ${i}`)) !== undefined);
  assert.deepEqual(
    [...snapshot(dir).keys()].filter((name) => !/^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(name)),
    [],
    "no temporary file is left behind"
  );
});

test("three builds computing every task into one cache folder at once leave a whole cache and equal results", async () => {
  const root = copyProject("shards");
  const shared = join(root, ".cache/shared");
  const outs = [1, 2, 3].map((i) => join(root, `.cache/out-${i}`));
  const results = await Promise.all(
    outs.map((out) =>
      run([
        cli,
        "build",
        "--root",
        root,
        "--profile",
        "quick",
        "--force",
        "--jobs",
        "1",
        "--cache",
        shared,
        "--out",
        out
      ])
    )
  );
  for (const {status, stdout} of results) assert.equal(status, 0, stdout);
  const data = outs.map((out) => readFileSync(join(out, "figures/walk/data/walk-mean.json"), "utf8"));
  assert.equal(data[1], data[0]);
  assert.equal(data[2], data[0]);
  const again = orthogonal(root, "build", "--profile", "quick", "--cache", shared);
  assert.match(again.stdout, /computed 0, cached 14/);
});

test("cache export then import into an empty cache; importing again adds nothing and changes no byte", () => {
  const root = copyProject("shards");
  assert.equal(orthogonal(root, "build", "--profile", "quick").status, 0);
  const archive = join(root, "all.tar.gz");
  const exported = orthogonal(root, "cache", "export", archive);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /^exported 14 entries \(\d+\.\d\d MB\) to all\.tar\.gz\n$/);
  const fresh = join(root, ".cache/fresh");
  const imported = orthogonal(root, "cache", "import", archive, "--cache", fresh);
  assert.equal(imported.stdout, "imported 1 archive: 14 entries added, 0 already present\n");
  const before = snapshot(fresh);
  const twice = orthogonal(root, "cache", "import", archive, archive, "--cache", fresh);
  assert.equal(twice.stdout, "imported 2 archives: 0 entries added, 14 already present\n");
  assert.deepEqual(snapshot(fresh), before);
  assert.match(orthogonal(root, "build", "--profile", "quick", "--cache", fresh).stdout, /computed 0, cached 14/);
});

test("shards on machines without a shared folder: export one archive per shard, import all, collect", () => {
  const root = copyProject("shards");
  const archives = [1, 2].map((k) => {
    const cache = join(root, `.cache/node-${k}`);
    assert.equal(
      orthogonal(root, "build", "--profile", "quick", "--shard", `${k}/2`, "--jobs", "1", "--cache", cache).status,
      0
    );
    const archive = join(root, `shard-${k}.tar.gz`);
    assert.equal(orthogonal(root, "cache", "export", archive, "--cache", cache).status, 0);
    return archive;
  });
  const merged = join(root, ".cache/merged");
  assert.match(orthogonal(root, "cache", "import", ...archives, "--cache", merged).stdout, /14 entries added/);
  const collected = orthogonal(root, "build", "--profile", "quick", "--collect", "2", "--cache", merged);
  assert.equal(collected.status, 0, collected.stderr);
  assert.match(collected.stdout, /computed 0, cached 14/);
});

test("a corrupt or tampered archive is refused with one line, and the cache stays as it was", () => {
  const root = copyProject("shards");
  assert.equal(orthogonal(root, "build", "--profile", "quick", "--only", "walk-tail").status, 0);
  const archive = join(root, "tail.tar.gz");
  assert.equal(orthogonal(root, "cache", "export", archive).status, 0);
  const target = join(root, ".cache/target");
  mkdirSync(target, {recursive: true});
  writeFileSync(join(target, "times.json"), '{"tasks": {}}\n');
  const before = snapshot(target);

  const truncated = join(root, "truncated.tar.gz");
  writeFileSync(truncated, readFileSync(archive).subarray(0, 100));
  const cut = orthogonal(root, "cache", "import", truncated, "--cache", target);
  assert.equal(cut.status, 2);
  assert.equal(cut.stderr, `error: cannot import ${truncated}: unexpected end of file\n`);

  const tar = gunzipSync(readFileSync(archive));
  const at = tar.indexOf('"scalars"');
  tar[at + 3] = tar[at + 3] === 0x61 ? 0x62 : 0x61; // one byte of the first entry's dataset
  const tampered = join(root, "tampered.tar.gz");
  writeFileSync(tampered, gzipSync(tar));
  const bad = orthogonal(root, "cache", "import", archive, tampered, "--cache", target);
  assert.equal(bad.status, 2);
  assert.match(
    bad.stderr,
    /^error: cannot import \S+tampered\.tar\.gz: entry [0-9a-f]{2}\/[0-9a-f]{64}\.json fails its checksum\n$/
  );
  assert.deepEqual(snapshot(target), before, "nothing of the good archive was imported either");

  const notArchive = join(root, "notes.txt");
  writeFileSync(notArchive, "not an archive\n");
  const text = orthogonal(root, "cache", "import", notArchive, "--cache", target);
  assert.equal(text.status, 2);
  assert.equal(text.stderr, `error: cannot import ${notArchive}: incorrect header check\n`);
  assert.deepEqual(snapshot(target), before);
});

// The effects: the file-system default writes atomically and skips identical content; the in-memory one behaves alike.
import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {fileEffects, MemoryEffects, readText} from "../../src/build/effects.js";
import type {Effects} from "../../src/build/effects.js";

const dir = mkdtempSync(join(tmpdir(), "orthogonal-effects-"));
after(() => rmSync(dir, {recursive: true, force: true}));

for (const [name, effects, root] of [
  ["fileEffects", fileEffects, dir],
  ["MemoryEffects", new MemoryEffects(), "/m"]
] as [string, Effects, string][]) {
  test(`${name}: write creates folders, reports identical content, and read, exists, list and remove agree`, () => {
    const path = join(root, "a", "b.txt");
    assert.equal(effects.read(path), undefined);
    assert.equal(effects.write(path, "one"), true);
    assert.equal(effects.write(path, Buffer.from("one")), false);
    assert.equal(effects.write(path, "two"), true);
    assert.equal(readText(effects, path), "two");
    effects.write(join(root, "a", "c", "d.txt"), "x");
    assert.ok(effects.exists(join(root, "a")));
    assert.deepEqual(effects.list(join(root, "a")), [
      {name: "b.txt", folder: false},
      {name: "c", folder: true}
    ]);
    assert.deepEqual(effects.list(join(root, "missing")), []);
    effects.remove(join(root, "a", "c"));
    assert.ok(!effects.exists(join(root, "a", "c", "d.txt")));
    assert.equal(effects.now() instanceof Date, true);
  });
}

test("fileEffects.write leaves no temporary file behind", () => {
  fileEffects.write(join(dir, "t", "x.json"), "{}");
  assert.deepEqual(readdirSync(join(dir, "t")), ["x.json"]);
  assert.equal(readFileSync(join(dir, "t", "x.json"), "utf8"), "{}");
});

test("MemoryEffects keeps the log and a fixed clock", () => {
  const effects = new MemoryEffects({}, new Date("2030-01-01T00:00:00Z"));
  effects.log("hello");
  assert.deepEqual(effects.lines, ["hello"]);
  assert.equal(effects.now().toISOString(), "2030-01-01T00:00:00.000Z");
});

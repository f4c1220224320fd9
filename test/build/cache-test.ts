// The dataset cache against in-memory effects: keys, hits, misses, and entries that are truncated or corrupt.
import assert from "node:assert/strict";
import {test} from "node:test";
import {cacheKey, DatasetCache} from "../../src/build/cache.js";
import {MemoryEffects} from "../../src/build/effects.js";

const task = {pipeline: "demo/mean", sourceHash: "abc", params: {n: 4, mu: 0.5}, seed: 3};

test("cacheKey(task) is stable under key order and changes with params, seed and source", () => {
  const key = cacheKey(task);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(cacheKey({seed: 3, params: {mu: 0.5, n: 4}, sourceHash: "abc", pipeline: "demo/mean"}), key);
  assert.notEqual(cacheKey({...task, seed: 4}), key);
  assert.notEqual(cacheKey({...task, params: {n: 4, mu: 0.25}}), key);
  assert.notEqual(cacheKey({...task, sourceHash: "abd"}), key);
});

test("DatasetCache.read(key) returns what write(key) stored, in a two-level folder under dir", () => {
  const effects = new MemoryEffects();
  const cache = new DatasetCache("/p/.cache/datasets", effects);
  const key = cacheKey(task);
  assert.equal(cache.read(key), undefined);
  cache.write(key, '{"scalars":{"x":1},"tables":{}}');
  assert.deepEqual(effects.written, [`/p/.cache/datasets/${key.slice(0, 2)}/${key}.json`]);
  assert.equal(cache.read(key), '{"scalars":{"x":1},"tables":{}}');
});

test("DatasetCache.read(key) treats truncated, corrupt and misfiled entries as missing", () => {
  const effects = new MemoryEffects();
  const cache = new DatasetCache("/c", effects);
  const key = cacheKey(task);
  const path = `/c/${key.slice(0, 2)}/${key}.json`;
  cache.write(key, '{"scalars":{},"tables":{}}');
  const entry = effects.text(path)!;
  effects.write(path, entry.slice(0, -3));
  assert.equal(cache.read(key), undefined, "truncated body");
  effects.write(path, entry.replace('"scalars"', '"scalarz"'));
  assert.equal(cache.read(key), undefined, "checksum mismatch");
  effects.write(path, entry.split("\n")[0]);
  assert.equal(cache.read(key), undefined, "no body");
  const other = cacheKey({...task, seed: 9});
  effects.write(`/c/${other.slice(0, 2)}/${other}.json`, entry);
  assert.equal(cache.read(other), undefined, "header names another key");
});

test("DatasetCache.clear() removes the cache folder and nothing else", () => {
  const effects = new MemoryEffects({"/p/figures/a.svg": "<svg/>"});
  const cache = new DatasetCache("/p/.cache/datasets", effects);
  cache.write(cacheKey(task), "{}");
  cache.clear();
  assert.deepEqual([...effects.files.keys()], ["/p/figures/a.svg"]);
});

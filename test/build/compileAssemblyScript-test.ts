// Compiling AssemblyScript with a content-hashed binary cache: first compile, cache hit, corrupt and unwritable caches.
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {compileAssemblyScript} from "../../src/build/compileAssemblyScript.js";
import {webAssembly} from "../../src/linalg/webAssembly.js";

const source = `export function sum2(x: f64, y: f64): f64 {
  return f64x2.extract_lane(f64x2.add(f64x2.splat(x), f64x2.splat(y)), 1);
}`;
const dir = mkdtempSync(join(tmpdir(), "orthogonal-asc-"));
after(() => rmSync(dir, {recursive: true, force: true}));

test("compileAssemblyScript(source) compiles once, then loads the cached binary named by its hash", () => {
  const cacheDir = join(dir, "cache");
  const first = compileAssemblyScript(source, {cacheDir, name: "sum", enable: ["simd"]});
  assert.equal(first.cached, false);
  assert.match(first.path, /sum-[0-9a-f]{16}\.wasm$/);
  assert.deepEqual(readdirSync(cacheDir), [first.path.slice(cacheDir.length + 1)]);
  assert.equal(call(first.binary, 1.5, 2), 3.5);
  const second = compileAssemblyScript(source, {cacheDir, name: "sum", enable: ["simd"]});
  assert.equal(second.cached, true);
  assert.equal(second.path, first.path);
  assert.equal(call(second.binary, 1, -4), -3);
  const changed = compileAssemblyScript(`${source}\n`, {cacheDir, name: "sum", enable: ["simd"]});
  assert.equal(changed.cached, false);
  assert.notEqual(changed.path, first.path);
});

test("compileAssemblyScript(source) replaces a cached binary that does not validate", () => {
  const cacheDir = join(dir, "corrupt");
  const {path} = compileAssemblyScript(source, {cacheDir, name: "sum", enable: ["simd"]});
  writeFileSync(path, "not wasm");
  const again = compileAssemblyScript(source, {cacheDir, name: "sum", enable: ["simd"]});
  assert.equal(again.cached, false);
  assert.equal(call(again.binary, 2, 2), 4);
  assert.equal(compileAssemblyScript(source, {cacheDir, name: "sum", enable: ["simd"]}).cached, true);
});

test("compileAssemblyScript(source) still compiles when the cache folder cannot be created", () => {
  const file = join(dir, "a-file");
  writeFileSync(file, "");
  const cacheDir = join(file, "cache");
  const result = compileAssemblyScript(source, {cacheDir, name: "sum", enable: ["simd"]});
  assert.equal(result.cached, false);
  assert.equal(existsSync(result.path), false);
  assert.equal(call(result.binary, 0.25, 0.5), 0.75);
});

test("compileAssemblyScript(source) reports compile errors with the compiler's message", () => {
  assert.throws(
    () => compileAssemblyScript("export function f(): i32 { return undefinedName; }", {cacheDir: dir, name: "broken"}),
    /compileAssemblyScript: broken failed to compile\n[^]*undefinedName/
  );
});

function call(binary: Uint8Array, x: number, y: number): number {
  const {sum2} = new webAssembly.Instance(new webAssembly.Module(binary)).exports as {
    sum2(x: number, y: number): number;
  };
  return sum2(x, y);
}

// The source closure of a module: what the cache hashes to notice code changes.
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {SourceGraph} from "../../src/build/sourceGraph.js";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "orthogonal-graph-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test("SourceGraph.closure follows imports, re-exports, dynamic imports and new URL, but not type-only imports", () => {
  const dir = project({
    "a.ts": `import {b} from "./b.js";\nimport type {T} from "./types.js";\nexport * from "./c.js";\nconst w = new URL("./kernel.wat", import.meta.url);\nawait import("./d.js");`,
    "b.ts": `import {c} from "./c.js";
export const b = c;`,
    "c.ts": "export const c = 1;",
    "d.ts": "export {};",
    "types.ts": "export type T = number;",
    "kernel.wat": "(module)"
  });
  const names = new SourceGraph(dir, dir).closure(join(dir, "a.ts")).map((p) => p.slice(dir.length + 1));
  assert.deepEqual(names, ["a.ts", "b.ts", "c.ts", "d.ts", "kernel.wat"]);
});

test("SourceGraph.hash changes when an imported file changes and not when an unrelated one does", () => {
  const dir = project({"a.ts": `import "./b.js";`, "b.ts": "export const x = 1;", "other.ts": "export const y = 1;"});
  const before = new SourceGraph(dir, dir).hash(join(dir, "a.ts"));
  writeFileSync(join(dir, "other.ts"), "export const y = 2;");
  assert.equal(new SourceGraph(dir, dir).hash(join(dir, "a.ts")), before);
  writeFileSync(join(dir, "b.ts"), "export const x = 2;");
  assert.notEqual(new SourceGraph(dir, dir).hash(join(dir, "a.ts")), before);
});

test("the source closure of every registered pipeline holds only project files, never the cache or node_modules", async () => {
  const {registry} = await import("../../pipelines/index.js");
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const graph = new SourceGraph(root, root);
  for (const pipeline of Object.values(registry.pipelines)) {
    const files = graph.closure(fileURLToPath(pipeline.source));
    for (const file of files) assert.ok(!/\/(\.cache|node_modules)\//.test(file), `${pipeline.id} depends on ${file}`);
    assert.ok(files.includes(fileURLToPath(pipeline.source)));
  }
});

test("no pipeline's source closure reaches the engine, and one that uses the kernels covers their sources", async () => {
  const {registry} = await import("../../pipelines/index.js");
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const graph = new SourceGraph(root, root);
  let usesKernels = 0;
  for (const pipeline of Object.values(registry.pipelines)) {
    const files = graph.closure(fileURLToPath(pipeline.source)).map((file) => file.slice(root.length));
    for (const file of files)
      assert.ok(!/^src\/(build|commands|site|bin)\//.test(file), `${pipeline.id} depends on ${file}`);
    if (files.includes("src/linalg/kernels.ts")) {
      ++usesKernels;
      assert.ok(
        files.includes("src/linalg/gemmKernel.as") && files.includes("src/linalg/reductionKernel.as"),
        pipeline.id
      );
    }
  }
  assert.ok(usesKernels > 0);
});

test("a project outside the package depends on the engine modules it imports as orthogonal/…, named the same from anywhere", () => {
  // The engine's folder sorts after project a's and before project b's: their absolute paths come in other orders.
  const base = mkdtempSync(join(tmpdir(), "orthogonal-graph-"));
  const folder = (name: string, files: Record<string, string>) => {
    mkdirSync(join(base, name));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(base, name, file), text);
    return join(base, name);
  };
  const engine = folder("m", {"numerics.ts": "export const x = 1;"});
  const source = `import {x} from "orthogonal/numerics.js";\nimport type {T} from "orthogonal/types.js";`;
  const a = folder("a", {"p.ts": source});
  const b = folder("z", {"p.ts": source});
  assert.deepEqual(new SourceGraph(a, engine).closure(join(a, "p.ts")), [join(a, "p.ts"), join(engine, "numerics.ts")]);
  const hash = new SourceGraph(a, engine).hash(join(a, "p.ts"));
  assert.equal(
    new SourceGraph(b, engine).hash(join(b, "p.ts")),
    hash,
    "the project's location does not enter the hash"
  );
  writeFileSync(join(engine, "numerics.ts"), "export const x = 2;");
  assert.notEqual(new SourceGraph(a, engine).hash(join(a, "p.ts")), hash, "an engine change does");
});

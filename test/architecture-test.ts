// The layering of the source, as the README's architecture note states it: which part may import which, no import
// loop between files or between folders, and no file system or processes in numerics, the contract or pipelines.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The part a file belongs to, by folder. */
type Part = "contract" | "numerics" | "render" | "tables" | "site" | "pipelines" | "build" | "commands" | "bin";

/** What each part may import besides itself (type-only imports count too). */
const allowed: Record<Part, readonly Part[]> = {
  numerics: [],
  render: [],
  tables: [],
  contract: ["numerics", "render", "tables"],
  pipelines: ["contract", "numerics", "render", "tables"],
  site: ["contract", "render", "tables"],
  build: ["contract", "numerics", "render", "tables", "site"],
  commands: ["build", "contract", "numerics", "render", "tables", "site"],
  bin: ["commands", "contract"]
};

/** Node modules with effects (files, processes, threads, network) that pure parts never import. */
const effectful = /^node:(fs|fs\/promises|child_process|worker_threads|cluster|http|https|net|dgram|os)$/;
const pure: readonly Part[] = ["numerics", "contract", "pipelines"];

const numerics = new Set(["linalg", "random", "special", "stats"]);

test("every file of src/ and pipelines/ belongs to a part", () => {
  for (const file of sourceFiles()) assert.ok(partOf(file), `${file} is in no part of the architecture note`);
});

test("imports only cross the lines the architecture allows", () => {
  const violations: string[] = [];
  for (const [file, imports] of graph()) {
    const from = partOf(file)!;
    for (const target of imports.files) {
      const to = partOf(target);
      if (to && to !== from && !allowed[from].includes(to))
        violations.push(`${file} (${from}) imports ${target} (${to})`);
    }
    if (pure.includes(from)) {
      for (const name of imports.packages)
        if (effectful.test(name)) violations.push(`${file} (${from}) imports ${name}`);
    }
  }
  assert.deepEqual(violations, []);
});

test("no import loop between files", () => {
  const edges = new Map([...graph()].map(([file, imports]) => [file, imports.files]));
  assert.deepEqual(cycles(edges), []);
});

test("no import loop between folders", () => {
  const edges = new Map<string, string[]>();
  for (const [file, imports] of graph()) {
    const from = dirname(file);
    const targets = edges.get(from) ?? [];
    for (const target of imports.files) if (dirname(target) !== from) targets.push(dirname(target));
    edges.set(from, [...new Set(targets)]);
  }
  assert.deepEqual(cycles(edges), []);
});

test("pipelines import the contract through its index only", () => {
  const direct: string[] = [];
  for (const [file, imports] of graph()) {
    if (partOf(file) !== "pipelines") continue;
    for (const target of imports.files) {
      if (partOf(target) === "contract" && target !== "src/contract/index.ts") direct.push(`${file} imports ${target}`);
    }
  }
  assert.deepEqual(direct, []);
});

test("the checker sees a loop and a forbidden edge", () => {
  assert.deepEqual(
    cycles(
      new Map([
        ["a", ["b"]],
        ["b", ["c"]],
        ["c", ["a"]],
        ["d", ["a"]]
      ])
    ),
    ["a → b → c → a"]
  );
  assert.equal(partOf("src/linalg/eigh.ts"), "numerics");
  assert.ok(!allowed.numerics.includes("build"));
  assert.deepEqual(specifiers('import type {A} from "./a.js";\nexport {b} from "../b.js";\nawait import("./c.js");'), [
    "./a.js",
    "../b.js",
    "./c.js"
  ]);
});

function partOf(file: string): Part | undefined {
  const [top, folder] = file.split("/");
  if (top === "pipelines") return "pipelines";
  if (top !== "src") return undefined;
  if (numerics.has(folder)) return "numerics";
  const parts: Record<string, Part> = {
    contract: "contract",
    render: "render",
    tables: "tables",
    site: "site",
    build: "build",
    commands: "commands",
    bin: "bin"
  };
  return parts[folder];
}

let memo: Map<string, {files: string[]; packages: string[]}> | undefined;

/** File (relative to the root) → the project files and the packages it imports. */
function graph(): Map<string, {files: string[]; packages: string[]}> {
  if (memo) return memo;
  memo = new Map();
  for (const file of sourceFiles()) {
    const files: string[] = [];
    const packages: string[] = [];
    for (const specifier of specifiers(readFileSync(join(root, file), "utf8"))) {
      if (!specifier.startsWith(".")) {
        packages.push(specifier);
        continue;
      }
      let target = resolve(root, dirname(file), specifier);
      if (!existsSync(target) && target.endsWith(".js")) target = `${target.slice(0, -3)}.ts`;
      assert.ok(existsSync(target), `${file}: cannot resolve ${specifier}`);
      files.push(relative(root, target));
    }
    memo.set(file, {files, packages});
  }
  return memo;
}

/** Module specifiers of static imports and re-exports (type-only included) and of dynamic imports. */
function specifiers(source: string): string[] {
  const pattern = /\b(?:(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\bfrom\s*)?|import\s*\(\s*)["']([^"']+)["']/g;
  return [...source.matchAll(pattern)].map((match) => match[1]);
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), {withFileTypes: true})) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  walk("src");
  walk("pipelines");
  return files.sort();
}

/** One description ("a → b → a") per loop found by depth-first search. */
function cycles(edges: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

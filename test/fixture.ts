// Test helpers for integration tests: copy a small project from test/input/build/ to a temp folder and run the CLI on
// it.
import {spawn, spawnSync} from "node:child_process";
import type {ChildProcess} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const created: string[] = [];
process.once("exit", () => {
  for (const dir of created) rmSync(dir, {recursive: true, force: true});
});

/** The orthogonal command's entry point. */
export const cli = fileURLToPath(new URL("../bin/orthogonal.js", import.meta.url));

/**
 * Copies test/input/build/<name> to a fresh folder under the package's .cache/ (inside the package, so that the
 * project's pipelines can import the engine as "orthogonal/src/….js").
 */
export function copyProject(name: string): string {
  const parent = fileURLToPath(new URL("../.cache/test-projects/", import.meta.url));
  mkdirSync(parent, {recursive: true});
  const dir = mkdtempSync(join(parent, `${name}-`));
  created.push(dir);
  const source = fileURLToPath(new URL(`input/build/${name}`, import.meta.url));
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !/\/(\.cache|figures|site)(\/|$)/.test(path.slice(source.length))
  });
  return dir;
}

const builds = new Map<string, string>();

/**
 * A fresh copy of test/input/build/<name> after `orthogonal build --jobs 2`, with its cache, figures and site
 * (timestamps kept). The project is built once per test process; each call copies that build, so tests that start
 * from a built project do not build it again.
 */
export function builtProject(name: string): string {
  let built = builds.get(name);
  if (built === undefined) {
    built = copyProject(name);
    const result = orthogonal(built, "build", "--jobs", "2");
    if (result.status !== 0) throw new Error(`building the ${name} fixture failed:\n${result.stderr}${result.stdout}`);
    builds.set(name, built);
  }
  const dir = mkdtempSync(join(built, "..", `${name}-`));
  created.push(dir);
  cpSync(built, dir, {recursive: true, preserveTimestamps: true});
  return dir;
}

/** Runs the CLI synchronously in `root`; returns exit status and output. */
export function orthogonal(root: string, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [cli, ...args, "--root", root], {
    encoding: "utf8",
    env: {...process.env, CI: "true"}
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Starts the CLI in the background. */
export function orthogonalAsync(root: string, ...args: string[]): ChildProcess {
  return spawn(process.execPath, [cli, ...args, "--root", root], {stdio: ["ignore", "pipe", "pipe"]});
}

/** A project's content files (Markdown and BibTeX), read from disk for an in-memory file tree (MemoryEffects). */
export function contentFiles(project: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(project, "content"), {recursive: true, encoding: "utf8"})) {
    const path = join(project, "content", name);
    if (/\.(md|bib)$/.test(name)) files[path] = readFileSync(path, "utf8");
  }
  return files;
}

// The project source a module depends on: the module, every project module it imports (transitively), the engine's
// modules it imports as "orthogonal/…", and files it loads through `new URL("…", import.meta.url)`. Its hash is what
// makes the cache see code changes.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, isAbsolute, join, relative, resolve} from "node:path";
import {sha256} from "./hash.js";

/**
 * Matches relative and "orthogonal/…" specifiers of static imports and re-exports (group 1 is "type" for type-only
 * ones, which cannot change what runs), dynamic imports, and `new URL("…", import.meta.url)`.
 */
const reference =
  /\b(?:(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\bfrom\s*)?|import\s*\(\s*|new\s+URL\s*\(\s*)["']((?:\.{1,2}|orthogonal)\/[^"']+)["']/g;

/** The package name under which a project outside the package imports the engine ("orthogonal/src/…"). */
const engineName = "orthogonal";

/** Memoises file digests, dependency lists and closure hashes within one process. */
export class SourceGraph {
  private readonly files = new Map<string, {digest: string; deps: string[]}>();
  private readonly hashes = new Map<string, string>();

  /**
   * @param root the project root: files in it are named by their path relative to it.
   * @param engineRoot the package root, where "orthogonal/…" resolves: files there but outside `root` are named
   *   "orthogonal/<path>", so that the hash does not depend on where a project sits relative to the engine.
   */
  constructor(
    readonly root: string,
    private readonly engineRoot: string
  ) {}

  /** Absolute paths of the file and of everything it references, sorted. */
  closure(file: string): string[] {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const dep of this.read(path).deps) visit(dep);
    };
    visit(resolve(file));
    return [...seen].sort();
  }

  /** SHA-256 over (name, content hash) of the closure: changes whenever any file in it changes. */
  hash(file: string): string {
    const key = resolve(file);
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      // In order of the names, which do not depend on where the project is (its absolute paths' order may).
      const parts = this.closure(key)
        .map((path) => `${this.name(path)}\0${this.read(path).digest}`)
        .sort();
      hash = sha256(parts.join("\n"));
      this.hashes.set(key, hash);
    }
    return hash;
  }

  private name(path: string): string {
    const inEngine = within(this.engineRoot, path);
    return within(this.root, path) ?? (inEngine === undefined ? path : `${engineName}/${inEngine}`);
  }

  private read(path: string): {digest: string; deps: string[]} {
    let entry = this.files.get(path);
    if (!entry) {
      if (statSync(path).isDirectory()) {
        // A folder referenced by URL (fonts, assets): it depends on every file in it.
        const names = readdirSync(path).sort();
        entry = {digest: sha256(names.join("\n")), deps: names.map((name) => join(path, name))};
      } else {
        const bytes = readFileSync(path);
        const deps = /\.(ts|js|mjs)$/.test(path)
          ? [...bytes.toString("utf8").matchAll(reference)]
              .filter((match) => !match[1])
              .map((match) =>
                match[2].startsWith(`${engineName}/`)
                  ? resolveSource(this.engineRoot, match[2].slice(engineName.length + 1))
                  : resolveSource(dirname(path), match[2])
              )
          : [];
        entry = {digest: sha256(bytes), deps};
      }
      this.files.set(path, entry);
    }
    return entry;
  }
}

// The path of `path` relative to `dir` when it lies inside it.
function within(dir: string, path: string): string | undefined {
  const inside = relative(dir, path);
  return inside.startsWith("..") || isAbsolute(inside) ? undefined : inside;
}

// "./gemm.js" written in TypeScript source refers to gemm.ts on disk (as the package's exports map "./*.js" to "./*.ts").
function resolveSource(dir: string, specifier: string): string {
  const path = resolve(dir, specifier);
  if (path.endsWith(".js") && !existsSync(path)) return path.slice(0, -3) + ".ts";
  return path;
}

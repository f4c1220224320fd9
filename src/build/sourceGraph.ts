// The project source a module depends on: the module, every project module it imports (transitively),
// and files it loads through `new URL("…", import.meta.url)`. Its hash is what makes the cache see code changes.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {sha256} from "./hash.js";

/**
 * Matches relative specifiers of static imports and re-exports (group 1 is "type" for type-only ones, which
 * cannot change what runs), dynamic imports, and `new URL("…", import.meta.url)`.
 */
const reference =
  /\b(?:(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\bfrom\s*)?|import\s*\(\s*|new\s+URL\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Memoises file digests, dependency lists and closure hashes within one process. */
export class SourceGraph {
  private readonly files = new Map<string, {digest: string; deps: string[]}>();
  private readonly hashes = new Map<string, string>();

  /** @param root the directory that relative paths in the result are given against (the project root). */
  constructor(readonly root: string) {}

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

  /** SHA-256 over (relative path, content hash) of the closure: changes whenever any file in it changes. */
  hash(file: string): string {
    const key = resolve(file);
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      const parts = this.closure(key).map((path) => `${relative(this.root, path)}\0${this.read(path).digest}`);
      hash = sha256(parts.join("\n"));
      this.hashes.set(key, hash);
    }
    return hash;
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
              .map((match) => resolveSource(dirname(path), match[2]))
          : [];
        entry = {digest: sha256(bytes), deps};
      }
      this.files.set(path, entry);
    }
    return entry;
  }
}

// "./gemm.js" written in TypeScript source refers to gemm.ts on disk.
function resolveSource(dir: string, specifier: string): string {
  const path = resolve(dir, specifier);
  if (path.endsWith(".js") && !existsSync(path)) return path.slice(0, -3) + ".ts";
  return path;
}

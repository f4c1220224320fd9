// The registry of a project: which pipelines, plot modules and table modules exist, by id. It lives in
// <root>/pipelines/index.ts (the package's own when a project has none) and is loaded once per process.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {Pipeline} from "./pipeline.js";
import type {PlotFunction} from "./render/figure.js";
import type {TableFunction} from "./tables/table.js";

/** A registered plot: its module URL (for hashing) and the function mapping results to Plot options. */
export interface PlotModule {
  readonly source: string;
  readonly plot: PlotFunction;
}

/** A registered table: its module URL (for hashing) and the function mapping results to a table. */
export interface TableModule {
  readonly source: string;
  readonly table: TableFunction;
}

/** Everything a project declares in code. */
export interface Registry {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
  readonly pipelines: Readonly<Record<string, Pipeline<any>>>;
  readonly plots: Readonly<Record<string, PlotModule>>;
  readonly tables: Readonly<Record<string, TableModule>>;
}

/** The package's own registry module. */
export const packageRegistry = fileURLToPath(new URL("../pipelines/index.ts", import.meta.url));

/** The registry module used for a project root. */
export function registryPath(root: string): string {
  const local = join(root, "pipelines", "index.ts");
  return existsSync(local) ? local : packageRegistry;
}

/** Imports the registry module at `path` and checks that ids match the entries' own ids. */
export async function loadRegistry(path: string): Promise<Registry> {
  const module = (await import(pathToFileURL(path).href)) as {registry?: Registry};
  const registry = module.registry;
  if (!registry) throw new Error(`${path}: expected an export named registry`);
  for (const [id, pipeline] of Object.entries(registry.pipelines)) {
    if (pipeline.id !== id) throw new Error(`${path}: pipeline registered as ${id} declares id ${pipeline.id}`);
  }
  return registry;
}

/**
 * Merges registries (the project's own entries and one per paper, from pipelines/<paper>/index.ts) into one;
 * throws naming the id when two of them register the same pipeline, plot or table.
 */
export function mergeRegistries(parts: readonly Registry[]): Registry {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
  const merged = {pipelines: {} as Record<string, Pipeline<any>>, plots: {} as Record<string, PlotModule>, tables: {} as Record<string, TableModule>};
  for (const part of parts) {
    for (const kind of ["pipelines", "plots", "tables"] as const) {
      for (const [id, entry] of Object.entries(part[kind])) {
        if (id in merged[kind]) throw new Error(`registry: ${kind.slice(0, -1)} ${id} is registered twice`);
        (merged[kind] as Record<string, unknown>)[id] = entry;
      }
    }
  }
  return merged;
}

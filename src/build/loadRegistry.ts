// The registry of a project: which pipelines, plot modules and table modules exist, by id. It lives in
// <root>/pipelines/index.ts (the package's own when a project has none) and is loaded once per process.
import {existsSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {Registry} from "../contract/registry.js";

/** The package's own registry module. */
export const packageRegistry = fileURLToPath(new URL("../../pipelines/index.ts", import.meta.url));

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

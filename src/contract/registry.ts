// The registry of a project: which pipelines, plot modules and table modules exist, by id. A project declares it
// in <root>/pipelines/index.ts as `export const registry: Registry = {…}`.
import type {PlotFunction} from "./figure.js";
import type {Pipeline} from "./pipeline.js";
import type {TableFunction} from "./table.js";

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
  // any: parameter types vary per pipeline
  readonly pipelines: Readonly<Record<string, Pipeline<any>>>;
  readonly plots: Readonly<Record<string, PlotModule>>;
  readonly tables: Readonly<Record<string, TableModule>>;
}

/**
 * Merges registries (the project's own entries and one per paper, from pipelines/<paper>/index.ts) into one;
 * throws naming the id when two of them register the same pipeline, plot or table.
 */
export function mergeRegistries(parts: readonly Registry[]): Registry {
  // any: parameter types vary per pipeline
  const merged = {
    pipelines: {} as Record<string, Pipeline<any>>,
    plots: {} as Record<string, PlotModule>,
    tables: {} as Record<string, TableModule>
  };
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

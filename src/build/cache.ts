// The content-addressed dataset cache: one file per (pipeline source, params, seed), written atomically and
// checked on read, so a truncated or corrupt entry is detected and recomputed rather than trusted.
import {join} from "node:path";
import type {ParamValue} from "../contract/params.js";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256, stableStringify} from "./hash.js";

/** Bumped when the cache format or the meaning of a key changes. */
const cacheVersion = 1;

/** What determines a dataset: the pipeline's id and source hash, its params and the seed. */
export interface TaskKey {
  pipeline: string;
  sourceHash: string;
  params: Record<string, ParamValue>;
  seed: number;
}

/** The cache key of a task: SHA-256 of its stable JSON together with the cache version and the Node major. */
export function cacheKey(task: TaskKey): string {
  const node = process.versions.node.split(".")[0];
  return sha256(stableStringify({cacheVersion, node, ...task}));
}

/** A folder of cache entries. */
export class DatasetCache {
  constructor(
    readonly dir: string,
    private readonly effects: Effects = fileEffects
  ) {}

  /** The dataset JSON stored under `key`, or undefined when missing, truncated or corrupt. */
  read(key: string): string | undefined {
    const text = readText(this.effects, this.path(key));
    if (text === undefined) return undefined;
    const newline = text.indexOf("\n");
    if (newline < 0) return undefined;
    try {
      const header = JSON.parse(text.slice(0, newline)) as {key?: string; checksum?: string};
      const body = text.slice(newline + 1);
      if (header.key !== key || header.checksum !== sha256(body)) return undefined;
      return body;
    } catch {
      return undefined;
    }
  }

  /** Stores dataset JSON under `key` atomically. */
  write(key: string, json: string): void {
    this.effects.write(this.path(key), `${JSON.stringify({key, checksum: sha256(json)})}\n${json}`);
  }

  /** Removes the whole cache folder. */
  clear(): void {
    this.effects.remove(this.dir);
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

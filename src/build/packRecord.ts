// The record of the last `orthogonal pack` (dist/pack.json) and the outputs an archive holds: what the site reads
// to link the archive while it still holds this commit and these outputs. Kept apart from pack.ts so that the
// site's source closure stays small.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Content} from "../contract/content.js";
import type {Manifest} from "../contract/manifest.js";
import type {PackRecord} from "../contract/release.js";
import {sha256} from "./hash.js";

export type {PackRecord};

/** The file that records the last pack, relative to the output folder. */
export const packRecordPath = "dist/pack.json";

/**
 * The build outputs an archive holds, relative to the output folder, sorted: figures/manifest.json, every file
 * the manifest lists, and each experiment's results and claims (figures/<paper>/data/<id>.json, .claims.json).
 */
export function packedOutputs(content: Content, manifest: Manifest): string[] {
  const paths = new Set<string>(["figures/manifest.json"]);
  for (const experiment of content.experiments) {
    paths.add(`figures/${experiment.paper}/data/${experiment.id}.json`);
    paths.add(`figures/${experiment.paper}/data/${experiment.id}.claims.json`);
  }
  for (const entry of Object.values(manifest)) for (const file of entry.files) paths.add(file);
  return [...paths].sort();
}

/** SHA-256 over (path, SHA-256) of packed outputs, sorted by path. */
export function outputsDigest(files: ReadonlyMap<string, Uint8Array | string>): string {
  return sha256(
    [...files]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, data]) => `${path}\0${sha256(data)}`)
      .join("\n")
  );
}

/** Reads <out>/dist/pack.json when it names an archive that still exists (undefined otherwise). */
export function readPackRecord(out: string): PackRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(out, packRecordPath), "utf8")) as PackRecord;
    if (typeof record.file !== "string" || !/^[\w.-]+\.tar\.gz$/.test(record.file)) return undefined;
    return existsSync(join(out, "dist", record.file)) ? record : undefined;
  } catch {
    return undefined;
  }
}

// What the publishing stage owns under figures/: the manifest (read back even when damaged), the hash of every file
// it wrote, the versions of the packages that render them, and the record of the files it produced, so that a file
// the build no longer produces is removed and a file that does not match its recorded hash is rendered again.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Manifest, ManifestEntry} from "../contract/manifest.js";
import {readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256} from "./hash.js";
import {packageRoot} from "./project.js";

/** The packages that turn results into figure and table files: a new version of any of them re-renders everything. */
export const rendererPackages = ["@observablehq/plot", "jsdom", "pdfkit", "sharp", "svg-to-pdfkit"];

/** The installed versions of the renderer packages (package → version, "missing" when not installed). */
export function rendererVersions(): Record<string, string> {
  return Object.fromEntries(
    rendererPackages.map((name) => {
      try {
        const manifest = readFileSync(join(packageRoot, "node_modules", name, "package.json"), "utf8");
        return [name, (JSON.parse(manifest) as {version: string}).version];
      } catch {
        return [name, "missing"];
      }
    })
  );
}

/** The path of the manifest under an output folder. */
export function manifestPath(out: string): string {
  return join(out, "figures", "manifest.json");
}

/** The path of the record of the files the publishing stage produced under figures/. */
export function outputsRecordPath(out: string): string {
  return join(out, ".cache", "figures.json");
}

/**
 * The manifest of the last build. A missing manifest is empty; a damaged one (truncated, not JSON) is reported
 * through `effects.log`, naming its path, and treated as empty, so that every figure and table is rendered again.
 */
export function readManifest(out: string, effects: Effects): Manifest {
  const text = readText(effects, manifestPath(out));
  if (text === undefined) return {};
  try {
    const manifest = JSON.parse(text) as unknown;
    if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) throw new Error("not an object");
    return manifest as Manifest;
  } catch (error) {
    effects.log(
      `warning: ${manifestPath(out)} is damaged (${(error as Error).message}); rendering every figure and table again`
    );
    return {};
  }
}

/** Whether every file of a manifest entry exists with the hash recorded when it was written. */
export function filesMatch(entry: ManifestEntry | undefined, out: string, effects: Effects): boolean {
  if (!entry?.hashes) return false;
  return entry.files.every((file) => {
    const data = effects.read(join(out, file));
    return data !== undefined && entry.hashes![file] === sha256(data);
  });
}

/** The files (relative to the output folder) that the last publishing stage recorded as its own. */
export function readOutputsRecord(out: string, effects: Effects): string[] {
  try {
    const record = JSON.parse(readText(effects, outputsRecordPath(out)) ?? "") as {files?: unknown};
    return Array.isArray(record.files) ? record.files.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Removes the files an earlier build produced under figures/ (listed in its record or its manifest) that this build
 * no longer produces, then records `produced`. Files the build never wrote are left alone. Returns the removed paths.
 */
export function pruneOutputs(
  out: string,
  previous: Manifest,
  produced: ReadonlySet<string>,
  effects: Effects
): string[] {
  const earlier = new Set([
    ...readOutputsRecord(out, effects),
    ...Object.values(previous).flatMap((entry) => (Array.isArray(entry?.files) ? entry.files : []))
  ]);
  const removed: string[] = [];
  for (const file of [...earlier].sort()) {
    if (produced.has(file) || !isOwnedPath(file) || !effects.exists(join(out, file))) continue;
    effects.remove(join(out, file));
    removed.push(file);
  }
  effects.write(outputsRecordPath(out), `${JSON.stringify({files: [...produced].sort()}, null, 1)}\n`);
  return removed;
}

// A produced file is always a plain path below figures/ (never an absolute path or one that climbs out).
function isOwnedPath(file: string): boolean {
  return file.startsWith("figures/") && !file.split("/").some((part) => part === ".." || part === "." || part === "");
}

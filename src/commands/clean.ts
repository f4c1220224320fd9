// `orthogonal clean`: removes the cache and the files the build wrote in figures/ and site/, in a project folder only.
// Files the build did not write (a README, CNAME, the user's own files) are kept.
import {dirname, join} from "node:path";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {manifestPath, outputsRecordPath, readManifest, readOutputsRecord} from "../build/outputs.js";
import {siteRecordFiles} from "../build/site.js";
import {CliError, ExitCode} from "../contract/error.js";

/**
 * Deletes .cache/datasets, the build's records, and the files the build recorded as written under figures/ and site/
 * (and the folders that leaves empty). Throws a usage error, deleting nothing, when `root` is not a project (no
 * content/index.md). Returns the paths removed, relative to the root.
 */
export function clean(root: string, effects: Effects = fileEffects): string[] {
  if (!effects.exists(join(root, "content", "index.md"))) {
    throw new CliError(
      `clean: ${root} is not an orthogonal project (no content/index.md); nothing was deleted`,
      ExitCode.usage
    );
  }
  const manifest = readManifest(root, effects);
  const owned = new Set<string>([
    ".cache/datasets",
    ".cache/builds",
    "figures/manifest.json",
    "figures/provenance.json",
    ...readOutputsRecord(root, effects),
    ...Object.values(manifest).flatMap((entry) => (Array.isArray(entry?.files) ? entry.files : [])),
    ...siteRecordFiles(root, effects).map((file) => `site/${file}`),
    ...numberFiles(root, effects)
  ]);
  const removed: string[] = [];
  const folders = new Set<string>();
  for (const path of [...owned].sort()) {
    if (path.split("/").some((part) => part === ".." || part === "." || part === "")) continue;
    if (!effects.exists(join(root, path))) continue;
    effects.remove(join(root, path));
    removed.push(path);
    for (let dir = dirname(path); dir !== "." && dir !== "figures" && dir !== "site"; dir = dirname(dir))
      folders.add(dir);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    const dir = join(root, folder);
    if (effects.exists(dir) && effects.list(dir).length === 0) effects.remove(dir);
  }
  for (const record of [outputsRecordPath(root), join(root, ".cache", "site.json"), manifestPath(root)])
    effects.remove(record);
  return removed;
}

// The numbers files the build writes beside each paper's figures (figures/<paper>/numbers.tex and numbers.json).
function numberFiles(root: string, effects: Effects): string[] {
  const figures = join(root, "figures");
  if (!effects.exists(figures)) return [];
  return effects
    .list(figures)
    .filter((entry) => entry.folder)
    .flatMap((entry) => ["tex", "json"].map((ext) => `figures/${entry.name}/numbers.${ext}`));
}

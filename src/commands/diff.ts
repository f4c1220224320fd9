// `orthogonal diff [--against DIR|ARCHIVE] [--json]`: what changed in the paper between an earlier build and the
// current one. DIR is a build folder (holding figures/) or a figures/ folder; ARCHIVE a .tar.gz holding one (as
// `orthogonal pack` writes), extracted to a temporary folder. Without --against, the earlier build is the one before
// the last build that changed something. Exit 0 when nothing printed in the paper changed, 7 when something did.
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import type {BuildState} from "../build/changes.js";
import {changesJson, compareBuilds, formatChanges, readBuildState, readState, statePaths} from "../build/changes.js";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {CliError, ExitCode} from "../contract/error.js";

/** Options of `orthogonal diff`. */
export interface DiffOptions {
  root: string;
  /** An earlier build folder, figures/ folder or .tar.gz archive. */
  against?: string;
  json: boolean;
}

/** Compares the current build with an earlier one and prints the changes; returns the exit code. */
export async function diffCommand(options: DiffOptions, effects: Effects = fileEffects): Promise<number> {
  const {root, against, json} = options;
  let before: BuildState;
  let cleanup: (() => void) | undefined;
  if (against === undefined) {
    const previous = readState(statePaths(root).previous, effects);
    if (!previous) {
      throw new CliError(
        "no earlier build is recorded yet (.cache/builds/): build, change something and build again, or give --against DIR|ARCHIVE",
        ExitCode.usage
      );
    }
    before = previous;
  } else {
    const located = locateFigures(against);
    cleanup = located.cleanup;
    try {
      before = readBuildState(located.figures);
    } finally {
      cleanup?.();
    }
  }
  const changes = compareBuilds(before, readBuildState(join(root, "figures"), effects));
  effects.log(
    (json ? changesJson(changes) : formatChanges(changes, {against: against ?? "the previous build"})).trimEnd()
  );
  return changes.changed ? ExitCode.changed : ExitCode.ok;
}

/** Finds the figures/ folder of a build folder or archive (extracting an archive to a temporary folder). */
export function locateFigures(path: string): {figures: string; cleanup?: () => void} {
  if (!existsSync(path)) throw new CliError(`--against ${path}: no such file or folder`, ExitCode.usage);
  if (statSync(path).isFile()) {
    if (!/\.(tar\.gz|tgz)$/.test(path))
      throw new CliError(`--against ${path}: expected a build folder or a .tar.gz archive`, ExitCode.usage);
    const dir = mkdtempSync(join(tmpdir(), "orthogonal-diff-"));
    const cleanup = () => rmSync(dir, {recursive: true, force: true});
    const tar = spawnSync("tar", ["-xzf", path, "-C", dir, "--no-same-owner"], {encoding: "utf8"});
    if (tar.status !== 0) {
      cleanup();
      throw new CliError(
        `--against ${path}: cannot extract the archive: ${(tar.stderr || tar.error?.message || "").trim()}`,
        ExitCode.usage
      );
    }
    const figures = findFigures(dir, 3);
    if (!figures) {
      cleanup();
      throw new CliError(
        `--against ${path}: the archive holds no figures/ folder with a manifest.json`,
        ExitCode.usage
      );
    }
    return {figures, cleanup};
  }
  const figures =
    findFigures(path, 0) ??
    (basename(path) === "figures" || existsSync(join(path, "manifest.json")) ? path : undefined);
  if (!figures) throw new CliError(`--against ${path}: not a build folder (no figures/ folder in it)`, ExitCode.usage);
  return {figures};
}

/** The shallowest figures/ folder (holding manifest.json) within `depth` levels below `dir`. */
function findFigures(dir: string, depth: number): string | undefined {
  const candidate = join(dir, "figures");
  if (existsSync(join(candidate, "manifest.json"))) return candidate;
  if (depth === 0) return existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : undefined;
  for (const entry of readdirSync(dir, {withFileTypes: true})
    .filter((e) => e.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const found = findFigures(join(dir, entry.name), depth - 1);
    if (found) return found;
  }
  return undefined;
}

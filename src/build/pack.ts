// `orthogonal pack`: a versioned, self-contained, byte-reproducible archive of the publication. The archive
// (<name>.tar.gz, top folder <name>/) holds the committed source tree, the build's outputs under figures/
// (datasets, claims, figures, tables and manifest.json), CITATION.cff and .zenodo.json for this version,
// RELEASE.json (version, commit, date, profile) and MANIFEST.sha256 over every other file. Entries are sorted,
// dated at the commit, owned by uid/gid 0, and gzipped with fixed settings, so the same commit and outputs give
// the same bytes. Packing refuses a tree with uncommitted changes and outputs that are absent or stale.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {gunzipSync, gzipSync} from "node:zlib";
import type {Content} from "../contract/content.js";
import {CliError, ExitCode} from "../contract/error.js";
import type {Manifest} from "../contract/manifest.js";
import {citationCff, formatCff, zenodoJson} from "../site/citationFile.js";
import {DatasetCache} from "./cache.js";
import {writeFileAtomic} from "./effects.js";
import {sha256} from "./hash.js";
import {outputsDigest, packedOutputs, packRecordPath} from "./packRecord.js";
import type {PackRecord} from "./packRecord.js";
import {planExperiment} from "./plan.js";
import {loadProject, packageRoot} from "./project.js";
import {outputCodeHash} from "./publish.js";
import {readRelease, releaseFile, trackedFiles} from "./release.js";
import {resultHash, ResultsStore} from "./results.js";
import {SourceGraph} from "./sourceGraph.js";
import {readTar, writeTar} from "./tar.js";
import type {TarEntry} from "./tar.js";

/** Options of `orthogonal pack`. */
export interface PackOptions {
  root: string;
  /** Where the build wrote figures/ (default: root). The archive goes to <out>/dist/. */
  out?: string;
  /** The profile the outputs were built with. */
  profile: string;
}

/** The checksum file at the archive's top level. */
export const manifestFile = "MANIFEST.sha256";

/**
 * Writes <out>/dist/<name>.tar.gz and <out>/dist/pack.json. Throws a CliError (exit 6) naming what is wrong when
 * the tree has uncommitted changes or an output is absent or stale.
 */
export async function pack(options: PackOptions): Promise<PackRecord> {
  const {root, profile} = options;
  const out = options.out ?? root;
  const release = readRelease(root);
  const tracked = trackedFiles(root);
  if (release.source !== "git" || !tracked || !release.commit || !release.date) {
    throw new CliError(
      `cannot pack: ${root} is not the top folder of a git checkout (the archive holds the source of a commit)`,
      ExitCode.pack
    );
  }
  if (release.changed.length > 0) {
    throw new CliError(
      `cannot pack: uncommitted changes in ${list(release.changed)}; commit them (the archive holds the source of the commit)`,
      ExitCode.pack
    );
  }
  const {registry, content} = await loadProject(root, profile);
  const manifest = checkOutputs(root, out, content, registry, profile);

  const folder = `${packageName(root)}-${release.version}`;
  const entries: TarEntry[] = [];
  const generated = new Set(["CITATION.cff", ".zenodo.json", releaseFile, manifestFile]);
  for (const {path, mode} of tracked) {
    if (generated.has(path) || mode === "160000") continue;
    if (mode === "120000") throw new CliError(`cannot pack: ${path} is a symbolic link`, ExitCode.pack);
    entries.push({path, data: readFileSync(join(root, path)), mode: mode === "100755" ? 0o755 : 0o644});
  }
  const trackedPaths = new Set(tracked.map((t) => t.path));
  for (const path of packedOutputs(content, manifest)) {
    if (trackedPaths.has(path))
      throw new CliError(`cannot pack: ${path} is both a build output and a committed file`, ExitCode.pack);
    entries.push({path, data: readFileSync(join(out, path)), mode: 0o644});
  }
  const committedCff = trackedPaths.has("CITATION.cff") ? readFileSync(join(root, "CITATION.cff"), "utf8") : undefined;
  const cff = citationCff(committedCff, content, release);
  const text = (s: string) => new TextEncoder().encode(s);
  entries.push({path: "CITATION.cff", data: text(formatCff(cff)), mode: 0o644});
  entries.push({path: ".zenodo.json", data: text(zenodoJson(cff, content)), mode: 0o644});
  const releaseRecord = {name: folder, version: release.version, commit: release.commit, date: release.date, profile};
  entries.push({path: releaseFile, data: text(`${JSON.stringify(releaseRecord, null, 1)}\n`), mode: 0o644});
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sums = entries.map((e) => `${sha256(e.data)}  ${e.path}\n`).join("");
  entries.push({path: manifestFile, data: text(sums), mode: 0o644});
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const mtime = Math.floor(Date.parse(release.date) / 1000);
  const tar = writeTar(
    entries.map((e) => ({...e, path: `${folder}/${e.path}`})),
    mtime
  );
  const archive = gzipSync(tar, {level: 9, memLevel: 9, strategy: 0});
  const file = `${folder}.tar.gz`;
  writeFileAtomic(join(out, "dist", file), archive);
  const outputs = outputsDigest(
    new Map(packedOutputs(content, manifest).map((path) => [path, readFileSync(join(out, path))]))
  );
  const record: PackRecord = {
    file,
    folder,
    size: archive.length,
    sha256: sha256(archive),
    version: release.version,
    commit: release.commit,
    date: release.date,
    profile,
    files: entries.length,
    outputs
  };
  writeFileAtomic(join(out, packRecordPath), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}

/** What verifying an archive found. */
export interface VerifyResult {
  size: number;
  sha256: string;
  /** Files checked against MANIFEST.sha256. */
  files: number;
  /** Every problem: a file whose checksum differs, a listed file that is missing, a file that is not listed. */
  problems: string[];
}

/** Checks every checksum of MANIFEST.sha256 in an archive written by pack (a .tar.gz). */
export function verifyPack(archive: Uint8Array): VerifyResult {
  const result: VerifyResult = {size: archive.length, sha256: sha256(archive), files: 0, problems: []};
  let entries: TarEntry[];
  try {
    entries = readTar(gunzipSync(archive));
  } catch (error) {
    result.problems.push(`not a readable .tar.gz: ${(error as Error).message}`);
    return result;
  }
  const top = entries[0]?.path.split("/")[0];
  const byPath = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (!entry.path.startsWith(`${top}/`)) result.problems.push(`${entry.path}: outside the top folder ${top}/`);
    else byPath.set(entry.path.slice(top.length + 1), entry.data);
  }
  const sums = byPath.get(manifestFile);
  if (!sums) {
    result.problems.push(`no ${manifestFile} in ${top}/`);
    return result;
  }
  const listed = new Set<string>();
  for (const line of new TextDecoder().decode(sums).split("\n").filter(Boolean)) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) {
      result.problems.push(`${manifestFile}: malformed line ${JSON.stringify(line)}`);
      continue;
    }
    const [, sum, path] = match;
    listed.add(path);
    const data = byPath.get(path);
    if (!data) result.problems.push(`${path}: listed but missing`);
    else if (sha256(data) !== sum)
      result.problems.push(`${path}: checksum differs (expected ${sum}, found ${sha256(data)})`);
    else ++result.files;
  }
  for (const path of byPath.keys())
    if (path !== manifestFile && !listed.has(path)) result.problems.push(`${path}: not listed in ${manifestFile}`);
  return result;
}

/**
 * Checks that every output is there and is what the current source computes: each experiment's results match
 * the cache entries for the current pipeline source and parameters, its claims were evaluated, and every figure
 * and table was rendered from those results with the current plotting code. Returns the manifest.
 */
function checkOutputs(
  root: string,
  out: string,
  content: Content,
  registry: Awaited<ReturnType<typeof loadProject>>["registry"],
  profile: string
): Manifest {
  const problems: string[] = [];
  const manifestPath = join(out, "figures", "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new CliError(
      `cannot pack: no build outputs in ${join(out, "figures")}; run orthogonal build${profileFlag(profile)} first`,
      ExitCode.pack
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const graph = new SourceGraph(root, packageRoot);
  const cache = new DatasetCache(join(root, ".cache", "datasets"));
  for (const experiment of content.experiments) {
    const result = new ResultsStore(out).read(experiment);
    if (!result) {
      problems.push(`${experiment.id}: no results (figures/${experiment.paper}/data/${experiment.id}.json)`);
      continue;
    }
    const source = fileURLToPath(registry.pipelines[experiment.pipeline].source);
    const points = planExperiment(experiment, graph.hash(source));
    const current =
      points.length === result.points.length &&
      points.every((point, i) => {
        const stored = result.points[i];
        if (JSON.stringify(point.params) !== JSON.stringify(stored.params) || point.tasks.length !== stored.runs.length)
          return false;
        return point.tasks.every((task, j) => {
          const cached = cache.read(task.key);
          return (
            cached !== undefined &&
            stored.runs[j].seed === task.seed &&
            JSON.stringify(JSON.parse(cached)) === JSON.stringify(stored.runs[j].dataset)
          );
        });
      });
    if (!current)
      problems.push(
        `${experiment.id}: results are stale (computed from other source, parameters or seeds than the current ones${profile === "paper" ? "" : `, profile ${profile}`})`
      );
    if (!existsSync(join(out, "figures", experiment.paper, "data", `${experiment.id}.claims.json`)))
      problems.push(`${experiment.id}: claims not evaluated`);
    const hash = resultHash(result);
    for (const [kind, list] of [
      ["figure", experiment.figures.map((f) => [f.id, registry.plots[f.plot].source] as const)],
      ["table", experiment.tables.map((t) => [t.id, registry.tables[t.table].source] as const)]
    ] as const) {
      for (const [id, module] of list) {
        const entry = manifest[id];
        if (!entry) problems.push(`${id}: not rendered`);
        else if (entry.datasetHash !== hash || entry.codeHash !== outputCodeHash(graph, module, kind))
          problems.push(`${id}: rendered from other data or code`);
        else if (!entry.files.every((f) => existsSync(join(out, f))))
          problems.push(`${id}: a rendered file is missing`);
      }
    }
  }
  for (const id of Object.keys(manifest)) {
    if (!content.experiments.some((e) => e.figures.some((f) => f.id === id) || e.tables.some((t) => t.id === id)))
      problems.push(`${id}: in the manifest but no longer declared`);
  }
  if (problems.length > 0) {
    throw new CliError(
      `cannot pack: ${problems.length} output${problems.length > 1 ? "s are" : " is"} absent or stale; run orthogonal build${profileFlag(profile)} first:\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`,
      ExitCode.pack
    );
  }
  return manifest;
}

/** The package name from package.json ("orthogonal"). */
function packageName(root: string): string {
  try {
    const name = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {name?: unknown}).name;
    if (typeof name === "string" && /^[\w.-]+$/.test(name)) return name;
  } catch {
    // fall through
  }
  return "publication";
}

function profileFlag(profile: string): string {
  return profile === "paper" ? "" : ` --profile ${profile}`;
}

function list(paths: string[]): string {
  return paths.length <= 8 ? paths.join(", ") : `${paths.slice(0, 8).join(", ")} and ${paths.length - 8} more`;
}

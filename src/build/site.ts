// Builds the static companion website into <out>/site/. Every input (content files, CITATION.cff, manifest,
// results, claims, rendered figures and tables, the site's own source) is hashed into one key; when it matches
// the key of the last build and the files are still there, nothing is loaded or written.
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {katexPackageVersion} from "../site/assets.js";
import type {SiteInputs, SiteSource} from "../site/generate.js";
import {searchAvailable} from "../site/search.js";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256, stableStringify} from "./hash.js";
import {outputsDigest, packedOutputs, readPackRecord} from "./packRecord.js";
import {readRelease} from "./release.js";
import {claimsPath, resultPath} from "./results.js";
import type {SourceGraph} from "./sourceGraph.js";

/** What the site writer needs: the site's source, where the project and the outputs are, and the source graph. */
export interface SiteContext extends SiteSource {
  root: string;
  out: string;
  graph: SourceGraph;
  /** The parameter profile of the build ("paper" unless --profile). */
  profile?: string;
}

/** What the last site build recorded: its key and the files it wrote (site paths). */
interface SiteRecord {
  key: string;
  files: string[];
}

/** Bumped when the meaning of the key changes. */
const siteVersion = 2;

/**
 * Writes the site under `<out>/site/` (skipped when no input changed), removes pages of deleted figures and
 * tables, and returns the paths written, relative to `out`. Throws a ContentError for a broken link,
 * cross-reference or citation.
 */
export async function buildSite(context: SiteContext, effects: Effects = fileEffects): Promise<string[]> {
  const {out} = context;
  const inputs = await readSiteInputs(context, effects);
  const key = siteKey(context, inputs);
  const recordPath = join(out, ".cache", "site.json");
  const siteDir = join(out, "site");
  const record = readRecord(readText(effects, recordPath));
  if (record?.key === key && record.files.every((file) => effects.exists(join(siteDir, file)))) return [];

  const {generateSite} = await import("../site/generate.js");
  const files = await generateSite(context, inputs);
  const written: string[] = [];
  for (const [path, data] of files) if (effects.write(join(siteDir, path), data)) written.push(`site/${path}`);
  removeStale(siteDir, record?.files ?? [], new Set(files.keys()), effects);
  effects.write(recordPath, `${JSON.stringify({key, files: [...files.keys()]} satisfies SiteRecord)}\n`);
  return written;
}

/** Reads everything the site is made from. */
export async function readSiteInputs(context: SiteContext, effects: Effects = fileEffects): Promise<SiteInputs> {
  const {root, out, content, manifest} = context;
  const contentFiles = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of effects.list(dir)) {
      if (entry.name.startsWith(".")) continue;
      const path = `${prefix}/${entry.name}`;
      if (entry.folder) walk(join(dir, entry.name), path);
      else contentFiles.set(path, readText(effects, join(dir, entry.name)) ?? "");
    }
  };
  walk(join(root, "content"), "content");
  const citationPath = join(root, "CITATION.cff");
  const results = new Map<string, string | undefined>();
  const claims = new Map<string, string | undefined>();
  for (const experiment of content.experiments) {
    results.set(experiment.id, readText(effects, resultPath(out, experiment)));
    claims.set(experiment.id, readText(effects, claimsPath(out, experiment)));
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(manifest)) {
    for (const file of entry.files) {
      const data = effects.read(join(out, file));
      if (data !== undefined) files.set(file, data);
    }
  }
  const release = readRelease(root);
  // The last archive, linked only while it holds this commit and exactly these outputs.
  let archive: SiteInputs["archive"];
  const record = readPackRecord(out);
  if (record && record.commit === release.commit && release.changed.length === 0) {
    const packed = new Map<string, Uint8Array>();
    for (const path of packedOutputs(content, manifest)) {
      const data = effects.read(join(out, path));
      if (data !== undefined) packed.set(path, data);
    }
    const data = outputsDigest(packed) === record.outputs ? effects.read(join(out, "dist", record.file)) : undefined;
    if (data !== undefined && sha256(data) === record.sha256) archive = {record, data};
  }
  return {
    contentFiles,
    citation: readText(effects, citationPath),
    results,
    claims,
    files,
    release,
    archive,
    profile: context.profile ?? "paper",
    search: await searchAvailable()
  };
}

/** The key of a site build: SHA-256 over every input and the site's source. */
export function siteKey(context: SiteContext, inputs: SiteInputs): string {
  const {content, registry, manifest, graph} = context;
  const hashes = (map: Map<string, string | Uint8Array | undefined>) =>
    [...map].map(([name, data]) => [name, data === undefined ? null : sha256(data)]);
  const pipelines = Object.fromEntries(
    [...new Set(content.experiments.map((e) => e.pipeline))].sort().map((id) => {
      const pipeline = registry.pipelines[id];
      return [id, pipeline ? {description: pipeline.description, params: pipeline.params} : null];
    })
  );
  return sha256(
    stableStringify({
      siteVersion,
      source: graph.hash(fileURLToPath(import.meta.url)),
      katex: katexPackageVersion(),
      content: sha256(stableStringify(content)),
      contentFiles: hashes(inputs.contentFiles),
      citation: inputs.citation === undefined ? null : sha256(inputs.citation),
      results: hashes(inputs.results),
      claims: hashes(inputs.claims),
      files: hashes(inputs.files),
      manifest,
      pipelines,
      release: inputs.release,
      archive: inputs.archive ? inputs.archive.record : null,
      profile: inputs.profile,
      search: inputs.search,
      numbers: context.numbers
    })
  );
}

function readRecord(text: string | undefined): SiteRecord | undefined {
  try {
    const record = JSON.parse(text ?? "") as SiteRecord;
    return typeof record.key === "string" && Array.isArray(record.files) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Deletes the files an earlier site build wrote (listed in its record) that this build did not write (pages of deleted
 * figures …), and the folders that leaves empty. Files the build never wrote (CNAME, .nojekyll, the user's folders)
 * are kept.
 */
function removeStale(siteDir: string, earlier: readonly string[], keep: Set<string>, effects: Effects): void {
  const folders = new Set<string>();
  for (const path of earlier) {
    if (keep.has(path) || path.split("/").some((part) => part === ".." || part === "." || part === "")) continue;
    effects.remove(join(siteDir, path));
    for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1))
      folders.add(path.slice(0, slash));
  }
  // Deepest first, so that a folder emptied by removing its subfolders goes too.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    const dir = join(siteDir, folder);
    if (effects.exists(dir) && effects.list(dir).length === 0) effects.remove(dir);
  }
}

/** The site paths the last site build under `out` recorded as written (empty when there is no record). */
export function siteRecordFiles(out: string, effects: Effects = fileEffects): string[] {
  return readRecord(readText(effects, join(out, ".cache", "site.json")))?.files ?? [];
}

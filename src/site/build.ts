// Builds the static companion website into <out>/site/. Every input (content files, CITATION.cff, manifest,
// results, claims, rendered figures and tables, the site's own source) is hashed into one key; when it matches
// the key of the last build and the files are still there, nothing is loaded or written.
import {existsSync, readdirSync, readFileSync, rmdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {writeFileAtomic} from "../atomicWrite.js";
import {sha256, stableStringify} from "../hash.js";
import type {Manifest, PublishContext} from "../publish.js";
import {katexPackageVersion} from "./assets.js";
import type {SiteInputs} from "./generate.js";

/** What the last site build recorded: its key and the files it wrote (site paths). */
interface SiteRecord {
  key: string;
  files: string[];
}

/** Bumped when the meaning of the key changes. */
const siteVersion = 1;

/**
 * Writes the site under `<out>/site/` (skipped when no input changed), removes pages of deleted figures and
 * tables, and returns the paths written, relative to `out`. Throws a ContentError for a broken link,
 * cross-reference or citation.
 */
export async function buildSite(context: PublishContext & {manifest: Manifest}): Promise<string[]> {
  const {out} = context;
  const inputs = readSiteInputs(context);
  const key = siteKey(context, inputs);
  const recordPath = join(out, ".cache", "site.json");
  const siteDir = join(out, "site");
  const record = readRecord(recordPath);
  if (record?.key === key && record.files.every((file) => existsSync(join(siteDir, file)))) return [];

  const {generateSite} = await import("./generate.js");
  const files = generateSite(context, inputs);
  const written: string[] = [];
  for (const [path, data] of files) if (writeFileAtomic(join(siteDir, path), data)) written.push(`site/${path}`);
  removeStale(siteDir, new Set(files.keys()));
  writeFileAtomic(recordPath, `${JSON.stringify({key, files: [...files.keys()]} satisfies SiteRecord)}\n`);
  return written;
}

/** Reads everything the site is made from. */
export function readSiteInputs(context: PublishContext & {manifest: Manifest}): SiteInputs {
  const {root, out, content, manifest} = context;
  const contentFiles = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile()) contentFiles.set(path, readFileSync(join(dir, entry.name), "utf8"));
    }
  };
  walk(join(root, "content"), "content");
  const citationPath = join(root, "CITATION.cff");
  const results = new Map<string, string | undefined>();
  const claims = new Map<string, string | undefined>();
  for (const experiment of content.experiments) {
    // As resultPath in ../build.ts, not imported so that the site's key does not cover the whole engine.
    const path = join(out, "figures", experiment.paper, "data", `${experiment.id}.json`);
    results.set(experiment.id, readIfExists(path));
    claims.set(experiment.id, readIfExists(path.replace(/\.json$/, ".claims.json")));
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(manifest)) {
    for (const file of entry.files) {
      const path = join(out, file);
      if (existsSync(path)) files.set(file, readFileSync(path));
    }
  }
  return {contentFiles, citation: readIfExists(citationPath), results, claims, files};
}

/** The key of a site build: SHA-256 over every input and the site's source. */
export function siteKey(context: PublishContext & {manifest: Manifest}, inputs: SiteInputs): string {
  const {content, registry, manifest, graph} = context;
  const hashes = (map: Map<string, string | Uint8Array | undefined>) => [...map].map(([name, data]) => [name, data === undefined ? null : sha256(data)]);
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
      numbers: context.numbers
    })
  );
}

function readRecord(path: string): SiteRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, "utf8")) as SiteRecord;
    return typeof record.key === "string" && Array.isArray(record.files) ? record : undefined;
  } catch {
    return undefined;
  }
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** Deletes files under site/ that this build did not write (pages of deleted figures …), keeping site/README.md. */
function removeStale(siteDir: string, keep: Set<string>): void {
  const visit = (dir: string, prefix: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (visit(join(dir, entry.name), path)) rmdirSync(join(dir, entry.name));
        else empty = false;
      } else if (keep.has(path) || path === "README.md") {
        empty = false;
      } else {
        rmSync(join(dir, entry.name), {force: true});
      }
    }
    return empty;
  };
  if (existsSync(siteDir)) visit(siteDir, "");
}

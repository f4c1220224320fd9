// The provenance record of a build: when, on what machine and with which software it ran. Kept apart from the
// outputs (figures/provenance.json) so that nothing else ever depends on the clock or the machine.
import {arch, cpus, platform} from "node:os";
import {join} from "node:path";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {packageRoot} from "./project.js";

/** What the record says about one build. */
export interface ProvenanceInput {
  root: string;
  out: string;
  profile: string;
  jobs: number;
  experiments: string[];
  computed: number;
  cached: number;
  ms: number;
}

const packages = ["@observablehq/plot", "assemblyscript", "jsdom", "ml-matrix", "sharp", "tsx"];

/** Writes figures/provenance.json: build time, machine, Node and package versions, git commit, and what was run. */
export function writeProvenance(input: ProvenanceInput, effects: Effects = fileEffects): void {
  const versions: Record<string, string> = {node: process.versions.node, v8: process.versions.v8};
  for (const name of packages) {
    const manifest = readText(effects, join(packageRoot, "node_modules", name, "package.json"));
    if (manifest !== undefined) versions[name] = (JSON.parse(manifest) as {version: string}).version; // else not installed
  }
  const record = {
    builtAt: effects.now().toISOString(),
    commit: gitCommit(input.root, effects),
    machine: {platform: platform(), arch: arch(), cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length},
    versions,
    profile: input.profile,
    jobs: input.jobs,
    experiments: input.experiments,
    computed: input.computed,
    cached: input.cached,
    seconds: Math.round(input.ms) / 1000
  };
  effects.write(join(input.out, "figures", "provenance.json"), `${JSON.stringify(record, null, 1)}\n`);
}

// The checked-out commit, read from .git without running git (undefined outside a repository).
function gitCommit(root: string, effects: Effects): string | undefined {
  const head = readText(effects, join(root, ".git", "HEAD"))?.trim();
  if (head === undefined || !head.startsWith("ref: ")) return head;
  const ref = head.slice(5);
  const loose = readText(effects, join(root, ".git", ref));
  if (loose !== undefined) return loose.trim();
  const packed = readText(effects, join(root, ".git", "packed-refs"));
  return packed
    ?.split("\n")
    .find((line) => line.endsWith(` ${ref}`))
    ?.split(" ")[0];
}

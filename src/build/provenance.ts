// The provenance record of a build: when, on what machine and with which software it ran. Kept apart from the
// outputs (figures/provenance.json) so that nothing else ever depends on the clock or the machine.
import {existsSync, readFileSync} from "node:fs";
import {arch, cpus, platform} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {writeFileAtomic} from "./atomicWrite.js";

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

const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
const packages = ["@observablehq/plot", "assemblyscript", "jsdom", "ml-matrix", "sharp", "tsx"];

/** Writes figures/provenance.json: build time, machine, Node and package versions, git commit, and what was run. */
export function writeProvenance(input: ProvenanceInput): void {
  const versions: Record<string, string> = {node: process.versions.node, v8: process.versions.v8};
  for (const name of packages) {
    try {
      const manifest = readFileSync(join(packageRoot, "node_modules", name, "package.json"), "utf8");
      versions[name] = (JSON.parse(manifest) as {version: string}).version;
    } catch {
      // not installed: leave it out
    }
  }
  const record = {
    builtAt: new Date().toISOString(),
    commit: gitCommit(input.root),
    machine: {platform: platform(), arch: arch(), cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length},
    versions,
    profile: input.profile,
    jobs: input.jobs,
    experiments: input.experiments,
    computed: input.computed,
    cached: input.cached,
    seconds: Math.round(input.ms) / 1000
  };
  writeFileAtomic(join(input.out, "figures", "provenance.json"), `${JSON.stringify(record, null, 1)}\n`);
}

// The checked-out commit, read from .git without running git (undefined outside a repository).
function gitCommit(root: string): string | undefined {
  try {
    const head = readFileSync(join(root, ".git", "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head;
    const ref = head.slice(5);
    const loose = join(root, ".git", ref);
    if (existsSync(loose)) return readFileSync(loose, "utf8").trim();
    const packed = readFileSync(join(root, ".git", "packed-refs"), "utf8");
    return packed.split("\n").find((line) => line.endsWith(` ${ref}`))?.split(" ")[0];
  } catch {
    return undefined;
  }
}

// The test files in the order `npm test` runs them (test/run.ts), three at a time: the longest first (40–230 s each
// in a full run), so that no long file starts last and leaves one core idle at the end; then the rest in name
// order.
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const longest = [
  "test/site/browser-test.ts",
  "test/site/site-test.ts",
  "test/contract/declaredRanges-test.ts",
  "test/build/pack-test.ts",
  "test/slurm-test.ts",
  "test/build-test.ts",
  "test/cacheArchive-test.ts",
  "test/shard-test.ts",
  "test/figures/publication-test.ts",
  "test/commands/new-test.ts"
];

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), {withFileTypes: true}).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "input" ? [] : filesUnder(path);
    return entry.name.endsWith("-test.ts") ? [path] : [];
  });
}

/** Every *-test.ts file under test/ (not in input/ folders), the longest first, as absolute paths. */
export function testFiles(): string[] {
  const all = filesUnder("test").sort();
  const missing = longest.filter((file) => !all.includes(file));
  if (missing.length > 0) throw new Error(`test/files.ts: no such test file: ${missing.join(", ")}`);
  return [...longest, ...all.filter((file) => !longest.includes(file))].map((file) => join(root, file));
}

// orthogonal serve tells the author, after each rebuild, which claims and numbers changed since the previous build.
import assert from "node:assert/strict";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import type {BuildOutcome} from "../../src/commands/serve.js";
import {serve} from "../../src/commands/serve.js";
import {copyProject} from "../fixture.js";

test("serve prints the claims and numbers that a rebuild changed", async () => {
  const root = copyProject("basic");
  const controller = new AbortController();
  const lines: string[] = [];
  const waiting: ((outcome: BuildOutcome) => void)[] = [];
  const nextBuild = () => new Promise<BuildOutcome>((resolve) => waiting.push(resolve));
  const first = nextBuild();
  let onListen!: () => void;
  const listening = new Promise<void>((resolve) => (onListen = resolve));
  const stopped = serve({root, profile: "quick", port: 0, signal: controller.signal, onListen, onBuild: (b) => waiting.shift()?.(b), log: (line) => lines.push(line)});
  try {
    assert.equal((await first).ok, true);
    await listening; // the watchers start once the server listens
    const file = join(root, "content/demo/mean.md");
    const text = readFileSync(file, "utf8");
    const rebuilt = nextBuild();
    writeFileSync(file, text.replace("params: {n: 500}", "params: {n: 600}").replace("claim: variance within 10% of 1", "claim: variance within 0.001% of 1"));
    const outcome = await rebuilt;
    assert.equal(outcome.ok, true, outcome.message);
    assert.ok(lines.includes("  number drawsPerSeed: 500 → 600"), lines.join("\n"));
    assert.ok(lines.some((line) => /^ {2}number meanAtZero: \S+ ± \S+ → \S+ ± \S+$/.test(line)), lines.join("\n"));
    assert.ok(lines.includes("  claim ✓ → – demo-mean: variance within 10% of 1"), lines.join("\n"));
    assert.ok(lines.includes("  claim – → ✗ demo-mean: variance within 0.001% of 1"), lines.join("\n"));
  } finally {
    controller.abort();
    await stopped;
  }
});

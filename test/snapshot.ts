// File snapshots for tests: compare with test/output/<name>.<ext>; create missing ones (except in CI); on a mismatch
// write test/output/<name>-changed.<ext> and fail.
import assert from "node:assert/strict";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

/** Folder of expected outputs. */
export const outputDirectory = fileURLToPath(new URL("output/", import.meta.url));

/** Decides whether an actual output matches the snapshot; the default compares bytes. */
export type SnapshotComparison = (expected: Buffer, actual: Buffer) => boolean | Promise<boolean>;

/**
 * Asserts that `actual` equals the snapshot test/output/<name>.<ext> (name may contain folders). A missing snapshot
 * is written and the assertion passes, unless process.env.CI is "true", where it fails. On a mismatch, the actual
 * output is written next to the snapshot as <name>-changed.<ext> (to inspect, or to accept by renaming) and the
 * assertion fails; a stale -changed file is removed when the output matches again. Pass `compare` for outputs that
 * must not be compared by bytes (PNG: by decoded pixels within tolerance).
 */
export async function assertFileSnapshot(
  name: string,
  actual: string | Buffer,
  ext: string,
  compare?: SnapshotComparison
): Promise<void> {
  const expectedPath = join(outputDirectory, `${name}.${ext}`);
  const changedPath = join(outputDirectory, `${name}-changed.${ext}`);
  const bytes = typeof actual === "string" ? Buffer.from(actual, "utf8") : actual;
  if (!existsSync(expectedPath)) {
    if (process.env.CI === "true") assert.fail(`missing snapshot ${expectedPath} (snapshots are not created in CI)`);
    mkdirSync(dirname(expectedPath), {recursive: true});
    writeFileSync(expectedPath, bytes);
    return;
  }
  const expected = readFileSync(expectedPath);
  const equal = compare ? await compare(expected, bytes) : expected.equals(bytes);
  if (equal) {
    rmSync(changedPath, {force: true});
    return;
  }
  writeFileSync(changedPath, bytes);
  assert.fail(
    `${name}.${ext} differs from its snapshot${compare ? "" : describeDifference(expected, bytes)}; wrote ${changedPath}`
  );
}

function describeDifference(expected: Buffer, actual: Buffer): string {
  const a = expected.toString("utf8").split("\n");
  const b = actual.toString("utf8").split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); ++i) {
    if (a[i] !== b[i]) return ` at line ${i + 1}:\n- ${(a[i] ?? "").slice(0, 200)}\n+ ${(b[i] ?? "").slice(0, 200)}\n`;
  }
  return "";
}

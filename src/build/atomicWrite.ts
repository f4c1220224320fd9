// Writes a file so that readers only ever see the old content or the complete new content: write a temp
// file beside it, then rename over the target (atomic on POSIX file systems).
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";

let counter = 0;

/** Atomically replaces `path` with `data`, creating parent folders. Returns false if the content was already identical. */
export function writeFileAtomic(path: string, data: string | Uint8Array): boolean {
  try {
    const existing = readFileSync(path);
    if (existing.equals(typeof data === "string" ? Buffer.from(data) : data)) return false;
  } catch {
    // missing: write it
  }
  mkdirSync(dirname(path), {recursive: true});
  const temp = `${path}.${process.pid}.${++counter}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, {force: true});
    throw error;
  }
  return true;
}

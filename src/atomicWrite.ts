// Writes a file so that readers only ever see the old content or the complete new content: write a temp
// file beside it, then rename over the target (atomic on POSIX file systems).
import {randomBytes} from "node:crypto";
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {hostname} from "node:os";
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
  // Unique across the hosts sharing a folder, not only across this host's processes.
  const temp = `${path}.${hostname()}.${process.pid}.${++counter}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, {force: true});
    throw error;
  }
  return true;
}

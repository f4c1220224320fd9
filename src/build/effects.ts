// The build's effects: reading and writing files, the clock and the log, passed to the build, publishing,
// provenance, the site writer and the commands. The file-system default writes atomically (a temp file beside
// the target, then a rename, atomic on POSIX file systems); the in-memory one lets tests run the engine in-process.
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {hostname} from "node:os";
import {dirname} from "node:path";

/** What the engine does to the world, and nothing else. Paths are absolute. */
export interface Effects {
  /** The bytes of a file, or undefined when it does not exist. */
  read(path: string): Uint8Array | undefined;
  /** Replaces `path` with `data` atomically, creating folders; returns false when the content was already identical. */
  write(path: string, data: string | Uint8Array): boolean;
  /** Whether a file or folder exists. */
  exists(path: string): boolean;
  /** The names in a folder, sorted, with whether each is a folder; empty when the folder does not exist. */
  list(path: string): {name: string; folder: boolean}[];
  /** Removes a file or a folder with everything in it (nothing when missing). */
  remove(path: string): void;
  /** The current time. */
  now(): Date;
  /** Prints a line of output (stdout for the file-system effects). */
  log(line: string): void;
  /** Prints a line beside the output, such as timing after JSON (stderr for the file-system effects). */
  note(line: string): void;
}

/** Reads a file as UTF-8 text through `effects`, or undefined when it does not exist. */
export function readText(effects: Effects, path: string): string | undefined {
  const bytes = effects.read(path);
  return bytes === undefined ? undefined : Buffer.from(bytes).toString("utf8");
}

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
  // Unique across the hosts sharing a folder (a cache on a cluster file system), not only across this host's processes.
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

/** The file system, the system clock and stdout. */
export const fileEffects: Effects = {
  read(path) {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  write: writeFileAtomic,
  exists: existsSync,
  list(path) {
    if (!existsSync(path) || !statSync(path).isDirectory()) return [];
    return readdirSync(path, {withFileTypes: true})
      .map((entry) => ({name: entry.name, folder: entry.isDirectory()}))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  },
  remove(path) {
    rmSync(path, {recursive: true, force: true});
  },
  now: () => new Date(),
  log(line) {
    process.stdout.write(`${line}\n`);
  },
  note(line) {
    process.stderr.write(`${line}\n`);
  }
};

/** Effects on an in-memory file tree (absolute path → bytes), with a fixed clock and a log kept in `lines` (notes in `notes`). */
export class MemoryEffects implements Effects {
  readonly files = new Map<string, Uint8Array>();
  readonly lines: string[] = [];
  readonly notes: string[] = [];
  /** Paths written (and not skipped as identical), in order. */
  readonly written: string[] = [];

  constructor(
    files: Record<string, string | Uint8Array> = {},
    private readonly time = new Date("2026-01-01T00:00:00Z")
  ) {
    for (const [path, data] of Object.entries(files)) this.files.set(path, bytes(data));
  }

  read(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }

  /** The text of a file, or undefined. */
  text(path: string): string | undefined {
    const data = this.files.get(path);
    return data === undefined ? undefined : Buffer.from(data).toString("utf8");
  }

  write(path: string, data: string | Uint8Array): boolean {
    const next = bytes(data);
    const previous = this.files.get(path);
    if (previous !== undefined && Buffer.from(previous).equals(next)) return false;
    this.files.set(path, next);
    this.written.push(path);
    return true;
  }

  exists(path: string): boolean {
    return this.files.has(path) || [...this.files.keys()].some((file) => file.startsWith(`${path}/`));
  }

  list(path: string): {name: string; folder: boolean}[] {
    const names = new Map<string, boolean>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(`${path}/`)) continue;
      const rest = file.slice(path.length + 1);
      const slash = rest.indexOf("/");
      names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
    }
    return [...names].map(([name, folder]) => ({name, folder})).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  remove(path: string): void {
    for (const file of [...this.files.keys()])
      if (file === path || file.startsWith(`${path}/`)) this.files.delete(file);
  }

  now(): Date {
    return new Date(this.time);
  }

  log(line: string): void {
    this.lines.push(line);
  }

  note(line: string): void {
    this.notes.push(line);
  }
}

function bytes(data: string | Uint8Array): Buffer {
  return typeof data === "string" ? Buffer.from(data) : Buffer.from(data);
}

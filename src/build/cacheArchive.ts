// Cache archives, for machines that share no file system: `cache export FILE` packs every whole entry of a cache
// folder (and its times.json) into one gzip-compressed tar file; `cache import FILE…` checks every entry of every
// archive (name, key and checksum) before writing any, then adds those the cache lacks. Importing an entry twice
// changes nothing; a damaged archive is refused whole and leaves the cache as it was.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {gunzipSync, gzipSync} from "node:zlib";
import {CliError, ExitCode} from "../contract/error.js";
import {DatasetCache, parseCacheEntry} from "./cache.js";
import {writeFileAtomic} from "./effects.js";
import {readTaskTimes, timesPath, writeTaskTimes} from "./taskTimes.js";

/** What an export wrote. */
export interface ExportReport {
  entries: number;
  /** Entries left out because they are truncated or fail their checksum. */
  damaged: number;
  bytes: number;
}

/** What an import did. */
export interface ImportReport {
  archives: number;
  /** Entries written into the cache. */
  added: number;
  /** Entries the cache already held whole. */
  present: number;
  /** Task times added to times.json. */
  times: number;
}

const entryName = /^([0-9a-f]{2})\/([0-9a-f]{64})\.json$/;

/** Writes every whole entry of `cacheDir` (and times.json) to `file` as a deterministic .tar.gz. */
export function exportCache(cacheDir: string, file: string): ExportReport {
  const members: {name: string; data: Buffer}[] = [];
  let damaged = 0;
  const prefixes = existsSync(cacheDir)
    ? readdirSync(cacheDir)
        .filter((name) => /^[0-9a-f]{2}$/.test(name))
        .sort()
    : [];
  for (const prefix of prefixes) {
    for (const name of readdirSync(join(cacheDir, prefix)).sort()) {
      const match = entryName.exec(`${prefix}/${name}`);
      if (!match || match[2].slice(0, 2) !== prefix) continue; // temporary files of a write in progress
      const data = readFileSync(join(cacheDir, prefix, name));
      if (parseCacheEntry(match[2], data.toString("utf8")) === undefined) ++damaged;
      else members.push({name: `${prefix}/${name}`, data});
    }
  }
  if (existsSync(timesPath(cacheDir))) members.push({name: "times.json", data: readFileSync(timesPath(cacheDir))});
  const archive = gzipSync(tar(members), {level: 9});
  try {
    writeFileAtomic(file, archive);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return {entries: members.filter((m) => m.name !== "times.json").length, damaged, bytes: archive.length};
}

/** Checks every entry of every archive, then adds the entries `cacheDir` lacks; throws naming the first bad archive or entry. */
export function importCaches(cacheDir: string, files: string[]): ImportReport {
  const entries = new Map<string, string>(); // key → entry text
  const times: Record<string, number> = {};
  for (const file of files) {
    let members: {name: string; data: Buffer}[];
    try {
      members = untar(gunzipSync(readFileSync(file)));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new CliError(`cannot import ${file}: ${reason}`, ExitCode.usage);
    }
    for (const {name, data} of members) {
      if (name === "times.json") {
        try {
          const parsed = JSON.parse(data.toString("utf8")) as {tasks?: Record<string, unknown>};
          for (const [key, ms] of Object.entries(parsed.tasks ?? {}))
            if (typeof ms === "number" && Number.isFinite(ms) && ms >= 0) times[key] ??= ms;
        } catch {
          throw new CliError(`cannot import ${file}: times.json is not valid JSON`, ExitCode.usage);
        }
        continue;
      }
      const match = entryName.exec(name);
      if (!match || match[1] !== match[2].slice(0, 2))
        throw new CliError(`cannot import ${file}: unexpected member ${name}`, ExitCode.usage);
      const text = data.toString("utf8");
      if (parseCacheEntry(match[2], text) === undefined)
        throw new CliError(`cannot import ${file}: entry ${name} fails its checksum`, ExitCode.usage);
      entries.set(match[2], text);
    }
  }
  const cache = new DatasetCache(cacheDir);
  const report: ImportReport = {archives: files.length, added: 0, present: 0, times: 0};
  for (const [key, text] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (cache.readEntry(key) !== undefined) {
      ++report.present;
      continue;
    }
    writeFileAtomic(cache.path(key), text);
    ++report.added;
  }
  const local = readTaskTimes(cacheDir);
  const added = Object.entries(times).filter(([key]) => local.tasks[key] === undefined);
  if (added.length > 0) {
    for (const [key, ms] of added) local.tasks[key] = ms;
    writeTaskTimes(cacheDir, local);
    report.times = added.length;
  }
  return report;
}

/** "exported 152 entries (1.2 MB) to shard-1.tar.gz". */
export function formatExport(report: ExportReport, file: string): string {
  const damaged =
    report.damaged > 0 ? `; left out ${report.damaged} damaged entr${report.damaged === 1 ? "y" : "ies"}` : "";
  return `exported ${report.entries} entr${report.entries === 1 ? "y" : "ies"} (${(report.bytes / 1e6).toFixed(2)} MB) to ${basename(file)}${damaged}\n`;
}

/** "imported 2 archives: 40 entries added, 12 already present". */
export function formatImport(report: ImportReport): string {
  return `imported ${report.archives} archive${report.archives === 1 ? "" : "s"}: ${report.added} entr${report.added === 1 ? "y" : "ies"} added, ${report.present} already present\n`;
}

// A minimal POSIX ustar writer and reader: regular files only, fixed owner and time, so equal caches give equal archives.

function tar(members: {name: string; data: Buffer}[]): Buffer {
  const blocks: Buffer[] = [];
  for (const {name, data} of members) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 100, "utf8");
    header.write("0000644\0", 100);
    header.write("0000000\0", 108);
    header.write("0000000\0", 116);
    header.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124);
    header.write("00000000000\0", 136);
    header.write("        ", 148);
    header.write("0", 156);
    header.write("ustar\0", 257);
    header.write("00", 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function untar(archive: Buffer): {name: string; data: Buffer}[] {
  const members: {name: string; data: Buffer}[] = [];
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return members;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const stored = parseInt(field(148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < 512; ++i) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (stored !== sum) throw new Error(`tar header at byte ${offset} fails its checksum`);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const type = field(156, 1);
    const start = offset + 512;
    if (!Number.isSafeInteger(size) || start + size > archive.length) throw new Error(`member ${name} is truncated`);
    if (type === "0" || type === "")
      members.push({name: name.replace(/^\.\//, ""), data: archive.subarray(start, start + size)});
    else if (type !== "5") throw new Error(`member ${name} is not a regular file`);
    offset = start + Math.ceil(size / 512) * 512;
  }
  throw new Error("the archive ends without its end-of-archive blocks");
}

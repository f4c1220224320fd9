// A deterministic ustar writer and reader, enough for the publication archive: regular files only, sorted by the
// caller, one fixed mtime, uid/gid 0 with empty owner names, long paths split into the ustar prefix field.
// Reference: POSIX.1-2017, pax "ustar Interchange Format"
// (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06).

/** One file of an archive. */
export interface TarEntry {
  /** Path inside the archive, posix, relative ("orthogonal-0.1.0/src/cli.ts"). */
  path: string;
  data: Uint8Array;
  /** Permission bits (0o644 or 0o755). */
  mode: number;
}

const block = 512;

/** Writes a tar archive of `entries` in the given order, every entry with modification time `mtime` (seconds). */
export function writeTar(entries: readonly TarEntry[], mtime: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const entry of entries) {
    chunks.push(header(entry, mtime));
    chunks.push(entry.data);
    const pad = (block - (entry.data.length % block)) % block;
    if (pad) chunks.push(new Uint8Array(pad));
  }
  chunks.push(new Uint8Array(2 * block));
  return concat(chunks);
}

/** Reads the regular files of a ustar archive (directories are skipped); throws on a damaged header. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  const decoder = new TextDecoder();
  for (let offset = 0; offset + block <= archive.length;) {
    const head = archive.subarray(offset, offset + block);
    if (head.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      decoder.decode(head.subarray(start, start + length)).replace(/\0.*$/s, "");
    const stored = parseInt(field(148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < block; ++i) sum += i >= 148 && i < 156 ? 32 : head[i];
    if (stored !== sum) throw new Error(`damaged tar header at byte ${offset}`);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = field(0, 100);
    const path = prefix ? `${prefix}/${name}` : name;
    const start = offset + block;
    if (type === "0" || type === "") {
      entries.push({path, data: archive.slice(start, start + size), mode: parseInt(field(100, 8).trim(), 8)});
    }
    offset = start + Math.ceil(size / block) * block;
  }
  return entries;
}

function header(entry: TarEntry, mtime: number): Uint8Array {
  const head = new Uint8Array(block);
  const encoder = new TextEncoder();
  const put = (start: number, length: number, text: string) => {
    const bytes = encoder.encode(text);
    if (bytes.length > length) throw new Error(`tar: field too long for ${entry.path}`);
    head.set(bytes, start);
  };
  const octal = (start: number, length: number, value: number) =>
    put(start, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
  const [prefix, name] = splitPath(entry.path);
  put(0, 100, name);
  octal(100, 8, entry.mode);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, entry.data.length);
  octal(136, 12, mtime);
  put(148, 8, "        ");
  put(156, 1, "0");
  put(257, 6, "ustar\0");
  put(263, 2, "00");
  octal(329, 8, 0);
  octal(337, 8, 0);
  put(345, 155, prefix);
  let sum = 0;
  for (const b of head) sum += b;
  put(148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return head;
}

/** Splits a path into ustar's prefix (≤ 155 bytes) and name (≤ 100 bytes) at a slash. */
function splitPath(path: string): [string, string] {
  const length = new TextEncoder().encode(path).length;
  if (length <= 100) return ["", path];
  for (let i = path.indexOf("/"); i >= 0; i = path.indexOf("/", i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (new TextEncoder().encode(prefix).length <= 155 && new TextEncoder().encode(name).length <= 100)
      return [prefix, name];
  }
  throw new Error(`tar: path too long for ustar: ${path}`);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

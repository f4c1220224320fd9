// Which version of the publication a folder holds: the package version, and the commit with its date, read from
// git when the folder is the top of a repository, or from RELEASE.json when it was unpacked from an archive.
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, realpathSync} from "node:fs";
import {join} from "node:path";
import type {Release} from "../contract/release.js";

export type {Release};

/** The archive file that records its commit, written at the archive's top level. */
export const releaseFile = "RELEASE.json";

/** Reads the release of the project at `root` (never throws; `source: "none"` when neither git nor RELEASE.json tells). */
export function readRelease(root: string): Release {
  const version = packageVersion(root);
  const git = gitRelease(root);
  if (git) return {version, ...git, source: "git"};
  const file = join(root, releaseFile);
  if (existsSync(file)) {
    try {
      const record = JSON.parse(readFileSync(file, "utf8")) as {commit?: unknown; date?: unknown};
      return {
        version,
        commit: typeof record.commit === "string" ? record.commit : undefined,
        date: typeof record.date === "string" ? record.date : undefined,
        changed: [],
        source: "archive"
      };
    } catch {
      // unreadable: fall through
    }
  }
  return {version, changed: [], source: "none"};
}

/** The version field of the project's package.json ("0.0.0" when absent). */
export function packageVersion(root: string): string {
  try {
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {version?: unknown}).version;
    return typeof version === "string" ? version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The tracked files of HEAD with their git modes ("100644", "100755"), sorted by path; undefined outside git. */
export function trackedFiles(root: string): {path: string; mode: string}[] | undefined {
  if (!isRepositoryTop(root)) return undefined;
  const listing = git(root, ["ls-tree", "-r", "-z", "--full-tree", "HEAD"]);
  if (listing === undefined) return undefined;
  return listing
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [info, path] = line.split("\t");
      return {path, mode: info.split(" ")[0]};
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function gitRelease(root: string): Omit<Release, "version" | "source"> | undefined {
  if (!isRepositoryTop(root)) return undefined;
  const head = git(root, ["log", "-1", "--format=%H %ct"]);
  if (!head) return undefined;
  const [commit, seconds] = head.trim().split(" ");
  const status = git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all"]) ?? "";
  const changed = status
    .split("\0")
    .filter(Boolean)
    .filter((entry) => /^.. /.test(entry))
    .map((entry) => entry.slice(3))
    .sort();
  return {commit, date: new Date(Number(seconds) * 1000).toISOString().replace(/\.000Z$/, "Z"), changed};
}

function isRepositoryTop(root: string): boolean {
  const top = git(root, ["rev-parse", "--show-toplevel"]);
  if (top === undefined) return false;
  try {
    return realpathSync(top.trim()) === realpathSync(root);
  } catch {
    return false;
  }
}

function git(root: string, args: string[]): string | undefined {
  const result = spawnSync("git", ["-C", root, ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 64 * 1024 * 1024
  });
  return result.status === 0 ? result.stdout : undefined;
}

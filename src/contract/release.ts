// Which version of the publication a site or an archive shows: the release read from git or from an unpacked
// archive, and the record of the last archive written by \`orthogonal pack\` (types only).

/** The version of the publication in a project folder. */
export interface Release {
  /** The package version ("0.1.0"). */
  version: string;
  /** The full commit hash, when known. */
  commit?: string;
  /** The commit's date as an ISO 8601 UTC timestamp ("2026-12-03T08:27:00Z"), when known. */
  date?: string;
  /** Tracked or untracked files that differ from the commit (git only; empty for an archive). */
  changed: string[];
  /** Where the commit was read from. */
  source: "git" | "archive" | "none";
}

/** What `pack` wrote; also kept as <out>/dist/pack.json, which the site reads to link the archive. */
export interface PackRecord {
  /** The archive's file name ("orthogonal-0.1.0.tar.gz"). */
  file: string;
  /** Its top folder ("orthogonal-0.1.0"). */
  folder: string;
  size: number;
  sha256: string;
  version: string;
  commit: string;
  /** The commit's date (ISO 8601). */
  date: string;
  profile: string;
  /** Number of files in the archive. */
  files: number;
  /** SHA-256 over the packed outputs (see outputsDigest): the site links the archive only while it matches. */
  outputs: string;
}

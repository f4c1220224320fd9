// The command-line options of sharded builds, checked for the CLI: --cache (with $ORTHOGONAL_CACHE), --shard K/N,
// --collect N and --shards N.
import {assertWritableCache, resolveCacheDir} from "../build/cacheFolder.js";

export {defaultJobs} from "../build/pool.js";
export {parseShard, parseShardCount} from "../build/shard.js";

/** The cache folder named by --cache, $ORTHOGONAL_CACHE or the default; when `writable`, created and checked. */
export function cacheFolder(root: string, flag: string | undefined, writable: boolean): string {
  const dir = resolveCacheDir(root, flag);
  if (writable) assertWritableCache(dir);
  return dir;
}

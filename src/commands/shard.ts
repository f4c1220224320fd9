// `orthogonal build --shard K/N` (compute one shard into the cache) and `orthogonal build --collect N` (publish
// what N shards computed, computing nothing, or name each shard and experiment with tasks missing).
import {fileEffects} from "../build/effects.js";
import {buildShard, formatMissingShard, formatShardReport, missingShards} from "../build/shard.js";
import type {ShardSpec} from "../build/shard.js";
import {CliError, ExitCode} from "../contract/error.js";
import {runAndReport} from "./build.js";

/** Options shared by the two sharded forms of `orthogonal build`. */
export interface ShardCommandOptions {
  root: string;
  profile: string;
  cacheDir: string;
  jobs: number;
  only?: string;
  force?: boolean;
  out?: string;
}

/** Computes shard K of N into the cache; exits 4 when a task failed (recorded for `--collect`). */
export async function shardCommand(options: ShardCommandOptions & {shard: ShardSpec}): Promise<number> {
  const report = await buildShard({...options, log: (line) => process.stderr.write(`${line}\n`)});
  process.stdout.write(formatShardReport(report));
  return report.failures.length > 0 ? ExitCode.pipeline : ExitCode.ok;
}

/** Publishes once every shard's tasks are in the cache; otherwise fails naming each incomplete shard. */
export async function collectCommand(options: ShardCommandOptions & {shards: number}): Promise<number> {
  const missing = await missingShards(options.root, options.profile, options.cacheDir, options.shards, options.only);
  if (missing.length > 0) {
    for (const shard of missing.slice(0, -1)) process.stderr.write(`error: ${formatMissingShard(shard)}\n`);
    throw new CliError(formatMissingShard(missing.at(-1)!), ExitCode.pipeline);
  }
  const {root, profile, cacheDir, jobs, only, out} = options;
  return runAndReport({root, profile, cache: cacheDir, jobs, only, out, publish: true}, fileEffects);
}

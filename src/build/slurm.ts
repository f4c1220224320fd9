// Slurm job scripts for a sharded build: a job array with one task per shard, each running
// `orthogonal build --shard $SLURM_ARRAY_TASK_ID/N` into the shared cache, and a publishing job that starts when
// every array task has ended and runs `orthogonal build --collect N`, which names the shard and experiment of
// anything missing. The scripts are plain text, written before submission, so they can be read and re-submitted.
import {fileURLToPath} from "node:url";

/** What the job scripts run, and where. */
export interface SlurmScriptOptions {
  /** Absolute project root; the jobs run there. */
  root: string;
  profile: string;
  /** Absolute dataset cache folder, on a file system every node sees. */
  cacheDir: string;
  shards: number;
  /** CPUs per array task (the worker threads of each shard). */
  cpus: number;
  partition?: string;
  /** Slurm time limit per array task, e.g. "02:00:00". */
  time?: string;
  only?: string;
  /** Folder of the scripts and of the logs/ they write. */
  dir: string;
  /** The node binary and the orthogonal entry point the jobs run. */
  node?: string;
  cli?: string;
}

/** The orthogonal entry point of this package. */
export const cliPath = fileURLToPath(new URL("../../bin/orthogonal.js", import.meta.url));

/** The sbatch script of the shard array. */
export function shardScript(options: SlurmScriptOptions): string {
  const {shards, cpus} = options;
  return [
    "#!/bin/bash",
    "# Computes one shard of the build into the shared cache; publishes nothing.",
    "#SBATCH --job-name=orthogonal-shards",
    `#SBATCH --array=1-${shards}`,
    "#SBATCH --ntasks=1",
    `#SBATCH --cpus-per-task=${cpus}`,
    ...directives(options),
    `#SBATCH --chdir=${options.root}`,
    `#SBATCH --output=${options.dir}/logs/shard-%A-%a.out`,
    "set -euo pipefail",
    `exec ${command(options, ["build", "--shard", `"$SLURM_ARRAY_TASK_ID/${shards}"`, "--jobs", `"\${SLURM_CPUS_PER_TASK:-${cpus}}"`])}`,
    ""
  ].join("\n");
}

/** The sbatch script of the publishing job, which runs after the array job `arrayJob`. */
export function publishScript(options: SlurmScriptOptions, arrayJob: string): string {
  const rerun = ["orthogonal", "slurm", "--shards", String(options.shards), ...rerunFlags(options)].join(" ");
  return [
    "#!/bin/bash",
    `# Publishes figures, tables and the site once every shard of job ${arrayJob} has ended; computes nothing.`,
    "#SBATCH --job-name=orthogonal-publish",
    "#SBATCH --ntasks=1",
    `#SBATCH --cpus-per-task=${options.cpus}`,
    ...directives(options),
    `#SBATCH --chdir=${options.root}`,
    `#SBATCH --output=${options.dir}/logs/publish-%j.out`,
    "set -uo pipefail",
    `${command(options, ["build", "--collect", String(options.shards), "--jobs", `"\${SLURM_CPUS_PER_TASK:-${options.cpus}}"`])}`,
    "status=$?",
    "if [ $status -ne 0 ]; then",
    `  echo ${quote(`shard logs: ${options.dir}/logs/shard-${arrayJob}-K.out; run \`${rerun}\` again to compute only what is missing`)} >&2`,
    "fi",
    "exit $status",
    ""
  ].join("\n");
}

/** Quotes a word for bash. */
export function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function directives(options: SlurmScriptOptions): string[] {
  const lines: string[] = [];
  if (options.partition !== undefined) lines.push(`#SBATCH --partition=${options.partition}`);
  if (options.time !== undefined) lines.push(`#SBATCH --time=${options.time}`);
  return lines;
}

function command(options: SlurmScriptOptions, args: string[]): string {
  const words = [quote(options.node ?? process.execPath), quote(options.cli ?? cliPath), ...args];
  words.push("--root", quote(options.root), "--profile", quote(options.profile), "--cache", quote(options.cacheDir));
  if (options.only !== undefined) words.push("--only", quote(options.only));
  return words.join(" ");
}

function rerunFlags(options: SlurmScriptOptions): string[] {
  const flags: string[] = [];
  if (options.partition !== undefined) flags.push("--partition", options.partition);
  if (options.time !== undefined) flags.push("--time", options.time);
  flags.push("--cpus", String(options.cpus));
  if (options.profile !== "paper") flags.push("--profile", options.profile);
  if (options.only !== undefined) flags.push("--only", options.only);
  return flags;
}

// `orthogonal slurm`: writes the sbatch scripts of a sharded build (a job array, one task per shard, and a publishing
// job after it), submits both with sbatch unless --dry-run, and prints the job ids and how to follow them.
import {spawnSync} from "node:child_process";
import {accessSync, constants, mkdirSync} from "node:fs";
import {delimiter, join, relative} from "node:path";
import {writeFileAtomic} from "../build/effects.js";
import {planTasks, shardPlan} from "../build/shard.js";
import {publishScript, shardScript} from "../build/slurm.js";
import type {SlurmScriptOptions} from "../build/slurm.js";
import {CliError, ExitCode} from "../contract/error.js";

/** Options of `orthogonal slurm`. */
export interface SlurmCommandOptions {
  root: string;
  profile: string;
  cacheDir: string;
  shards: number;
  cpus: number;
  partition?: string;
  time?: string;
  only?: string;
  dryRun: boolean;
}

/** What the command wrote and submitted. */
export interface SlurmSubmission {
  scripts: {shards: string; publish: string};
  arrayJob?: string;
  publishJob?: string;
}

/** Writes the scripts and, unless dryRun, submits them; returns the exit code. */
export async function slurmCommand(options: SlurmCommandOptions): Promise<number> {
  if (options.partition !== undefined && !/^[\w.-]+(,[\w.-]+)*$/.test(options.partition)) {
    throw new CliError(`invalid --partition ${options.partition}: expected a partition name`, ExitCode.usage);
  }
  if (options.time !== undefined && !/^(\d+-)?\d+(:\d+){0,2}$|^(UNLIMITED|INFINITE)$/i.test(options.time)) {
    throw new CliError(`invalid --time ${options.time}: expected minutes, HH:MM:SS or D-HH:MM:SS`, ExitCode.usage);
  }
  const sbatch = options.dryRun ? undefined : findOnPath("sbatch");
  if (!options.dryRun && sbatch === undefined) {
    throw new CliError(
      "sbatch not found on PATH: run this on a Slurm login node, or pass --dry-run to only write the scripts"
    );
  }
  const {tasks} = await planTasks(options.root, options.profile, options.only);
  const plan = shardPlan(tasks, options.shards, options.cacheDir, options.cpus);
  const dir = join(options.root, ".cache", "slurm");
  mkdirSync(join(dir, "logs"), {recursive: true});
  const scriptOptions: SlurmScriptOptions = {...options, dir};
  const scripts = {shards: join(dir, "shards.sbatch"), publish: join(dir, "publish.sbatch")};
  writeFileAtomic(scripts.shards, shardScript(scriptOptions));
  writeFileAtomic(scripts.publish, publishScript(scriptOptions, "$ARRAY_JOB"));
  const predicted =
    plan.predictedMs === undefined ? "" : `, predicted makespan ${(Math.max(...plan.predictedMs) / 1000).toFixed(1)}s`;
  const summary = `${tasks.length} tasks in ${options.shards} shard${options.shards === 1 ? "" : "s"} of ${options.cpus} CPU${options.cpus === 1 ? "" : "s"}${predicted}`;
  const shown = (path: string) => relative(process.cwd(), path) || path;
  if (options.dryRun) {
    process.stdout.write(
      `wrote ${shown(scripts.shards)} and ${shown(scripts.publish)} (${summary})\n` +
        `submit with: sbatch ${shown(scripts.shards)}, then sbatch --dependency=afterany:<array job id> ${shown(scripts.publish)}\n`
    );
    return ExitCode.ok;
  }
  const arrayJob = submit(sbatch!, ["--parsable", scripts.shards], "the shard array");
  writeFileAtomic(scripts.publish, publishScript(scriptOptions, arrayJob));
  let publishJob: string;
  try {
    publishJob = submit(
      sbatch!,
      ["--parsable", `--dependency=afterany:${arrayJob}`, "--kill-on-invalid-dep=yes", scripts.publish],
      "the publishing job"
    );
  } catch (error) {
    spawnSync("scancel", [arrayJob], {stdio: "ignore"});
    throw error;
  }
  process.stdout.write(
    `submitted shards as job ${arrayJob} (array 1-${options.shards}; ${summary})\n` +
      `submitted publishing as job ${publishJob} (starts when every shard has ended)\n` +
      `follow with: squeue -j ${arrayJob},${publishJob}\n` +
      `logs: ${shown(join(dir, "logs", `shard-${arrayJob}-*.out`))} and ${shown(join(dir, "logs", `publish-${publishJob}.out`))}\n`
  );
  return ExitCode.ok;
}

/** The absolute path of an executable found on PATH, or undefined. */
export function findOnPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

// Runs sbatch --parsable; returns the job id ("12", or "12;cluster" → "12"), or throws with sbatch's first error.
function submit(sbatch: string, args: string[], what: string): string {
  const result = spawnSync(sbatch, args, {encoding: "utf8"});
  if (result.status !== 0) {
    // The first error names the culprit ("invalid partition specified: gpu"), unless a fatal one follows.
    const lines = `${result.stderr ?? ""}`.split("\n").filter((line) => line.trim());
    const line =
      lines.find((l) => l.startsWith("sbatch: fatal: ")) ??
      lines.find((l) => l.startsWith("sbatch: error: ")) ??
      lines[0];
    const reason =
      line?.replace(/^sbatch: (error|fatal): /, "").trim() ?? result.error?.message ?? `exit status ${result.status}`;
    throw new CliError(`sbatch could not submit ${what}: ${reason}`);
  }
  const id = result.stdout.trim().split(";")[0];
  if (!/^\d+$/.test(id)) throw new CliError(`sbatch gave no job id for ${what}: ${result.stdout.trim()}`);
  return id;
}

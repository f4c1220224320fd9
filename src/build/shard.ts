// Sharded builds: the tasks of a build (experiment × sweep point × seed) split into N shards, balanced by the task
// times earlier builds recorded (longest first onto the least loaded shard) or, without times, by a hash of each
// task. Every shard computes the same split from the same inputs, so N processes on N machines agree on who
// computes what without talking to each other; `build --shard K/N` computes shard K into the cache, publishing
// nothing, and `build --collect N` publishes once every shard is in, naming the shard of anything missing.
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Experiment} from "../contract/content.js";
import {CliError, ExitCode} from "../contract/error.js";
import {DatasetCache} from "./cache.js";
import {writeFileAtomic} from "./effects.js";
import {sha256} from "./hash.js";
import {compileKernels} from "./kernels.js";
import {matchesPattern, planExperiment} from "./plan.js";
import type {PlannedTask} from "./plan.js";
import {WorkerPool} from "./pool.js";
import {loadProject, packageRoot} from "./project.js";
import {SourceGraph} from "./sourceGraph.js";
import {readTaskTimes, recordTaskTimes, timeKey} from "./taskTimes.js";
import type {TaskTimes} from "./taskTimes.js";

/** Shard K of N, with 1 ≤ K ≤ N (K is Slurm's $SLURM_ARRAY_TASK_ID, or a CI matrix value). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** A planned task with what the shard split needs: its time key and its recorded or estimated time. */
export interface ShardTask {
  task: PlannedTask;
  /** The key of its recorded time (pipeline, params, seed). */
  time: string;
  /** Milliseconds recorded for this task, or estimated from its experiment; undefined without any times. */
  ms?: number;
  /** Whether `ms` was measured for this very task. */
  recorded: boolean;
}

/** The split of a build's tasks into shards. */
export interface ShardPlan {
  count: number;
  /** Worker threads per shard, used for the predictions. */
  workers: number;
  /** "times" when balanced by recorded times, "hash" when no time was recorded for any task. */
  balance: "times" | "hash";
  shards: ShardTask[][];
  /** Predicted wall time of each shard (start-up plus its tasks on `workers` threads), when times are known. */
  predictedMs?: number[];
  startupMs: number;
  tasks: number;
  /** Tasks whose time is an estimate (no time recorded for them). */
  estimated: number;
}

/** The start-up assumed when no build has recorded one: loading content, hashing sources, starting workers. */
const defaultStartupMs = 2000;

/** Parses "K/N" (1 ≤ K ≤ N); throws a usage error naming the spec otherwise. */
export function parseShard(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new CliError(`invalid shard ${text}: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`, ExitCode.usage);
  }
  return {index, count};
}

/** Parses a shard count (a positive integer, at most 10000). */
export function parseShardCount(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 10000) {
    throw new CliError(`${flag} expects a number of shards from 1 to 10000, got ${text}`, ExitCode.usage);
  }
  return n;
}

/** Attaches recorded times to tasks; a task without one gets the mean of its experiment's recorded tasks, or of all. */
export function estimateTimes(tasks: PlannedTask[], times: TaskTimes): ShardTask[] {
  const items = tasks.map((task) => {
    const time = timeKey(task);
    const ms = times.tasks[time];
    return {task, time, ms, recorded: ms !== undefined};
  });
  const known = items.filter((item) => item.recorded);
  if (known.length === 0) return items;
  const mean = (list: ShardTask[]) => list.reduce((sum, item) => sum + item.ms!, 0) / list.length;
  const overall = mean(known);
  const byExperiment = new Map<string, number>();
  for (const experiment of new Set(known.map((item) => item.task.experiment))) {
    byExperiment.set(experiment, mean(known.filter((item) => item.task.experiment === experiment)));
  }
  return items.map((item) => (item.recorded ? item : {...item, ms: byExperiment.get(item.task.experiment) ?? overall}));
}

/**
 * Splits tasks into `count` shards. With times: longest first, each onto the shard with the least work so far
 * (ties: lower shard). Without: ordered by a hash of the time key and dealt round-robin. Either way the result
 * depends only on the tasks and their times, so every shard computes the same split.
 */
export function assignShards(items: ShardTask[], count: number): {balance: "times" | "hash"; shards: ShardTask[][]} {
  const shards: ShardTask[][] = Array.from({length: count}, () => []);
  if (items.length > 0 && items.every((item) => item.ms !== undefined)) {
    const loads = new Array<number>(count).fill(0);
    const order = [...items].sort((a, b) => b.ms! - a.ms! || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    for (const item of order) {
      let best = 0;
      for (let i = 1; i < count; ++i) if (loads[i] < loads[best]) best = i;
      shards[best].push(item);
      loads[best] += item.ms!;
    }
    return {balance: "times", shards};
  }
  const order = items
    .map((item) => ({item, hash: sha256(item.time)}))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  order.forEach(({item}, i) => shards[i % count].push(item));
  return {balance: "hash", shards};
}

/** The wall time of tasks run in the given order on `workers` threads, each taking the next task when free. */
export function listScheduleMs(ms: number[], workers: number): number {
  const free = new Array<number>(Math.max(1, workers)).fill(0);
  for (const t of ms) {
    let first = 0;
    for (let i = 1; i < free.length; ++i) if (free[i] < free[first]) first = i;
    free[first] += t;
  }
  return Math.max(...free);
}

/** Plans every task of a build (after --only) as the build would. */
export async function planTasks(
  root: string,
  profile: string,
  only?: string
): Promise<{registryFile: string; experiments: Experiment[]; tasks: PlannedTask[]}> {
  const {registry, registryFile, content} = await loadProject(root, profile);
  const experiments = content.experiments.filter((e) => !only || matchesPattern(e.id, only));
  if (only && experiments.length === 0) throw new CliError(`no experiment matches --only ${only}`, ExitCode.usage);
  const graph = new SourceGraph(root, packageRoot);
  const tasks = experiments.flatMap((experiment) => {
    const source = fileURLToPath(registry.pipelines[experiment.pipeline].source);
    return planExperiment(experiment, graph.hash(source)).flatMap((point) => point.tasks);
  });
  return {registryFile, experiments, tasks};
}

/** Splits planned tasks into `count` shards using the times recorded in `cacheDir`, with predictions. */
export function shardPlan(tasks: PlannedTask[], count: number, cacheDir: string, workers = 1): ShardPlan {
  const times = readTaskTimes(cacheDir);
  const items = estimateTimes(tasks, times);
  const {balance, shards} = assignShards(items, count);
  const startupMs = times.startupMs ?? defaultStartupMs;
  const plan: ShardPlan = {
    count,
    workers,
    balance,
    shards,
    startupMs,
    tasks: tasks.length,
    estimated: items.filter((i) => !i.recorded).length
  };
  if (balance === "times")
    plan.predictedMs = shards.map((shard) =>
      shard.length === 0
        ? 0
        : startupMs +
          listScheduleMs(
            shard.map((item) => item.ms!),
            workers
          )
    );
  return plan;
}

/** Options of `orthogonal build --shard K/N`. */
export interface ShardBuildOptions {
  root: string;
  profile: string;
  cacheDir: string;
  shard: ShardSpec;
  jobs: number;
  only?: string;
  force?: boolean;
  /** Receives one line per failed task. */
  log?: (line: string) => void;
}

/** What a shard build did. */
export interface ShardReport {
  shard: ShardSpec;
  tasks: number;
  computed: number;
  cached: number;
  failures: {experiment: string; label: string; message: string}[];
  ms: number;
}

/**
 * Computes the tasks of one shard that the cache lacks and writes them to the cache; publishes nothing. A failed
 * task is recorded beside the cache (failures/<key>.json), so that `build --collect` can say what went wrong.
 */
export async function buildShard(options: ShardBuildOptions): Promise<ShardReport> {
  const start = performance.now();
  const {shard, cacheDir, force = false, log = () => {}} = options;
  const {registryFile, tasks} = await planTasks(options.root, options.profile, options.only);
  const plan = shardPlan(tasks, shard.count, cacheDir, options.jobs);
  const mine = plan.shards[shard.index - 1];
  const cache = new DatasetCache(cacheDir);
  const report: ShardReport = {shard, tasks: mine.length, computed: 0, cached: 0, failures: [], ms: 0};
  const pool = new WorkerPool(registryFile, options.jobs, compileKernels);
  let startupMs: number | undefined;
  try {
    // Dispatched in the order of the split (longest first), which is also the order the prediction assumes.
    await Promise.all(
      mine.map(async ({task}) => {
        if (!force && cache.read(task.key) !== undefined) {
          ++report.cached;
          return;
        }
        try {
          const {json, ms} = await pool.run(task);
          cache.write(task.key, json, ms);
          startupMs = Math.min(startupMs ?? Infinity, performance.now() - ms);
          rmSync(failurePath(cacheDir, task.key), {force: true});
          ++report.computed;
        } catch (error) {
          const failure = {experiment: task.experiment, label: task.label, message: (error as Error).message};
          report.failures.push(failure);
          writeFileAtomic(
            failurePath(cacheDir, task.key),
            `${JSON.stringify({...failure, shard: `${shard.index}/${shard.count}`})}\n`
          );
          log(`✗ ${task.label}: ${failure.message}`);
        }
      })
    );
  } finally {
    await pool.close();
  }
  // Only the start-up is recorded here: the task times, which decide the split, change only in plain builds, so
  // that shards starting at different times agree.
  recordTaskTimes(cacheDir, new Map(), startupMs);
  report.ms = performance.now() - start;
  return report;
}

/** One line describing a shard build. */
export function formatShardReport(report: ShardReport): string {
  const {shard} = report;
  return (
    `shard ${shard.index}/${shard.count}: ${report.tasks} task${report.tasks === 1 ? "" : "s"} ` +
    `(computed ${report.computed}, cached ${report.cached}, failed ${report.failures.length}); ${(report.ms / 1000).toFixed(1)}s\n`
  );
}

/** A shard with tasks missing from the cache, as `build --collect` reports it. */
export interface MissingShard {
  shard: ShardSpec;
  /** Experiment id → missing tasks, with the message of a recorded failure when there is one. */
  experiments: Map<string, {missing: number; of: number; failure?: string}>;
}

/** The shards of a build split `count` ways whose tasks the cache lacks (empty when everything is in). */
export async function missingShards(
  root: string,
  profile: string,
  cacheDir: string,
  count: number,
  only?: string
): Promise<MissingShard[]> {
  const {tasks} = await planTasks(root, profile, only);
  const plan = shardPlan(tasks, count, cacheDir);
  const cache = new DatasetCache(cacheDir);
  const missing: MissingShard[] = [];
  plan.shards.forEach((items, i) => {
    const experiments = new Map<string, {missing: number; of: number; failure?: string}>();
    for (const {task} of items) {
      const entry = experiments.get(task.experiment) ?? {missing: 0, of: 0};
      ++entry.of;
      if (cache.read(task.key) === undefined) {
        ++entry.missing;
        entry.failure ??= readFailure(cacheDir, task.key);
      }
      experiments.set(task.experiment, entry);
    }
    for (const [id, entry] of experiments) if (entry.missing === 0) experiments.delete(id);
    if (experiments.size > 0) missing.push({shard: {index: i + 1, count}, experiments});
  });
  return missing;
}

/** "shard 2/4 did not complete: experiment demo-mean (3 of 4 tasks missing: pipeline … failed)". */
export function formatMissingShard({shard, experiments}: MissingShard): string {
  const parts = [...experiments].map(
    ([id, {missing, of, failure}]) =>
      `experiment ${id} (${missing} of ${of} task${of === 1 ? "" : "s"} missing${failure ? `: ${failure}` : ""})`
  );
  return `shard ${shard.index}/${shard.count} did not complete: ${parts.join("; ")}`;
}

function failurePath(cacheDir: string, key: string): string {
  return join(cacheDir, "failures", `${key}.json`);
}

function readFailure(cacheDir: string, key: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(failurePath(cacheDir, key), "utf8")) as {message?: string}).message;
  } catch {
    return undefined;
  }
}

// Orchestrates a build in three stages: compute (plan tasks, take what the cache has, run the rest), check claims
// (evaluate them on the results), and publish (figures, tables, the site). Every file goes through `effects`.
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {ClaimResult} from "../contract/claims.js";
import type {Content, Experiment} from "../contract/content.js";
import type {Dataset} from "../contract/dataset.js";
import {CliError, ExitCode} from "../contract/error.js";
import type {Registry} from "../contract/registry.js";
import type {ExperimentResult} from "../contract/results.js";
import {DatasetCache} from "./cache.js";
import {evaluateClaim} from "./claims.js";
import {defaultProfile} from "./content.js";
import {fileEffects} from "./effects.js";
import type {Effects} from "./effects.js";
import {compileKernels} from "./kernels.js";
import {matchesPattern, planExperiment} from "./plan.js";
import type {PlannedPoint, PlannedTask} from "./plan.js";
import {defaultJobs, WorkerPool} from "./pool.js";
import {silentProgress} from "./progress.js";
import type {Progress} from "./progress.js";
import type {PrintedNumber} from "./numbers.js";
import {collectNumbers, numberFiles} from "./numbers.js";
import {loadProject, packageRoot} from "./project.js";
import {writeProvenance} from "./provenance.js";
import {assemble, ResultsStore} from "./results.js";
import type {TaskRunner} from "./runner.js";
import {SourceGraph} from "./sourceGraph.js";
import {recordTaskTimes, timeKey} from "./taskTimes.js";

/** Options of `orthogonal build`. */
export interface BuildOptions {
  /** The project root holding content/ (and optionally pipelines/index.ts). */
  root: string;
  /** Only experiments whose id matches (comma-separated globs or substrings). */
  only?: string;
  /** Number of worker threads; defaults to the number of cores. */
  jobs?: number;
  /** Recompute even what the cache has. */
  force?: boolean;
  /** Parameter profile ("paper" by default, "quick" for tests). */
  profile?: string;
  progress?: Progress;
  /** Render figures, tables and the site after the experiments (default true). */
  publish?: boolean;
  /** Where figures/ and site/ are written (default: root). */
  out?: string;
  /** The longest one task may run, in seconds, before it is stopped and reported as failed (default: no limit). */
  taskTimeout?: number;
  /** Makes the runner of the tasks the cache lacks (default: a pool of `jobs` worker threads). */
  runner?: (registry: Registry) => TaskRunner;
  /** The dataset cache folder (default: <root>/.cache/datasets). */
  cache?: string;
}

/** What the compute stage did. */
export interface ComputeReport {
  results: Map<string, ExperimentResult>;
  computed: number;
  cached: number;
  failures: {experiment: string; message: string}[];
  /** Experiments by computing time (summed over their tasks), slowest first, at most five. */
  slowest: {label: string; ms: number}[];
}

/** What a build did. */
export interface BuildReport extends ComputeReport {
  content: Content;
  claims: ClaimResult[];
  /** Every declared number, as printed (figures/<paper>/numbers.tex and numbers.json). */
  numbers: PrintedNumber[];
  /** Files written or replaced by the publishing stage, relative to the output folder. */
  published: string[];
  ms: number;
}

/** Where the compute stage finds and keeps datasets and results, and how it runs tasks. */
export interface ComputeContext {
  cache: DatasetCache;
  store: ResultsStore;
  runner: TaskRunner;
  /** Recompute even what the cache has. */
  force?: boolean;
  progress?: Progress;
  /** Receives the time of every task computed or found with a recorded time (time key → ms), and the start-up. */
  measured?: MeasuredTimes;
  /** The profile the results are computed under, recorded with them. */
  profile?: string;
}

/** Task times measured (or read from cache entries) during a build, for the cache's times.json. */
export interface MeasuredTimes {
  tasks: Map<string, number>;
  /** Milliseconds from the start of the process to the start of the first computed task. */
  startupMs?: number;
}

/** Runs a build. Throws a CliError for invalid content; pipeline failures and failed claims are reported. */
export async function build(options: BuildOptions, effects: Effects = fileEffects): Promise<BuildReport> {
  const start = performance.now();
  const {root, force = false, profile = defaultProfile, progress = silentProgress} = options;
  const out = options.out ?? root;
  const jobs = options.jobs ?? defaultJobs();
  const {registry, registryFile, content} = await loadProject(root, profile, effects);
  const matching = content.experiments.filter((e) => !options.only || matchesPattern(e.id, options.only));
  if (options.only && matching.length === 0)
    throw new CliError(`no experiment matches --only ${options.only}`, ExitCode.usage);
  const store = new ResultsStore(out, effects);
  // An experiment whose stored results are damaged is computed again, selected or not, so that no later stage
  // reads a truncated file.
  const selected = content.experiments.filter((e) => {
    if (matching.includes(e)) return true;
    const damaged = store.damaged(e);
    for (const {path, reason} of damaged)
      effects.log(`warning: ${path} is damaged (${reason}); computing experiment ${e.id} again`);
    return damaged.length > 0;
  });

  if (options.publish !== false) {
    // The site and the manifest describe every experiment: never some under one profile and the rest under another.
    const mixed = content.experiments.filter((e) => {
      if (selected.includes(e)) return false;
      const stored = store.read(e);
      return stored !== undefined && (stored.profile ?? defaultProfile) !== profile;
    });
    if (mixed.length > 0) {
      const ids = mixed.map((e) => e.id);
      throw new CliError(
        `--profile ${profile} would mix profiles: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ` and ${ids.length - 5} more` : ""} ` +
          `were last built with another profile; build them too (drop --only) or use the profile they were built with`,
        ExitCode.usage
      );
    }
  }

  const graph = new SourceGraph(root, packageRoot);
  const cache = new DatasetCache(options.cache ?? defaultCacheDir(root), effects);
  const measured: MeasuredTimes = {tasks: new Map()};
  const runner =
    options.runner?.(registry) ?? new WorkerPool(registryFile, jobs, compileKernels, (options.taskTimeout ?? 0) * 1000);
  let computeReport: ComputeReport;
  try {
    computeReport = await compute(selected, planBuild(registry, selected, graph), {
      cache,
      store,
      runner,
      force,
      progress,
      measured,
      profile
    });
  } finally {
    await runner.close();
  }
  recordTaskTimes(cache.dir, measured.tasks, measured.startupMs, effects);
  const report: BuildReport = {
    ...computeReport,
    content,
    claims: checkClaims(selected, computeReport.results, store),
    numbers: [],
    published: [],
    ms: 0
  };

  if (report.failures.length === 0) {
    // Numbers of experiments outside --only come from the results an earlier build stored.
    const byId = new Map(content.experiments.map((e) => [e.id, e]));
    report.numbers = collectNumbers(content, (id) => (report.results.get(id) ?? store.read(byId.get(id)!))?.points);
    for (const [path, text] of numberFiles(content, report.numbers)) {
      if (effects.write(join(out, path), text)) report.published.push(path);
    }
  }
  if (options.publish !== false && report.failures.length === 0) {
    const {publish} = await import("./publish.js");
    report.published.push(
      ...(await publish(
        {
          root,
          out,
          profile,
          registry,
          content,
          results: report.results,
          claims: report.claims,
          numbers: report.numbers,
          graph,
          force
        },
        effects
      ))
    );
    const {recordBuildState} = await import("./changes.js");
    recordBuildState(out, effects);
  }
  report.ms = performance.now() - start;
  if (report.computed > 0 || report.published.length > 0) {
    const experiments = selected.map((e) => e.id);
    writeProvenance(
      {root, out, profile, jobs, experiments, computed: report.computed, cached: report.cached, ms: report.ms},
      effects
    );
  }
  return report;
}

/** The dataset cache folder of a project when neither --cache nor ORTHOGONAL_CACHE names one. */
export function defaultCacheDir(root: string): string {
  return join(root, ".cache", "datasets");
}

/** Each selected experiment's points and tasks, keyed by the source hash of its pipeline. */
export function planBuild(
  registry: Registry,
  selected: readonly Experiment[],
  graph: SourceGraph
): Map<string, PlannedPoint[]> {
  return new Map(
    selected.map((experiment) => {
      const source = fileURLToPath(registry.pipelines[experiment.pipeline].source);
      return [experiment.id, planExperiment(experiment, graph.hash(source))];
    })
  );
}

/**
 * The compute stage: every planned task from the cache or the runner, each experiment's results assembled and
 * stored. A failing experiment is reported (and has no results); the others go on.
 */
export async function compute(
  selected: readonly Experiment[],
  plans: Map<string, PlannedPoint[]>,
  context: ComputeContext
): Promise<ComputeReport> {
  const {store, progress = silentProgress} = context;
  const report: ComputeReport = {results: new Map(), computed: 0, cached: 0, failures: [], slowest: []};
  const timings = new Map<string, number>();
  progress.start([...plans.values()].reduce((n, points) => n + points.reduce((m, p) => m + p.tasks.length, 0), 0));
  try {
    await Promise.all(
      selected.map(async (experiment) => {
        const points = plans.get(experiment.id)!;
        const experimentStart = performance.now();
        let computed = 0;
        try {
          const datasets = await Promise.all(
            points.map((point) =>
              Promise.all(
                point.tasks.map(async (task) => {
                  const outcome = await cachedRun(task, context).catch((error: unknown) => {
                    // Name the sweep point and seed that failed (the label without the experiment id).
                    const where = task.label.slice(experiment.id.length).trim();
                    if (!where || !(error instanceof Error)) throw error;
                    throw new Error(`${error.message} (at ${where})`);
                  });
                  if (outcome.computed) {
                    timings.set(experiment.id, (timings.get(experiment.id) ?? 0) + outcome.ms);
                    ++computed;
                    ++report.computed;
                  } else {
                    ++report.cached;
                  }
                  return JSON.parse(outcome.json) as Dataset;
                })
              )
            )
          );
          const result = assemble(experiment, points, datasets);
          if (context.profile) result.profile = context.profile;
          report.results.set(experiment.id, result);
          store.write(experiment, result);
          const seconds = ((performance.now() - experimentStart) / 1000).toFixed(1);
          const tasks = points.length * experiment.seeds.length;
          progress.finished(
            `✓ ${experiment.id}  ${tasks} run${tasks > 1 ? "s" : ""} (${computed} computed, ${tasks - computed} cached)  ${seconds}s`
          );
        } catch (error) {
          const message = (error as Error).message;
          report.failures.push({experiment: experiment.id, message});
          progress.finished(`✗ ${experiment.id}  ${message}`);
        }
      })
    );
  } finally {
    progress.stop();
  }
  report.slowest = [...timings]
    .map(([label, ms]) => ({label, ms}))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return report;
}

/** One task's dataset JSON: from the cache unless `force`, otherwise run and stored in the cache. */
export async function cachedRun(
  task: PlannedTask,
  {cache, runner, force = false, progress = silentProgress, measured}: Omit<ComputeContext, "store">
): Promise<{json: string; computed: boolean; ms: number}> {
  const hit = force ? undefined : cache.readEntry(task.key);
  if (hit !== undefined) {
    progress.tick();
    if (hit.ms !== undefined) measured?.tasks.set(timeKey(task), hit.ms);
    return {json: hit.json, computed: false, ms: 0};
  }
  progress.running(task.label);
  try {
    const {json, ms} = await runner.run(task);
    cache.write(task.key, json, ms);
    if (measured) {
      measured.tasks.set(timeKey(task), ms);
      measured.startupMs = Math.min(measured.startupMs ?? Infinity, performance.now() - ms);
    }
    return {json, computed: true, ms};
  } finally {
    progress.tick();
  }
}

/** The check stage: evaluates every claim of the experiments that have results, and stores them beside the results. */
export function checkClaims(
  selected: readonly Experiment[],
  results: ReadonlyMap<string, ExperimentResult>,
  store: ResultsStore
): ClaimResult[] {
  const all: ClaimResult[] = [];
  for (const experiment of selected) {
    const result = results.get(experiment.id);
    if (!result) continue;
    const claims = experiment.claims.map((claim) => evaluateClaim(experiment.id, claim, result.points));
    store.writeClaims(experiment, claims);
    all.push(...claims);
  }
  return all;
}

// `orthogonal run`: one parameter point of an experiment or pipeline, or a small grid of points (`--sweep`) over
// several seeds (`--seeds`), computed through the build's cache and printed as JSON or a summary with the claims.
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {cachedRun} from "../build/build.js";
import type {PlannedTask} from "../build/plan.js";
import {cacheKey, DatasetCache} from "../build/cache.js";
import {evaluateClaim} from "../build/claims.js";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {compileKernels, prepareKernels} from "../build/kernels.js";
import {defaultJobs, WorkerPool} from "../build/pool.js";
import {loadProject, packageRoot} from "../build/project.js";
import {summarizeScalars} from "../build/results.js";
import {inProcessRunner} from "../build/runner.js";
import type {TaskRunner} from "../build/runner.js";
import {SourceGraph} from "../build/sourceGraph.js";
import type {ClaimResult} from "../contract/claims.js";
import type {Experiment} from "../contract/content.js";
import type {Dataset} from "../contract/dataset.js";
import {CliError, ExitCode, PipelineError} from "../contract/error.js";
import type {ParamValue} from "../contract/params.js";
import type {PointResult} from "../contract/results.js";
import {runGrid} from "./runGrid.js";
import {claimLines, pointLabel, pointLines, timingLine} from "./runReport.js";
import type {RunTiming} from "./runReport.js";

/** Options of `orthogonal run`. */
export interface RunOptions {
  root: string;
  profile: string;
  /** An experiment id or a pipeline id. */
  target: string;
  /** "key=value" overrides. */
  sets: string[];
  /** "key=v1,v2,…" values to run; several form a grid. */
  sweeps: string[];
  seed?: number;
  /** Several seeds: each point is computed for each and summarized over them. */
  seeds?: number[];
  json: boolean;
}

/** Computes the point or points (cached like a build) and prints them; returns the exit code. */
export async function runCommand(options: RunOptions, effects: Effects = fileEffects): Promise<number> {
  const {registry, registryFile, content} = await loadProject(options.root, options.profile, effects);
  const experiment = content.experiments.find((e) => e.id === options.target);
  const pipelineId = experiment?.pipeline ?? options.target;
  const pipeline = Object.hasOwn(registry.pipelines, pipelineId) ? registry.pipelines[pipelineId] : undefined;
  if (!pipeline) {
    throw new CliError(
      `run: ${options.target} is neither an experiment nor a pipeline (see orthogonal list)`,
      ExitCode.usage
    );
  }
  const grid = runGrid(pipeline.params, experiment, options.sets, options.sweeps);
  const seeds = options.seeds ?? [options.seed ?? experiment?.seeds[0] ?? 0];
  const sourceHash = new SourceGraph(options.root, packageRoot).hash(fileURLToPath(pipeline.source));
  const name = experiment?.id ?? pipelineId;
  const tasks = grid.points.flatMap((params) =>
    seeds.map((seed): PlannedTask => ({
      experiment: name,
      pipeline: pipelineId,
      params,
      seed,
      key: cacheKey({pipeline: pipelineId, sourceHash, params, seed}),
      label: `${pointLabel(params, grid.swept)} seed ${seed}`.trim()
    }))
  );
  const several = options.seeds !== undefined || grid.swept.length > 0;
  const runner = several
    ? new WorkerPool(registryFile, Math.min(tasks.length, defaultJobs()), compileKernels)
    : kernelRunner(inProcessRunner(registry));
  const cache = new DatasetCache(join(options.root, ".cache", "datasets"), effects);
  const {datasets, timing} = await runTasks(name, tasks, (task) => cachedRun(task, {cache, runner}), runner);
  const points = grid.points.map((params, i) => {
    const runs = seeds.map((seed, j) => ({seed, dataset: datasets[i * seeds.length + j]}));
    try {
      return {params, runs, summary: summarizeScalars(runs.map((r) => r.dataset))};
    } catch (error) {
      throw new PipelineError(name, (error as Error).message);
    }
  });
  const claims = experiment ? claimResults(experiment, points) : [];
  const code = claims.every((c) => c.passed) ? ExitCode.ok : ExitCode.claims;
  const timingText = timingLine(timing, points.length, seeds.length);
  const report = {experiment: experiment?.id ?? null, pipeline: pipelineId};
  if (options.json) {
    const json = !several
      ? {...report, params: points[0].params, seed: seeds[0], dataset: datasets[0], claims, timing}
      : grid.swept.length === 0
        ? {...report, params: points[0].params, seeds, runs: points[0].runs, summary: points[0].summary, claims, timing}
        : {...report, seeds, sweep: grid.swept, points, claims, timing};
    effects.log(JSON.stringify(json, null, 1));
    effects.note(timingText);
    return code;
  }
  const lines = !several
    ? datasetLines(pipelineId, points[0].params, seeds[0], datasets[0])
    : grid.swept.length === 0
      ? pointLines(points[0], `${pipelineId} (seeds ${seeds.join(",")})`)
      : points.flatMap((point, i) => [
          ...pointLines(point, `point ${i + 1}/${points.length}: ${pointLabel(point.params, grid.swept)}`),
          ""
        ]);
  for (const line of [...lines, ...claims.flatMap(claimLines), timingText]) effects.log(line);
  return code;
}

/** Runs every task through the cache, concurrently; closes the runner; wraps a failure naming point and seed. */
async function runTasks(
  name: string,
  tasks: readonly PlannedTask[],
  run: (task: PlannedTask) => Promise<{json: string; computed: boolean; ms: number}>,
  runner: TaskRunner
): Promise<{datasets: Dataset[]; timing: RunTiming}> {
  const start = performance.now();
  let outcomes;
  try {
    outcomes = await Promise.all(
      tasks.map((task) =>
        run(task).catch((error: unknown) => {
          throw new PipelineError(name, `${(error as Error).message} (at ${task.label})`);
        })
      )
    );
  } finally {
    await runner.close();
  }
  const computed = outcomes.filter((o) => o.computed);
  const timing = {
    seconds: round((performance.now() - start) / 1000),
    computeSeconds: round(computed.reduce((sum, o) => sum + o.ms, 0) / 1000),
    cached: outcomes.length - computed.length,
    computed: computed.length
  };
  return {datasets: outcomes.map((o) => JSON.parse(o.json) as Dataset), timing};
}

/** The in-process runner, installing the WebAssembly kernels first (as worker start does). */
function kernelRunner(inProcess: TaskRunner): TaskRunner {
  return {
    run(task) {
      prepareKernels();
      return inProcess.run(task);
    },
    close: inProcess.close
  };
}

/** The experiment's claims over the points; claims whose `where` selects none of them are left out. */
function claimResults(experiment: Experiment, points: readonly PointResult[]): ClaimResult[] {
  return experiment.claims
    .map((claim) => evaluateClaim(experiment.id, claim, points))
    .filter((result) => !result.error?.startsWith("no point matches"));
}

/** One run in full: its parameters, every scalar, and the tables with their row counts. */
function datasetLines(
  pipelineId: string,
  params: Record<string, ParamValue>,
  seed: number,
  dataset: Dataset
): string[] {
  const tables = Object.entries(dataset.tables).map(([name, rows]) => `${name} (${rows.length} rows)`);
  return [
    `${pipelineId} (seed ${seed})`,
    ...Object.entries(params).map(([name, value]) => `  ${name} = ${JSON.stringify(value)}`),
    "scalars:",
    ...Object.entries(dataset.scalars).map(([name, value]) => `  ${name.padEnd(32)} ${value}`),
    `tables: ${tables.join(", ") || "none"}`
  ];
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

// `orthogonal run`: one parameter point of an experiment or pipeline, printed as JSON or a summary.
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {cachedRun} from "../build/build.js";
import type {PlannedTask} from "../build/plan.js";
import {cacheKey, DatasetCache} from "../build/cache.js";
import {evaluateClaim, notApplicableText} from "../build/claims.js";
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
import type {PointResult} from "../contract/results.js";
import {CliError, ExitCode, PipelineError} from "../contract/error.js";
import {defaultParams, describeParam, parseParam} from "../contract/params.js";
import type {ParamValue} from "../contract/params.js";
import {formatCheck} from "./report.js";

/** Options of `orthogonal run`. */
export interface RunOptions {
  root: string;
  profile: string;
  /** An experiment id or a pipeline id. */
  target: string;
  /** "key=value" overrides. */
  sets: string[];
  seed?: number;
  /** Several seeds: the point is computed for each and summarized over them. */
  seeds?: number[];
  json: boolean;
}

/** Computes one point (cached like a build) and prints it; returns the exit code. */
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
  const params: Record<string, ParamValue> = experiment ? {...experiment.params} : defaultParams(pipeline.params);
  for (const {name, values} of experiment?.sweep ?? []) params[name] = values[0];
  for (const assignment of options.sets) {
    const eq = assignment.indexOf("=");
    const name = assignment.slice(0, eq).trim();
    const spec = Object.hasOwn(pipeline.params, name) ? pipeline.params[name] : undefined;
    if (eq < 1 || !spec) {
      throw new CliError(
        `--set ${assignment}: expected key=value with key one of ${Object.keys(pipeline.params).join(", ")}`,
        ExitCode.usage
      );
    }
    try {
      params[name] = parseParam(spec, assignment.slice(eq + 1));
    } catch (error) {
      throw new CliError(
        `--set ${assignment}: ${(error as Error).message} (${name}: ${describeParam(spec)})`,
        ExitCode.usage
      );
    }
  }
  const seed = options.seed ?? experiment?.seeds[0] ?? 0;
  const sourceHash = new SourceGraph(packageRoot).hash(fileURLToPath(pipeline.source));
  const name = experiment?.id ?? pipelineId;
  const taskFor = (seed: number): PlannedTask => ({
    experiment: name,
    pipeline: pipelineId,
    params,
    seed,
    key: cacheKey({pipeline: pipelineId, sourceHash, params, seed}),
    label: name
  });
  const task = taskFor(seed);
  const cache = new DatasetCache(join(options.root, ".cache", "datasets"), effects);
  if (options.seeds) {
    const runner = new WorkerPool(registryFile, Math.min(options.seeds.length, defaultJobs()), compileKernels);
    return runSeeds(
      {experiment, pipelineId, params, seeds: options.seeds, json: options.json},
      (seed) => cachedRun(taskFor(seed), {cache, runner}),
      () => runner.close(),
      effects
    );
  }
  const inProcess = inProcessRunner(registry);
  const runner: TaskRunner = {
    run(task) {
      prepareKernels();
      return inProcess.run(task);
    },
    close: inProcess.close
  };
  let json: string;
  try {
    ({json} = await cachedRun(task, {cache, runner}));
  } catch (error) {
    throw new PipelineError(name, (error as Error).message);
  }
  const dataset = JSON.parse(json) as Dataset;
  if (options.json) {
    effects.log(
      JSON.stringify({experiment: experiment?.id ?? null, pipeline: pipelineId, params, seed, dataset}, null, 1)
    );
    return ExitCode.ok;
  }
  effects.log(`${pipelineId} (seed ${seed})`);
  for (const [name, value] of Object.entries(params)) effects.log(`  ${name} = ${JSON.stringify(value)}`);
  effects.log("scalars:");
  for (const [name, value] of Object.entries(dataset.scalars)) effects.log(`  ${name.padEnd(32)} ${value}`);
  effects.log(
    `tables: ${
      Object.entries(dataset.tables)
        .map(([name, rows]) => `${name} (${rows.length} rows)`)
        .join(", ") || "none"
    }`
  );
  if (experiment) return printClaims(experiment, params, dataset, effects);
  return ExitCode.ok;
}

/** What `run --seeds` needs besides the cache: the point, its seeds and the output format. */
interface SeedsRun {
  experiment: Experiment | undefined;
  pipelineId: string;
  params: Record<string, ParamValue>;
  seeds: number[];
  json: boolean;
}

/** Computes the point for every seed (through the build's cached run), prints the summary and the claims. */
async function runSeeds(
  {experiment, pipelineId, params, seeds, json}: SeedsRun,
  run: (seed: number) => Promise<{json: string; computed: boolean}>,
  close: () => Promise<void>,
  effects: Effects
): Promise<number> {
  const name = experiment?.id ?? pipelineId;
  const start = performance.now();
  let outcomes;
  try {
    outcomes = await Promise.all(seeds.map((seed) => run(seed)));
  } catch (error) {
    throw new PipelineError(name, (error as Error).message);
  } finally {
    await close();
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(2);
  const cached = outcomes.filter((o) => !o.computed).length;
  const runs = outcomes.map((o, i) => ({seed: seeds[i], dataset: JSON.parse(o.json) as Dataset}));
  let summary: PointResult["summary"];
  try {
    summary = summarizeScalars(runs.map((r) => r.dataset));
  } catch (error) {
    throw new PipelineError(name, (error as Error).message);
  }
  const point: PointResult = {params, runs, summary};
  const claims = experiment
    ? experiment.claims
        .map((claim) => evaluateClaim(experiment.id, claim, [point]))
        .filter((result) => !result.error?.startsWith("no point matches"))
    : [];
  const code = claims.every((c) => c.passed) ? ExitCode.ok : ExitCode.claims;
  const timing = `${seeds.length} seed${seeds.length > 1 ? "s" : ""} in ${seconds}s (${cached} cached, ${seeds.length - cached} computed)`;
  if (json) {
    effects.log(
      JSON.stringify(
        {
          experiment: experiment?.id ?? null,
          pipeline: pipelineId,
          params,
          seeds,
          runs,
          summary,
          claims,
          timing: {seconds: Number(seconds), cached, computed: seeds.length - cached}
        },
        null,
        1
      )
    );
    process.stderr.write(`${timing}\n`);
    return code;
  }
  effects.log(`${pipelineId} (seeds ${seeds.join(",")})`);
  for (const [name, value] of Object.entries(params)) effects.log(`  ${name} = ${JSON.stringify(value)}`);
  const number = (x: number) => x.toPrecision(6).padStart(13);
  effects.log(`${"scalar".padEnd(24)}${["mean", "sd", "se", "min", "max"].map((h) => h.padStart(13)).join("")}`);
  for (const [name, s] of Object.entries(summary)) {
    const se = s.sd / Math.sqrt(s.n);
    effects.log(`${name.padEnd(24)}${[s.mean, s.sd, se, s.min, s.max].map(number).join("")}`);
  }
  for (const result of claims) effects.log(claimLine(result));
  effects.log(timing);
  return code;
}

/** One claim's line: ✓, ✗ or – (not applicable), its text and detail. */
function claimLine(result: ClaimResult): string {
  if (result.notApplicable) return `– ${result.claim}  (${notApplicableText(result)})`;
  const detail = result.error ?? formatCheck(result.checks[0]);
  return `${result.passed ? "✓" : "✗"} ${result.claim}  (${detail})`;
}

function printClaims(
  experiment: Experiment,
  params: Record<string, ParamValue>,
  dataset: Dataset,
  effects: Effects
): number {
  const point = {params, runs: [{seed: 0, dataset}], summary: summarizeScalars([dataset])};
  let ok = true;
  for (const claim of experiment.claims) {
    const result = evaluateClaim(experiment.id, claim, [point]);
    if (result.error?.startsWith("no point matches")) continue;
    if (result.notApplicable) {
      effects.log(`– ${claim.text}  (${notApplicableText(result)})`);
      continue;
    }
    ok &&= result.passed;
    const detail = result.error ?? formatCheck(result.checks[0]);
    effects.log(`${result.passed ? "✓" : "✗"} ${claim.text}  (${detail})`);
  }
  return ok ? ExitCode.ok : ExitCode.claims;
}

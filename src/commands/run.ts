// `orthogonal run`: one parameter point of an experiment or pipeline, printed as JSON or a summary.
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {cachedRun} from "../build/build.js";
import {cacheKey, DatasetCache} from "../build/cache.js";
import {evaluateClaim, notApplicableText} from "../build/claims.js";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {prepareKernels} from "../build/kernels.js";
import {loadProject, packageRoot} from "../build/project.js";
import {summarizeScalars} from "../build/results.js";
import {inProcessRunner} from "../build/runner.js";
import type {TaskRunner} from "../build/runner.js";
import {SourceGraph} from "../build/sourceGraph.js";
import type {Experiment} from "../contract/content.js";
import type {Dataset} from "../contract/dataset.js";
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
  json: boolean;
}

/** Computes one point (cached like a build) and prints it; returns the exit code. */
export async function runCommand(options: RunOptions, effects: Effects = fileEffects): Promise<number> {
  const {registry, content} = await loadProject(options.root, options.profile, effects);
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
  const task = {
    experiment: name,
    pipeline: pipelineId,
    params,
    seed,
    key: cacheKey({pipeline: pipelineId, sourceHash, params, seed}),
    label: name
  };
  const cache = new DatasetCache(join(options.root, ".cache", "datasets"), effects);
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

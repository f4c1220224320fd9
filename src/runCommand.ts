// `orthogonal run` (one parameter point of an experiment or pipeline, printed as JSON or a summary) and
// `orthogonal list` (what the content declares).
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {loadProject, packageRoot} from "./build.js";
import {cacheKey, DatasetCache} from "./cache.js";
import {evaluateClaim} from "./claims.js";
import type {Experiment} from "./content.js";
import type {Dataset} from "./dataset.js";
import {CliError, ExitCode, PipelineError} from "./error.js";
import type {ParamValue} from "./params.js";
import {defaultParams, describeParam, parseParam} from "./params.js";
import {formatCheck} from "./report.js";
import {runTask} from "./runner.js";
import {SourceGraph} from "./sourceGraph.js";
import {summarizeScalars} from "./summary.js";

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
export async function runCommand(options: RunOptions): Promise<number> {
  const {registry, content} = await loadProject(options.root, options.profile);
  const experiment = content.experiments.find((e) => e.id === options.target);
  const pipelineId = experiment?.pipeline ?? options.target;
  const pipeline = registry.pipelines[pipelineId];
  if (!pipeline) {
    throw new CliError(`run: ${options.target} is neither an experiment nor a pipeline (see orthogonal list)`, ExitCode.usage);
  }
  const params: Record<string, ParamValue> = experiment ? {...experiment.params} : defaultParams(pipeline.params);
  for (const {name, values} of experiment?.sweep ?? []) params[name] = values[0];
  for (const assignment of options.sets) {
    const eq = assignment.indexOf("=");
    const name = assignment.slice(0, eq).trim();
    const spec = pipeline.params[name];
    if (eq < 1 || !spec) {
      throw new CliError(`--set ${assignment}: expected key=value with key one of ${Object.keys(pipeline.params).join(", ")}`, ExitCode.usage);
    }
    try {
      params[name] = parseParam(spec, assignment.slice(eq + 1));
    } catch (error) {
      throw new CliError(`--set ${assignment}: ${(error as Error).message} (${name}: ${describeParam(spec)})`, ExitCode.usage);
    }
  }
  const seed = options.seed ?? experiment?.seeds[0] ?? 0;
  const sourceHash = new SourceGraph(packageRoot).hash(fileURLToPath(pipeline.source));
  const key = cacheKey({pipeline: pipelineId, sourceHash, params, seed});
  const cache = new DatasetCache(join(options.root, ".cache", "datasets"));
  let json = cache.read(key);
  if (json === undefined) {
    try {
      json = runTask(registry, {experiment: experiment?.id ?? pipelineId, pipeline: pipelineId, params, seed});
    } catch (error) {
      throw new PipelineError(experiment?.id ?? pipelineId, (error as Error).message);
    }
    cache.write(key, json);
  }
  const dataset = JSON.parse(json) as Dataset;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({experiment: experiment?.id ?? null, pipeline: pipelineId, params, seed, dataset}, null, 1)}\n`);
    return ExitCode.ok;
  }
  process.stdout.write(`${pipelineId} (seed ${seed})\n`);
  for (const [name, value] of Object.entries(params)) process.stdout.write(`  ${name} = ${JSON.stringify(value)}\n`);
  process.stdout.write("scalars:\n");
  for (const [name, value] of Object.entries(dataset.scalars)) process.stdout.write(`  ${name.padEnd(32)} ${value}\n`);
  process.stdout.write(`tables: ${Object.entries(dataset.tables).map(([name, rows]) => `${name} (${rows.length} rows)`).join(", ") || "none"}\n`);
  if (experiment) return printClaims(experiment, params, dataset);
  return ExitCode.ok;
}

function printClaims(experiment: Experiment, params: Record<string, ParamValue>, dataset: Dataset): number {
  const point = {params, runs: [{seed: 0, dataset}], summary: summarizeScalars([dataset])};
  let ok = true;
  for (const claim of experiment.claims) {
    const result = evaluateClaim(experiment.id, claim, [point]);
    if (result.error?.startsWith("no point matches")) continue;
    ok &&= result.passed;
    const detail = result.error ?? formatCheck(result.checks[0]);
    process.stdout.write(`${result.passed ? "✓" : "✗"} ${claim.text}  (${detail})\n`);
  }
  return ok ? ExitCode.ok : ExitCode.claims;
}

/** Prints what the content declares, paper by paper. */
export async function listCommand(root: string, profile: string): Promise<number> {
  const {content} = await loadProject(root, profile);
  for (const paper of content.papers) {
    process.stdout.write(`${paper.slug}: ${paper.title}\n`);
    for (const e of paper.experiments) {
      const points = e.sweep.reduce((n, s) => n * s.values.length, 1);
      process.stdout.write(
        `  ${e.id.padEnd(28)} ${e.pipeline.padEnd(40)} ${points} point${points > 1 ? "s" : ""} × ${e.seeds.length} seed${e.seeds.length > 1 ? "s" : ""}, ` +
          `${e.claims.length} claims, figures: ${e.figures.map((f) => f.id).join(" ") || "-"}, tables: ${e.tables.map((t) => t.id).join(" ") || "-"}` +
          `${e.numbers.length ? `, numbers: ${e.numbers.map((n) => n.name).join(" ")}` : ""}\n`
      );
    }
  }
  return ExitCode.ok;
}

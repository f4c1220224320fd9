// Orchestrates a build: read and check content, plan tasks, take what the cache has, run the rest on the
// worker pool, write each experiment's results and claims, then publish figures, tables and the site.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DatasetCache} from "./cache.js";
import type {ClaimResult} from "./claims.js";
import {evaluateClaim} from "./claims.js";
import type {Content, Experiment} from "./content.js";
import {defaultProfile, loadContent} from "./content.js";
import type {Dataset} from "./dataset.js";
import {CliError, ExitCode, PipelineError} from "./error.js";
import type {ExperimentResult} from "./experiment.js";
import {writeFileAtomic} from "./atomicWrite.js";
import type {PrintedNumber} from "./build/numbers.js";
import {collectNumbers, numberFiles} from "./build/numbers.js";
import {sha256} from "./hash.js";
import type {PlannedPoint} from "./plan.js";
import {matchesPattern, planExperiment} from "./plan.js";
import {defaultJobs, WorkerPool} from "./pool.js";
import type {Progress} from "./progress.js";
import {silentProgress} from "./progress.js";
import {writeProvenance} from "./provenance.js";
import type {Registry} from "./registry.js";
import {loadRegistry, registryPath} from "./registry.js";
import {SourceGraph} from "./sourceGraph.js";
import {summarizeScalars} from "./summary.js";

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
}

/** What a build did. */
export interface BuildReport {
  content: Content;
  results: Map<string, ExperimentResult>;
  computed: number;
  cached: number;
  failures: {experiment: string; message: string}[];
  claims: ClaimResult[];
  /** Every declared number, as printed (figures/<paper>/numbers.tex and numbers.json). */
  numbers: PrintedNumber[];
  /** Experiments by computing time (summed over their tasks), slowest first, at most five. */
  slowest: {label: string; ms: number}[];
  /** Files written or replaced by the publishing stage, relative to the output folder. */
  published: string[];
  ms: number;
}

/** The folder of this package (for hashing sources relative to it). */
export const packageRoot = fileURLToPath(new URL("..", import.meta.url));

/** Loads registry and content for a root, with a profile. */
export async function loadProject(root: string, profile = defaultProfile): Promise<{registry: Registry; registryFile: string; content: Content}> {
  const registryFile = registryPath(root);
  const registry = await loadRegistry(registryFile);
  return {registry, registryFile, content: loadContent(root, registry, profile)};
}

/** Runs a build. Throws a CliError for invalid content; pipeline failures and failed claims are reported. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const start = performance.now();
  const {root, force = false, profile = defaultProfile, progress = silentProgress, publish = true} = options;
  const out = options.out ?? root;
  const jobs = options.jobs ?? defaultJobs();
  const {registry, registryFile, content} = await loadProject(root, profile);
  const selected = content.experiments.filter((e) => !options.only || matchesPattern(e.id, options.only));
  if (options.only && selected.length === 0) throw new CliError(`no experiment matches --only ${options.only}`, ExitCode.usage);

  const graph = new SourceGraph(packageRoot);
  const cache = new DatasetCache(join(root, ".cache", "datasets"));
  const plans = new Map<string, PlannedPoint[]>(
    selected.map((experiment) => {
      const source = fileURLToPath(registry.pipelines[experiment.pipeline].source);
      return [experiment.id, planExperiment(experiment, graph.hash(source))];
    })
  );

  const report: BuildReport = {content, results: new Map(), computed: 0, cached: 0, failures: [], claims: [], numbers: [], slowest: [], published: [], ms: 0};
  const timings: {label: string; ms: number}[] = [];
  const total = [...plans.values()].reduce((n, points) => n + points.reduce((m, p) => m + p.tasks.length, 0), 0);
  progress.start(total);
  const pool = new WorkerPool(registryFile, jobs);
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
                  const hit = force ? undefined : cache.read(task.key);
                  if (hit !== undefined) {
                    progress.tick();
                    ++report.cached;
                    return JSON.parse(hit) as Dataset;
                  }
                  progress.running(task.label);
                  try {
                    const {json, ms} = await pool.run(task);
                    cache.write(task.key, json);
                    timings.push({label: experiment.id, ms});
                    ++computed;
                    ++report.computed;
                    return JSON.parse(json) as Dataset;
                  } finally {
                    progress.tick();
                  }
                })
              )
            )
          );
          const result = assemble(experiment, points, datasets);
          report.results.set(experiment.id, result);
          writeResult(out, experiment, result);
          const seconds = ((performance.now() - experimentStart) / 1000).toFixed(1);
          const tasks = points.length * experiment.seeds.length;
          progress.finished(`✓ ${experiment.id}  ${tasks} run${tasks > 1 ? "s" : ""} (${computed} computed, ${tasks - computed} cached)  ${seconds}s`);
        } catch (error) {
          const message = (error as Error).message;
          report.failures.push({experiment: experiment.id, message});
          progress.finished(`✗ ${experiment.id}  ${message}`);
        }
      })
    );
  } finally {
    await pool.close();
    progress.stop();
  }

  for (const experiment of selected) {
    const result = report.results.get(experiment.id);
    if (!result) continue;
    const claims = experiment.claims.map((claim) => evaluateClaim(experiment.id, claim, result.points));
    writeFileAtomic(join(out, "figures", experiment.paper, "data", `${experiment.id}.claims.json`), `${JSON.stringify(claims, null, 1)}\n`);
    report.claims.push(...claims);
  }
  if (report.failures.length === 0) {
    // Numbers of experiments outside --only come from their stored results.
    const byId = new Map(content.experiments.map((e) => [e.id, e]));
    report.numbers = collectNumbers(content, (id) => (report.results.get(id) ?? readResult(out, byId.get(id)!))?.points);
    const numbersWritten: string[] = [];
    for (const [path, text] of numberFiles(content, report.numbers)) if (writeFileAtomic(join(out, path), text)) numbersWritten.push(path);
    report.published.push(...numbersWritten);
  }
  const perExperiment = new Map<string, number>();
  for (const {label, ms} of timings) perExperiment.set(label, (perExperiment.get(label) ?? 0) + ms);
  report.slowest = [...perExperiment].map(([label, ms]) => ({label, ms})).sort((a, b) => b.ms - a.ms).slice(0, 5);

  if (publish && report.failures.length === 0) {
    const {publish: publishAll} = await import("./publish.js");
    report.published.push(
      ...(await publishAll({root, out, registry, content, selected, results: report.results, claims: report.claims, numbers: report.numbers, graph}))
    );
  }
  if (publish && report.failures.length === 0) {
    const {recordBuildState} = await import("./build/changes.js");
    recordBuildState(out);
  }
  report.ms = performance.now() - start;
  if (report.computed > 0 || report.published.length > 0) {
    writeProvenance({root, out, profile, jobs, experiments: selected.map((e) => e.id), computed: report.computed, cached: report.cached, ms: report.ms});
  }
  return report;
}

/** Reads the stored results of an experiment written by an earlier build, if any. */
export function readResult(out: string, experiment: Experiment): ExperimentResult | undefined {
  const path = resultPath(out, experiment);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as ExperimentResult) : undefined;
}

/** Where an experiment's results are written. */
export function resultPath(out: string, experiment: Experiment): string {
  return join(out, "figures", experiment.paper, "data", `${experiment.id}.json`);
}

/** The hash of an experiment's written results (for provenance and figure manifests). */
export function resultHash(result: ExperimentResult): string {
  return sha256(serializeResult(result));
}

function serializeResult(result: ExperimentResult): string {
  return `${JSON.stringify(result)}\n`;
}

function writeResult(out: string, experiment: Experiment, result: ExperimentResult): void {
  writeFileAtomic(resultPath(out, experiment), serializeResult(result));
}

function assemble(experiment: Experiment, points: PlannedPoint[], datasets: Dataset[][]): ExperimentResult {
  return {
    id: experiment.id,
    pipeline: experiment.pipeline,
    sweep: experiment.sweep.map((s) => s.name),
    points: points.map((point, i) => {
      try {
        return {
          params: point.params,
          runs: point.tasks.map((task, j) => ({seed: task.seed, dataset: datasets[i][j]})),
          summary: summarizeScalars(datasets[i])
        };
      } catch (error) {
        throw new PipelineError(experiment.id, (error as Error).message);
      }
    })
  };
}

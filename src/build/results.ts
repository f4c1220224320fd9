// The results store: an experiment's results (every point, every seed, summaries over seeds) assembled from the
// datasets of its tasks, written under figures/<paper>/data/<id>.json and read back by later builds.
import {join} from "node:path";
import type {ClaimResult} from "../contract/claims.js";
import type {Experiment} from "../contract/content.js";
import type {Dataset} from "../contract/dataset.js";
import {PipelineError} from "../contract/error.js";
import type {ExperimentResult, Summary} from "../contract/results.js";
import {summarize} from "../stats/summary.js";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256} from "./hash.js";
import type {PlannedPoint} from "./plan.js";

/** Where an experiment's results are written: figures/<paper>/data/<id>.json under the output folder. */
export function resultPath(out: string, experiment: Experiment): string {
  return join(out, "figures", experiment.paper, "data", `${experiment.id}.json`);
}

/** Where an experiment's evaluated claims are written, beside its results. */
export function claimsPath(out: string, experiment: Experiment): string {
  return join(out, "figures", experiment.paper, "data", `${experiment.id}.claims.json`);
}

/** The hash of an experiment's written results (for provenance and figure manifests). */
export function resultHash(result: ExperimentResult): string {
  return sha256(serializeResult(result));
}

/** The results and claims of experiments under an output folder, read and written through effects. */
export class ResultsStore {
  constructor(
    readonly out: string,
    private readonly effects: Effects = fileEffects
  ) {}

  /** The results an earlier build wrote for `experiment`, if any (undefined when damaged: see `damaged`). */
  read(experiment: Experiment): ExperimentResult | undefined {
    return parseStored<ExperimentResult>(readText(this.effects, resultPath(this.out, experiment)));
  }

  /**
   * The results or claims files of `experiment` that exist but cannot be read back (truncated, not JSON), each with
   * the reason: a build computes such an experiment again.
   */
  damaged(experiment: Experiment): {path: string; reason: string}[] {
    const problems: {path: string; reason: string}[] = [];
    for (const path of [resultPath(this.out, experiment), claimsPath(this.out, experiment)]) {
      const text = readText(this.effects, path);
      if (text === undefined) continue;
      try {
        const value = JSON.parse(text) as unknown;
        if (value === null || typeof value !== "object") throw new Error("not a JSON object or array");
      } catch (error) {
        problems.push({path, reason: (error as Error).message});
      }
    }
    return problems;
  }

  /** Writes an experiment's results; returns false when the file already held them. */
  write(experiment: Experiment, result: ExperimentResult): boolean {
    return this.effects.write(resultPath(this.out, experiment), serializeResult(result));
  }

  /** The claims an earlier build evaluated for `experiment`, if any. */
  readClaims(experiment: Experiment): ClaimResult[] | undefined {
    return parseStored<ClaimResult[]>(readText(this.effects, claimsPath(this.out, experiment)));
  }

  /** Writes an experiment's evaluated claims. */
  writeClaims(experiment: Experiment, claims: readonly ClaimResult[]): boolean {
    return this.effects.write(claimsPath(this.out, experiment), `${JSON.stringify(claims, null, 1)}\n`);
  }
}

/** An experiment's results from the datasets of its planned points (one per seed), with summaries over seeds. */
export function assemble(experiment: Experiment, points: PlannedPoint[], datasets: Dataset[][]): ExperimentResult {
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

/** Per-scalar summaries over the datasets of one point's seeds; every dataset must have the same scalars. */
export function summarizeScalars(datasets: readonly Dataset[]): Record<string, Summary> {
  const names = Object.keys(datasets[0]?.scalars ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      summarize(
        datasets.map((dataset, i) => {
          const value = dataset.scalars[name];
          if (value === undefined) throw new Error(`scalar ${name} is missing from replicate ${i}`);
          return value;
        })
      )
    ])
  );
}

function parseStored<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function serializeResult(result: ExperimentResult): string {
  return `${JSON.stringify(result)}\n`;
}

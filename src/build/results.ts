// The results store: an experiment's results (every point, every seed, summaries over seeds) assembled from the
// datasets of its tasks, written under figures/<paper>/data/<id>.json and read back by later builds.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Experiment} from "../contract/content.js";
import type {Dataset} from "../contract/dataset.js";
import {PipelineError} from "../contract/error.js";
import type {ExperimentResult, Summary} from "../contract/results.js";
import {summarize} from "../stats/summary.js";
import {writeFileAtomic} from "./atomicWrite.js";
import {sha256} from "./hash.js";
import type {PlannedPoint} from "./plan.js";

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

/** Writes an experiment's results where readResult finds them. */
export function writeResult(out: string, experiment: Experiment, result: ExperimentResult): void {
  writeFileAtomic(resultPath(out, experiment), serializeResult(result));
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

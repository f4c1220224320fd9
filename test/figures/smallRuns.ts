// Shared by the per-paper figure tests: an experiment's results from small runs of a registered pipeline (cached per
// parameters and seeds), and a registered plot rendered to SVG at a declared width.
import {summarizeScalars} from "../../src/build/results.js";
import {checkParam, defaultParams, figureSize} from "../../src/contract/index.js";
import type {ExperimentResult, FigureWidth, ParamValue, PointResult, Registry} from "../../src/contract/index.js";
import {createRng} from "../../src/random/rng.js";
import {renderSvg} from "../../src/render/svg.js";
import {theme} from "../../src/render/theme.js";

/** Parameters over the pipeline's defaults, and the sweep points (each overriding them), for a small run. */
export interface SmallRun {
  params: Record<string, ParamValue>;
  sweep?: Record<string, ParamValue>[];
}

const cache = new Map<string, ExperimentResult>();

/** Runs pipeline `id` of `registry` at every sweep point for seeds 0 … seeds − 1, checking each parameter. */
export function smallResult(registry: Registry, id: string, {params, sweep = [{}]}: SmallRun, seeds: number): ExperimentResult {
  const key = JSON.stringify([id, params, sweep, seeds]);
  const cached = cache.get(key);
  if (cached) return cached;
  const pipeline = registry.pipelines[id];
  const points: PointResult[] = sweep.map((point) => {
    const values = {...defaultParams(pipeline.params), ...params, ...point};
    for (const [name, value] of Object.entries(values)) checkParam(pipeline.params[name], value);
    const runs = Array.from({length: seeds}, (_, seed) => ({seed, dataset: pipeline.run(values, createRng(seed))}));
    return {params: values, runs, summary: summarizeScalars(runs.map((run) => run.dataset))};
  });
  const experiment: ExperimentResult = {id: `test-${id.split("/")[1]}`, pipeline: id, sweep: Object.keys(sweep[0]), points};
  cache.set(key, experiment);
  return experiment;
}

/** Plot `plot` of `registry` on `experiment` as an SVG at `width` (and height width·aspect when given). */
export function renderPlot(
  registry: Registry,
  plot: string,
  experiment: ExperimentResult,
  width: FigureWidth,
  aspect?: number
): string {
  const context = {theme, ...figureSize(width, aspect)};
  return renderSvg(registry.plots[plot].plot(experiment, context), context);
}

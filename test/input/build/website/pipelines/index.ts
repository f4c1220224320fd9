// Registry of the site test project: a quick pipeline with a sweep and a dataset table, two plot modules and a
// table module, so that the site has figures, tables, claims and data downloads.
import * as Plot from "@observablehq/plot";
import {integer, real} from "orthogonal/src/params.js";
import {pipeline} from "orthogonal/src/pipeline.js";
import type {Registry} from "orthogonal/src/registry.js";
import type {ExperimentResult} from "orthogonal/src/experiment.js";

/** The top eigenvalue of a spiked model next to its closed form (1 + √γ)², with a little seeded noise. */
export const spike = pipeline({
  id: "alpha/spike",
  description: "Top eigenvalue of a toy spiked model and its closed form.",
  source: import.meta.url,
  params: {
    d: integer(50, "dimension", {min: 1}),
    gamma: real(1, "spike strength", {min: 0})
  },
  run({d, gamma}, rng) {
    const noise = rng.fork("noise").normals(d);
    let mean = 0;
    for (const x of noise) mean += x / d;
    const theory = (1 + Math.sqrt(gamma)) ** 2;
    return {
      scalars: {lambda: theory + 0.01 * mean, lambda_theory: theory},
      tables: {bulk: Array.from({length: 8}, (_, i) => ({i, value: noise[i]}))}
    };
  }
});

const points = (result: ExperimentResult) =>
  result.points.map((p) => ({gamma: p.params.gamma as number, lambda: p.summary.lambda.mean, theory: p.summary.lambda_theory.mean}));

export const registry: Registry = {
  pipelines: {[spike.id]: spike},
  plots: {
    "alpha/lambda": {
      source: import.meta.url,
      plot: (result) => ({
        x: {label: "γ"},
        y: {label: "λ_max"},
        marks: [Plot.line(points(result), {x: "gamma", y: "theory", stroke: "currentColor"}), Plot.dot(points(result), {x: "gamma", y: "lambda", fill: "#0072B2"})]
      })
    },
    "alpha/bulk": {
      source: import.meta.url,
      plot: (result) => ({
        x: {label: "index"},
        y: {label: "value"},
        marks: [Plot.ruleY([0]), Plot.dot(result.points[0].runs[0].dataset.tables.bulk, {x: "i", y: "value", fill: "#D55E00"})]
      })
    }
  },
  tables: {
    "alpha/lambda": {
      source: import.meta.url,
      table: (result) => ({
        columns: [
          {key: "gamma", label: "γ"},
          {key: "lambda", label: "λ measured"},
          {key: "theory", label: "λ theory"},
          {key: "note", label: "a long note column that makes the table wider than a phone screen"}
        ],
        rows: points(result).map((p) => ({...p, note: "the measured value is the theory plus a small seeded perturbation"}))
      })
    }
  }
};

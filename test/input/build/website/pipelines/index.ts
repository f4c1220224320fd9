// Registry of the site test project: its pipeline (spike.ts), two plot modules and a table module, so that the
// site has figures, tables, claims and data downloads.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, Registry} from "orthogonal/src/contract/index.js";
import {spike} from "./spike.js";

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

// Registry of the sharded-build test project: one pipeline whose tasks take a controllable time (passes over the
// draws), a plot module and a table module, so that shards have work to split and the publication has outputs.
import * as Plot from "@observablehq/plot";
import {integer, pipeline, real} from "orthogonal/src/contract/index.js";
import type {ExperimentResult, Registry} from "orthogonal/src/contract/index.js";

/** The mean of n draws from N(mu, 1), recomputed `passes` times: the result is the same, the time grows with passes. */
export const walk = pipeline({
  id: "walk/mean",
  description: "Sample mean of n draws from N(mu, 1), computed in `passes` passes.",
  source: import.meta.url,
  params: {
    n: integer(1000, "number of draws", {min: 1}),
    passes: integer(1, "passes over the draws (work per task)", {min: 1}),
    mu: real(0, "mean of the distribution")
  },
  outputs: {scalars: {mean: "sample mean of the n draws", theory_mean: "mu"}, tables: {}},
  run({n, passes, mu}, rng) {
    const x = rng.fork("draws").normals(n);
    let mean = 0;
    for (let pass = 0; pass < passes; ++pass) {
      let sum = 0;
      for (const v of x) sum += Math.sqrt((v + mu) ** 2) * Math.sign(v + mu);
      mean = sum / n;
    }
    return {scalars: {mean, theory_mean: mu}, tables: {}};
  }
});

const points = (result: ExperimentResult) => result.points.map((p) => ({mu: p.params.mu as number, mean: p.summary.mean.mean}));

export const registry: Registry = {
  pipelines: {[walk.id]: walk},
  plots: {
    "walk/mean": {
      source: import.meta.url,
      plot: (result) => ({x: {label: "μ"}, y: {label: "sample mean"}, marks: [Plot.dot(points(result), {x: "mu", y: "mean", fill: "#0072B2"})]})
    }
  },
  tables: {
    "walk/mean": {
      source: import.meta.url,
      table: (result) => ({
        columns: [
          {key: "mu", label: "μ"},
          {key: "mean", label: "sample mean"}
        ],
        rows: points(result)
      })
    }
  }
};

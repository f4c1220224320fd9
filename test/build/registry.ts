// A small registry for the in-process engine tests: a seeded Gaussian mean (with a switch that returns NaN) and
// a pipeline that throws.
import {flag, integer, pipeline, real} from "../../src/contract/index.js";
import type {Registry} from "../../src/contract/index.js";

export const gaussianMean = pipeline({
  id: "demo/gaussian-mean",
  description: "Sample mean of n draws from N(mu, 1).",
  source: import.meta.url,
  params: {
    n: integer(100, "number of draws", {min: 1}),
    mu: real(0, "mean of the distribution"),
    poison: flag(false, "return NaN")
  },
  outputs: {
    scalars: {mean: "sample mean (NaN with poison)", theory_mean: "mu"},
    tables: {first: {description: "the first draw", columns: {i: "index 0", value: "the draw plus mu"}}}
  },
  run({n, mu, poison}, rng) {
    const x = rng.fork("draws").normals(n);
    let sum = 0;
    for (const v of x) sum += v + mu;
    return {scalars: {mean: poison ? NaN : sum / n, theory_mean: mu}, tables: {first: [{i: 0, value: x[0] + mu}]}};
  }
});

export const broken = pipeline({
  id: "demo/broken",
  description: "Always throws.",
  source: import.meta.url,
  params: {},
  outputs: {scalars: {}, tables: {}},
  run() {
    throw new Error("out of cheese");
  }
});

export const registry: Registry = {
  pipelines: {[gaussianMean.id]: gaussianMean, [broken.id]: broken},
  plots: {},
  tables: {}
};

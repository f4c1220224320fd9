// Registry of the small test project: two tiny pipelines exercising sweeps, seeds, claims and failures.
import {flag, integer, pipeline, real} from "orthogonal/src/contract/index.js";
import type {Registry} from "orthogonal/src/contract/index.js";

/** The sample mean and variance of n Gaussian draws with mean mu: a check of the seeded normal source. */
export const gaussianMean = pipeline({
  id: "demo/gaussian-mean",
  description: "Sample mean and variance of n draws from N(mu, 1).",
  source: import.meta.url,
  params: {
    n: integer(1000, "number of draws", {min: 1}),
    mu: real(0, "mean of the distribution"),
    poison: flag(false, "return NaN for the variance (to test failure reporting)")
  },
  outputs: {
    scalars: {
      mean: "sample mean of the n draws",
      variance: "unbiased sample variance (NaN with poison)",
      theory_mean: "mu, the mean the sample mean estimates"
    },
    tables: {draws: {description: "the first five draws", columns: {i: "index", value: "the draw"}}}
  },
  run({n, mu, poison}, rng) {
    const x = rng.fork("draws").normals(n);
    let sum = 0;
    for (const v of x) sum += v + mu;
    const mean = sum / n;
    let squares = 0;
    for (const v of x) squares += (v + mu - mean) ** 2;
    return {
      scalars: {mean, variance: poison ? NaN : squares / (n - 1), theory_mean: mu},
      tables: {draws: Array.from(x.subarray(0, 5), (value, i) => ({i, value: value + mu}))}
    };
  }
});

export const registry: Registry = {pipelines: {[gaussianMean.id]: gaussianMean}, plots: {}, tables: {}};

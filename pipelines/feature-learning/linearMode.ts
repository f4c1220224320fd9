// E5: the boosted linear eigenfunction ⟨û, x⟩: its alignment with the Gram eigenvectors and its amplification
// 1 + d r²/s₀ over the isotropic linear bulk, seen in the exactly linear part (1/4n)XΣ₁Xᵀ of the ReLU kernel.
import {integer, pipeline} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {eigh} from "../../src/linalg/eigh.js";
import {gramTransposeA} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import {vectorNorm} from "../../src/linalg/norms.js";
import {linearBulkEdge, sampleGram, topPairs} from "./gramSample.js";
import {dot} from "./model.js";
import {bulkVariance, dimension, samples, spikeStrength} from "./params.js";

/** Alignment of the top-2 Gram eigenvectors with t̂ = Xû/‖Xû‖, and the outlier of the linear part's spectrum. */
export const linearMode = pipeline({
  id: "feature-learning/linear-mode",
  description:
    "The target-aligned linear eigenfunction of the ReLU k₁: overlap of t̂ with the top Gram eigenvectors and its amplification 1 + d r²/s₀.",
  source: import.meta.url,
  params: {
    d: dimension(400),
    n: samples(2000),
    s0: bulkVariance,
    r: spikeStrength(0.5),
    bins: integer(40, "histogram bins of the linear part's bulk eigenvalues", {min: 1, max: 400})
  },
  outputs: {
    scalars: {
      projection_top2: "norm of the projection of t̂ = Xû/‖Xû‖ on the top two eigenvectors of K/n",
      cos_linear: "largest |cos| between t̂ and one of the top two eigenvectors",
      lambda_top: "top eigenvalue of K/n",
      lambda_second: "second eigenvalue of K/n",
      outlier: "top eigenvalue of the linear part (1/4n)·XΣ₁Xᵀ",
      outlier_theory: "(s₀/4d)·amplification_theory, the spiked-Wishart (BBP) outlier",
      bulk_mean: "mean of the linear part's other d − 1 nonzero eigenvalues",
      bulk_edge: "largest bulk eigenvalue of the linear part",
      bulk_edge_theory: "Marchenko–Pastur edge (s₀/4d)(1 + √(d/n))²",
      amplification: "outlier / bulk_mean",
      amplification_population: "1 + θ with θ = d·r²/s₀, the population amplification",
      amplification_theory: "(1 + θ)(1 + γ/θ) with γ = d/n when θ > √γ, else (1 + √γ)²"
    },
    tables: {
      histogram: {
        description: "density histogram of the linear part's bulk eigenvalues over the MP support, `bins` bins",
        columns: {
          lambda: "bin centre",
          density: "fraction of bulk eigenvalues per unit width",
          marchenko_pastur: "Marchenko–Pastur density at the bin centre"
        }
      }
    }
  },
  run({d, n, s0, r, bins}, rng) {
    const sample = sampleGram(rng, {n, d, s0, r, activation: "relu"});
    const tHat = sample.t.map((x) => x / vectorNorm(sample.t));
    const top = topPairs(sample.K, 2);
    const overlaps = top.vectors.map((u) => dot(u, tHat));
    const projection = Math.hypot(...overlaps);
    const cosLinear = Math.max(...overlaps.map(Math.abs));

    // The d nonzero eigenvalues of (1/4n)XΣ₁Xᵀ are those of (1/4n)Σ₁^{1/2}XᵀXΣ₁^{1/2}.
    const values = linearSpectrum(sample.X.data, n, d, s0, r, sample.covariance.direction);
    const outlier = values[0];
    let trace = 0;
    for (const v of values) trace += v;
    const bulkMean = (trace - outlier) / (d - 1);
    const theta = (d * r * r) / s0;
    const gamma = d / n;
    const amplification = outlier / bulkMean;
    const amplificationPopulation = 1 + theta;
    // Spiked Wishart (BBP): the outlier sits at (1 + θ)(1 + γ/θ) bulk units when θ > √γ.
    const amplificationTheory =
      theta > Math.sqrt(gamma) ? (1 + theta) * (1 + gamma / theta) : (1 + Math.sqrt(gamma)) ** 2;

    const edge = linearBulkEdge(s0, d, n);
    const bulk = values.slice(r > 0 ? 1 : 0);
    const histogram = densityHistogram(bulk, bins, s0 / (4 * d), gamma);
    return {
      scalars: {
        projection_top2: projection,
        cos_linear: cosLinear,
        lambda_top: top.values[0],
        lambda_second: top.values[1],
        outlier,
        outlier_theory: (s0 / (4 * d)) * amplificationTheory,
        bulk_mean: bulkMean,
        bulk_edge: bulk[0],
        bulk_edge_theory: edge,
        amplification,
        amplification_population: amplificationPopulation,
        amplification_theory: amplificationTheory
      },
      tables: {histogram}
    };
  }
});

// Eigenvalues (descending) of (1/4n)·Σ₁^{1/2}XᵀXΣ₁^{1/2}, with Σ₁^{1/2} = √(s₀/d)(I − ûûᵀ) + √(s₀/d + r²)ûûᵀ.
function linearSpectrum(x: Float64Array, n: number, d: number, s0: number, r: number, u: Float64Array): number[] {
  const a = Math.sqrt(s0 / d);
  const b = Math.sqrt(s0 / d + r * r);
  // Y = XΣ₁^{1/2}: y_i = a·x_i + (b − a)⟨x_i, û⟩û.
  const Y = matrix(n, d);
  for (let i = 0; i < n; ++i) {
    let t = 0;
    for (let j = 0; j < d; ++j) t += x[i * d + j] * u[j];
    for (let j = 0; j < d; ++j) Y.data[i * d + j] = a * x[i * d + j] + (b - a) * t * u[j];
  }
  const G = gramTransposeA(Y);
  for (let k = 0; k < G.data.length; ++k) G.data[k] /= 4 * n;
  return Array.from(eigh(G, {vectors: false}).values).reverse();
}

// Histogram of bulk eigenvalues with the Marchenko–Pastur density of σ²·XᵀX/n (ratio γ = d/n < 1) beside it.
function densityHistogram(values: number[], bins: number, sigma2: number, gamma: number): Row[] {
  const lo = sigma2 * (1 - Math.sqrt(gamma)) ** 2;
  const hi = sigma2 * (1 + Math.sqrt(gamma)) ** 2;
  const width = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  for (const v of values) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[k] += 1;
  }
  return Array.from(counts, (c, k) => {
    const x = lo + (k + 0.5) * width;
    const mp = Math.sqrt(Math.max(0, (hi - x) * (x - lo))) / (2 * Math.PI * sigma2 * gamma * x);
    return {lambda: x, density: c / (values.length * width), marchenko_pastur: mp};
  });
}

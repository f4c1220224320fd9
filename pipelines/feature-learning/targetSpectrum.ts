// E4: the top of the spectrum of the induced-kernel Gram matrix against the target-sector theory (Hermite matrix M,
// Nyström), the exactly linear odd part and its Marchenko–Pastur bulk edge.
import {choice, integer, pipeline} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {linearBulkEdge, sampleGram, topPairs} from "./gramSample.js";
import {defaultNystromNodes, nystrom, sectorEigenvalues, sectorSpectrum} from "./targetSector.js";
import {dimension, samples, sectorBulkVariance, sectorSpikeStrength} from "./params.js";

/** Top eigenvalues of K/n for the analytic k₁ with exact Σ₁, against the target sector and the isotropic bulk. */
export const targetSpectrum = pipeline({
  id: "feature-learning/target-spectrum",
  description:
    "Top eigenvalues of the n-sample Gram matrix of k₁ (exact Σ₁) against the target-sector eigenvalues and the linear bulk edge.",
  source: import.meta.url,
  params: {
    d: dimension(400),
    n: samples(2000),
    s0: sectorBulkVariance,
    r: sectorSpikeStrength(0.5),
    activation: choice(
      ["relu"],
      "relu",
      "activation σ: ReLU only, since the theory (the exactly linear odd part (1/4)xᵀΣ₁x′, its outlier and its bulk edge (s₀/4d)(1 + √(d/n))²) holds for ReLU alone; tanh and erf target sectors are in feature-learning/degree-amplification"
    ),
    nodes: integer(defaultNystromNodes, "Gauss–Hermite nodes of the Nyström check", {min: 8, max: 400})
  },
  outputs: {
    scalars: {
      "lambda_{k}": "k-th largest eigenvalue of the Gram matrix K/n of k₁ (k = 1, 2, 3)",
      "lambda_{k}_theory": "its prediction: the k-th largest of target sector, linear mode (s₀/d + r²)/4 and MP edge",
      sector_top: "top even target-sector eigenvalue (Hermite matrix M)",
      sector_linear: "top odd target-sector eigenvalue (the û-linear mode r²/4 as d → ∞)",
      sector_second_even: "second even target-sector eigenvalue",
      hermite_nystrom_gap: "max |Hermite-matrix − Nyström eigenvalue| over the top four sector eigenvalues",
      hermite_degree: "Hermite truncation degree of the sector spectrum",
      mean_t2: "mean of t_i² over the sample, t_i = ⟨û, x_i⟩",
      lambda_odd: "top eigenvalue of the linear part (1/4n)·XΣ₁Xᵀ",
      lambda_odd_spec: "(r²/4)·mean_t2, the spec's value of lambda_odd",
      lambda_odd_theory: "((r² + s₀/d)·mean_t2 + s₀(d − 1)/(dn))/4, lambda_odd with its finite-d terms",
      bulk_edge: "largest eigenvalue of the linear part's bulk (its second eigenvalue when r > 0)",
      bulk_edge_theory: "Marchenko–Pastur edge (s₀/4d)(1 + √(d/n))²"
    },
    tables: {
      eigenvalues: {
        description: "the six largest eigenvalues of K/n (all n when n < 6) against the sorted theory candidates",
        columns: {index: "rank 1…6", lambda: "eigenvalue of K/n", theory: "predicted eigenvalue at that rank"}
      }
    }
  },
  run({d, n, s0, r, activation, nodes}, rng) {
    const sample = sampleGram(rng, {n, d, s0, r, activation});
    // K/n has n eigenvalues: the six largest, or all of them when n < 6.
    const top = topPairs(sample.K, Math.min(6, n));
    const odd = topPairs(sample.linear, 2);

    const spectrum = sectorSpectrum({activation, s0, r});
    const sector = sectorEigenvalues(spectrum);
    const ny = nystrom({activation, s0, r}, nodes).values;
    const gap = Math.max(...sector.slice(0, 4).map((value, i) => Math.abs(value - ny[i])));

    // The operator's top eigenvalues at finite d: the even target sector, the û-linear mode (s₀/d + r²)/4 in
    // place of its d → ∞ value r²/4, and the isotropic linear bulk, seen in a Gram matrix at its MP edge.
    const edge = linearBulkEdge(s0, d, n);
    const linearMode = (s0 / d + r * r) / 4;
    const candidates = [...spectrum.even.values, linearMode, ...spectrum.odd.values.slice(1), edge, edge, edge].sort(
      (a, b) => b - a
    );
    const theory = candidates.slice(0, 3);

    const meanT2 = meanSquare(sample.t);
    const lambdaOdd = odd.values[0];
    const lambdaOddSpec = ((r * r) / 4) * meanT2;
    const lambdaOddTheory = ((r * r + s0 / d) * meanT2 + (s0 * (d - 1)) / (d * n)) / 4;
    const bulkEdge = r > 0 ? odd.values[1] : odd.values[0];

    const eigenvalues: Row[] = top.values.map((value, i) => ({index: i + 1, lambda: value, theory: candidates[i]}));
    return {
      scalars: {
        lambda_1: top.values[0],
        lambda_2: top.values[1],
        lambda_3: top.values[2],
        lambda_1_theory: theory[0],
        lambda_2_theory: theory[1],
        lambda_3_theory: theory[2],
        sector_top: spectrum.even.values[0],
        sector_linear: spectrum.odd.values[0],
        sector_second_even: spectrum.even.values[1],
        hermite_nystrom_gap: gap,
        hermite_degree: spectrum.degree,
        mean_t2: meanT2,
        lambda_odd: lambdaOdd,
        lambda_odd_spec: lambdaOddSpec,
        lambda_odd_theory: lambdaOddTheory,
        bulk_edge: bulkEdge,
        bulk_edge_theory: edge
      },
      tables: {eigenvalues}
    };
  }
});

function meanSquare(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return s / x.length;
}

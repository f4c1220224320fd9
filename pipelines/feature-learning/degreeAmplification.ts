// E7: selective amplification by degree: target-sector eigenvalues per Hermite degree against their small-r law
// r^{2k}m_k(s₀)² and the isotropic s₀^k m_k(s₀)²/d^k, for ReLU, tanh and erf; optionally a Monte Carlo feature Gram.
import {integer, pipeline} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {gram, multiplyTransposeB} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {topPairs} from "./gramSample.js";
import {inducedKernel} from "./kernel.js";
import {activate, gaussianMatrix, unitVector} from "./model.js";
import type {Activation} from "./model.js";
import {degreeEigenvalue, derivativeMoment, sectorSpectrum} from "./targetSector.js";
import {activation, dimension, sectorBulkVariance, sectorSpikeStrength} from "./params.js";

/** Per-degree eigenvalues of the target sector, iso vs spiked, and (P > 0) the top eigenvalue of a random-feature Gram. */
export const degreeAmplification = pipeline({
  id: "feature-learning/degree-amplification",
  description:
    "Target-sector eigenvalue of each Hermite degree k ≤ 4 against r^{2k}m_k(s₀)² and the isotropic s₀^k m_k(s₀)²/d^k; optional Monte Carlo feature Gram.",
  source: import.meta.url,
  params: {
    activation,
    s0: sectorBulkVariance,
    r: sectorSpikeStrength(0.1),
    d: dimension(200),
    features: integer(0, "random features P of the Monte Carlo Gram (0: none)", {min: 0, max: 200_000}),
    n: integer(1000, "inputs of the Monte Carlo Gram", {min: 4, max: 20_000})
  },
  outputs: {
    scalars: {
      "lambda_deg_{k}": "target-sector eigenvalue of Hermite degree k = 0…4",
      "law_deg_{k}": "its small-r law r^{2k}·m_k(s₀)², m_k the k-th derivative moment of the activation",
      "iso_deg_{k}": "the isotropic eigenvalue s₀^k·m_k(s₀)²/d^k of degree k",
      law_refined_deg_1: "next-order law r²m₁² + 3r⁴m₁m₃ for degree 1",
      lambda_top: "largest target-sector eigenvalue (even or odd)",
      top_even_content: "1 when the top mode is even, 0 when odd",
      even_block_max: "largest |eigenvalue| of the even block",
      odd_top_he1: "He₁ coefficient of the top odd eigenvector",
      odd_top_he3: "He₃ coefficient of the top odd eigenvector",
      even_top_he2: "He₂ coefficient of the top even eigenvector",
      hermite_degree: "Hermite truncation degree of the sector matrix",
      mc_lambda_top: {
        description: "top eigenvalue of the Monte Carlo feature Gram over n inputs",
        when: "features > 0"
      },
      analytic_lambda_top: {description: "top eigenvalue of the analytic kernel Gram K/n", when: "features > 0"}
    },
    tables: {
      degrees: {
        description: "one row per Hermite degree k = 0…4",
        columns: {
          degree: "k",
          lambda: "target-sector eigenvalue of degree k",
          law: "r^{2k}·m_k(s₀)²",
          iso: "s₀^k·m_k(s₀)²/d^k",
          amplification_law: "(d·r²/s₀)^k, the predicted amplification over the isotropic value (0 if iso = 0)"
        }
      }
    }
  },
  run({activation, s0, r, d, features, n}, rng) {
    const spectrum = sectorSpectrum({activation, s0, r});
    const scalars: Record<string, number> = {};
    const degrees: Row[] = [];
    for (let k = 0; k <= 4; ++k) {
      const mk = derivativeMoment(activation, k, s0);
      const lambda = degreeEigenvalue(spectrum, k);
      const law = r ** (2 * k) * mk * mk;
      const iso = (s0 ** k * mk * mk) / d ** k;
      scalars[`lambda_deg_${k}`] = lambda;
      scalars[`law_deg_${k}`] = law;
      scalars[`iso_deg_${k}`] = iso;
      degrees.push({degree: k, lambda, law, iso, amplification_law: iso > 0 ? ((d * r * r) / s0) ** k : 0});
    }
    // Next order for k = 1: m₁(s₀ + r²z²) ≈ m₁ + r²z²m₃/2 gives λ₁ = r²m₁² + 3r⁴m₁m₃ + O(r⁶) (exact r²/4 for ReLU).
    const m1 = derivativeMoment(activation, 1, s0);
    const m3 = derivativeMoment(activation, 3, s0);
    scalars.law_refined_deg_1 = r * r * m1 * m1 + 3 * r ** 4 * m1 * m3;

    // The overall top mode: its eigenvalue, its parity and its weight on even degrees (He₀, He₂, …).
    const evenTop = spectrum.even.values[0];
    const oddTop = spectrum.odd.values[0];
    const topIsEven = evenTop >= oddTop;
    scalars.lambda_top = Math.max(evenTop, oddTop);
    scalars.top_even_content = topIsEven ? 1 : 0;
    scalars.even_block_max = Math.max(...spectrum.even.values.map(Math.abs));
    scalars.odd_top_he1 = spectrum.odd.vectors[0][0];
    scalars.odd_top_he3 = spectrum.odd.vectors[0][1];
    scalars.even_top_he2 = spectrum.even.vectors[0][1];
    scalars.hermite_degree = spectrum.degree;

    if (features > 0) {
      const direction = unitVector(rng.fork("direction"), d);
      const X = gaussianMatrix(rng.fork("inputs"), n, d);
      const mc = monteCarloGram(rng.fork("features"), {X, direction, s0, r, features, activation});
      const analytic = inducedKernel(activation, X, {s0, r, direction});
      for (let k = 0; k < analytic.data.length; ++k) analytic.data[k] /= n;
      scalars.mc_lambda_top = topPairs(mc, 1).values[0];
      scalars.analytic_lambda_top = topPairs(analytic, 1).values[0];
    }
    return {scalars, tables: {degrees}};
  }
});

// (1/nP)·σ(XWᵀ)σ(XWᵀ)ᵀ for P features w = √(s₀/d)·g + r·z·û, in blocks of 1000 features.
function monteCarloGram(
  rng: Rng,
  options: {X: Matrix; direction: Float64Array; s0: number; r: number; features: number; activation: Activation}
): Matrix {
  const {X, direction, s0, r, features, activation} = options;
  const n = X.rows;
  const d = X.cols;
  const sum = matrix(n, n);
  const block = 1000;
  for (let start = 0, b = 0; start < features; start += block, ++b) {
    const size = Math.min(block, features - start);
    const blockRng = rng.fork(`block${b}`);
    const W = gaussianMatrix(blockRng.fork("bulk"), size, d, Math.sqrt(s0 / d));
    const z = blockRng.fork("spike").normals(size);
    for (let i = 0; i < size; ++i) for (let j = 0; j < d; ++j) W.data[i * d + j] += r * z[i] * direction[j];
    const F = multiplyTransposeB(X, W);
    for (let k = 0; k < F.data.length; ++k) F.data[k] = activate(activation, F.data[k]);
    const G = gram(F);
    for (let k = 0; k < G.data.length; ++k) sum.data[k] += G.data[k];
  }
  const scale = 1 / (n * features);
  for (let k = 0; k < sum.data.length; ++k) sum.data[k] *= scale;
  return sum;
}

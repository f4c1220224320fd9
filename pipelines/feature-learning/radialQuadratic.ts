// E6: the top eigenfunction of the ReLU k₁ mixes the radial mode ‖x‖/√d with the target-aligned quadratic harmonic
// (t² − ‖x‖²/d)/√2: Gram eigenvector projections against the 2×2 block of M and its small-r expansions.
import {integer, pipeline} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {hermiteNormalized} from "../../src/special/hermite.js";
import {sampleGram, topPairs} from "./gramSample.js";
import {sectorSpectrum} from "./targetSector.js";
import {dimension, samples, sectorBulkVariance, sectorSpikeStrength} from "./params.js";

/** Radial and He₂ coefficients of the Gram's top eigenvector against the target-sector eigenvector. */
export const radialQuadratic = pipeline({
  id: "feature-learning/radial-quadratic",
  description:
    "Top eigenvector of the ReLU k₁ Gram projected on the radial mode and the target-aligned quadratic harmonic, against the Hermite matrix M.",
  source: import.meta.url,
  params: {
    d: dimension(400),
    n: samples(2000),
    s0: sectorBulkVariance,
    r: sectorSpikeStrength(1),
    points: integer(300, "samples kept for the eigenvector-against-t scatter", {min: 0, max: 100_000})
  },
  outputs: {
    scalars: {
      lambda_top_gram: "top eigenvalue of the Gram matrix K/n",
      coef_radial: "mean of u_i·‖x_i‖/√d, u the top eigenvector scaled to mean square 1 (sign: this is > 0)",
      coef_he2: "mean of u_i·(t_i² − ‖x_i‖²/d)/√2, the quadratic-harmonic coefficient of u",
      coef_he2_theory: "He₂ coefficient of the top even eigenvector of the Hermite matrix M",
      lambda_top_theory: "top even eigenvalue of M",
      lambda_second_theory: "second even eigenvalue of M",
      m00_error: "|M₀₀ − (s₀ + r²)/(2π)|",
      m02_error: "|M₀₂ − r²/(2√2·π)|",
      m22: "the entry M₂₂",
      hermite_degree: "Hermite truncation degree of M",
      lambda_top_small: "small-r expansion (s₀ + r²)/(2π) + r⁴/(4π·s₀) of the top eigenvalue",
      coef_he2_small: "small-r expansion r²/(√2·s₀) of the He₂ coefficient",
      coef_he2_small_refined: "refined expansion r²/(√2·(s₀ + r²))",
      lambda_second_small: "small-r expansion r⁴/(2π·s₀) of the second even eigenvalue"
    },
    tables: {
      scatter: {
        description: "the first min(points, n) samples: eigenvector entry against t = ⟨û, x⟩",
        columns: {
          t: "t_i = ⟨û, x_i⟩",
          u: "scaled top-eigenvector entry u_i",
          eigenfunction: "target-sector top eigenfunction φ(t_i)",
          profile: "√((s₀ + r²t²)/(s₀ + r²))"
        }
      },
      curve: {
        description: "the sector's top mode along 45 values of r from 0 to 2.2 (at this s₀)",
        columns: {
          r: "spike strength",
          he2: "He₂ coefficient of the top even eigenvector of M",
          lambda_top: "top even eigenvalue of M",
          he2_small: "small-r expansion r²/(√2·s₀)"
        }
      }
    }
  },
  run({d, n, s0, r, points}, rng) {
    const sample = sampleGram(rng, {n, d, s0, r, activation: "relu"});
    const top = topPairs(sample.K, 1);
    const {X, t} = sample;
    const radial = new Float64Array(n);
    const quadratic = new Float64Array(n);
    for (let i = 0; i < n; ++i) {
      let s = 0;
      for (let j = 0; j < d; ++j) s += X.data[i * d + j] ** 2;
      radial[i] = Math.sqrt(s / d);
      quadratic[i] = (t[i] * t[i] - s / d) / Math.SQRT2;
    }
    // u scaled so that mean u² = 1, with the sign that makes its radial coefficient positive.
    const u = top.vectors[0].map((x) => x * Math.sqrt(n));
    let coefRadial = mean(u, radial);
    const sign = coefRadial < 0 ? -1 : 1;
    coefRadial *= sign;
    for (let i = 0; i < n; ++i) u[i] *= sign;
    const coefQuadratic = mean(u, quadratic);

    const spectrum = sectorSpectrum({activation: "relu", s0, r});
    const {M} = spectrum;
    const J = M.cols;
    const r2 = r * r;
    const m00 = (s0 + r2) / (2 * Math.PI);
    const m02 = r2 / (2 * Math.SQRT2 * Math.PI);
    const topVector = spectrum.even.vectors[0];
    const he2 = topVector[1];
    const lambdaTop = spectrum.even.values[0];
    const lambdaSecond = spectrum.even.values[1];
    const lambdaTopSmall = (s0 + r2) / (2 * Math.PI) + (r2 * r2) / (4 * Math.PI * s0);
    const he2Small = r2 / (Math.SQRT2 * s0);
    const he2SmallRefined = r2 / (Math.SQRT2 * (s0 + r2));
    const lambdaSecondSmall = (r2 * r2) / (2 * Math.PI * s0);

    // The target-sector top eigenfunction φ(t) = Σ_j a_j He_j(t)/√j! (even j), and the curve √((s₀ + r²t²)/(s₀ + r²)).
    const keep = Math.min(points, n);
    const scatter: Row[] = [];
    for (let i = 0; i < keep; ++i) {
      const phi = spectrum.even.degrees.reduce((s, j, m) => s + topVector[m] * hermiteNormalized(j, t[i]), 0);
      scatter.push({t: t[i], u: u[i], eigenfunction: phi, profile: Math.sqrt((s0 + r2 * t[i] * t[i]) / (s0 + r2))});
    }
    // The mixing coefficient and top eigenvalue along a grid of r, for the theory curve.
    const curve: Row[] = Array.from({length: 45}, (_, i) => {
      const rr = (2.2 * i) / 44;
      const sp = sectorSpectrum({activation: "relu", s0, r: rr});
      return {
        r: rr,
        he2: sp.even.vectors[0][1],
        lambda_top: sp.even.values[0],
        he2_small: (rr * rr) / (Math.SQRT2 * s0)
      };
    });
    return {
      scalars: {
        lambda_top_gram: top.values[0],
        coef_radial: coefRadial,
        coef_he2: coefQuadratic,
        coef_he2_theory: he2,
        lambda_top_theory: lambdaTop,
        lambda_second_theory: lambdaSecond,
        m00_error: Math.abs(M.data[0] - m00),
        m02_error: Math.abs(M.data[2] - m02),
        m22: M.data[2 * J + 2],
        hermite_degree: spectrum.degree,
        lambda_top_small: lambdaTopSmall,
        coef_he2_small: he2Small,
        coef_he2_small_refined: he2SmallRefined,
        lambda_second_small: lambdaSecondSmall
      },
      tables: {scatter, curve}
    };
  }
});

// (1/n)Σ_i a_i b_i.
function mean(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; ++i) s += a[i] * b[i];
  return s / a.length;
}

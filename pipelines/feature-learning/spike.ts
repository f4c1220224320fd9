// E2: one large gradient step on a Gaussian single-index task adds a rank-one spike along v = Xᵀy/n to the first layer.
import {choice, integer, pipeline, real} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {gramTransposeA} from "../../src/linalg/gemm.js";
import {vectorNorm} from "../../src/linalg/norms.js";
import {topEigen} from "../../src/linalg/topEigen.js";
import {dot, giantStep, lanczosStart, readouts, spikeTheory, stepWeights} from "./model.js";
import {activation, dimension, sampleRatio, stepSize, target, widthRatio} from "./params.js";

/** The spike after one step: alignment γ, the slope of the update on z_i, the top direction, the bulk and Gaussianity. */
export const spike = pipeline({
  id: "feature-learning/spike",
  description:
    "One large gradient step W¹ = W⁰ + η̃·(−p∇L): measured spike (slope, top direction, bulk s₀, kurtosis, γ) against the formulas.",
  source: import.meta.url,
  params: {
    d: dimension(400),
    alpha: sampleRatio(2),
    p_ratio: widthRatio(2),
    eta: stepSize(1),
    activation,
    target,
    readout: choice(readouts, "gaussian", "second-layer weights: z = √p·a Gaussian, constant 1 or ±1"),
    noise: real(0, "label noise τ", {min: 0}),
    bins: integer(0, "histogram bins of ⟨w¹, v̂⟩/r on [−4, 4] (0: no histogram)", {min: 0, max: 400})
  },
  outputs: {
    scalars: {
      n: "sample count round(alpha·d)",
      p: "hidden width round(p_ratio·d)",
      gamma: "alignment γ = ⟨v̂, β⟩ of the spike direction v = Xᵀy/n with the target direction β",
      gamma_theory: "γ predicted by the formulas at the rounded ratio n/d",
      v_norm2: "‖v‖², squared norm of the spike direction",
      v_norm2_theory: "‖v‖² predicted",
      slope: "least-squares slope of the update's projection on v̂ against the readout z_i",
      slope_theory: "predicted slope η̃·μ₁·‖v‖",
      slope_ratio: "slope / slope_theory",
      cos_top: "|cos| between the top eigenvector of S = W¹ᵀW¹/p and v̂",
      lambda_top: "top eigenvalue of S = W¹ᵀW¹/p",
      bulk_s0: "bulk level d·(tr S − λ_top)/(d − 1)",
      s0_theory: "predicted bulk level s₀",
      r2: "spike strength: mean square of ⟨w¹_i, v̂⟩ minus bulk_s0/d",
      r2_theory: "predicted spike strength r²",
      r2_control: "the same excess along v̂ for the initial weights W⁰ (no step; ≈ 0)",
      kurtosis: "kurtosis m₄/m₂² of the projections ⟨w¹_i, v̂⟩ (3 for a Gaussian)",
      mu1: "first Hermite coefficient μ₁ of the activation"
    },
    tables: {
      projection_histogram: {
        description: "density histogram of ⟨w¹_i, v̂⟩/r on [−4, 4], r = √r2_theory",
        when: "bins > 0",
        columns: {x: "bin centre", density: "fraction of rows per unit width"}
      }
    }
  },
  run(params, rng) {
    const {d, eta, activation, target, readout, noise, bins} = params;
    const n = Math.max(1, Math.round(params.alpha * d));
    const p = Math.max(1, Math.round(params.p_ratio * d));
    const step = giantStep(rng, {n, d, p, activation, target, noise, readout});
    // The formulas hold for the sample ratio actually used, n/d after rounding n (α = 0.333, d = 300: n/d = 1/3).
    const theory = spikeTheory({activation, target, alpha: n / d, eta, noise});
    const {v, network, direction} = step;
    const vNorm = vectorNorm(v);
    const vHat = v.map((x) => x / vNorm);
    const W1 = stepWeights(step, eta);

    // Projections on v̂ of the initial rows, of the update and of the new rows.
    const z = network.z;
    const initial = rowProjections(network.W.data, vHat, p, d);
    const update = rowProjections(direction.data, vHat, p, d).map((x) => eta * x);
    const projection = initial.map((x, i) => x + update[i]);
    const slope = dot(z, update) / dot(z, z);
    const slopeTheory = eta * theory.mu1 * vNorm;

    // Spectrum of S = W¹ᵀW¹/p: top direction and the bulk level d·(tr S − λ_top)/(d − 1).
    const S = gramTransposeA(W1);
    for (let k = 0; k < S.data.length; ++k) S.data[k] /= p;
    const top = topEigen(S, 1, lanczosStart);
    const lambdaTop = top.values[0];
    const u = Float64Array.from({length: d}, (_, j) => top.vectors.data[j]);
    const cosTop = Math.abs(dot(u, vHat));
    const trace = meanSquareNorm(W1.data, p, d);
    const bulkS0 = (d * (trace - lambdaTop)) / (d - 1);

    // The spike strength as the excess second moment along v̂, and the same at η̃ = 0 (the control).
    const r2 = meanSquare(projection) - bulkS0 / d;
    const r2Control = meanSquare(initial) - meanSquareNorm(network.W.data, p, d) / d;

    const tables: Record<string, Row[]> = {};
    if (bins > 0) tables.projection_histogram = histogram(projection, Math.sqrt(theory.r2), bins);
    return {
      scalars: {
        n,
        p,
        gamma: dot(vHat, step.data.beta),
        gamma_theory: theory.gamma,
        v_norm2: vNorm * vNorm,
        v_norm2_theory: theory.vNorm2,
        slope,
        slope_theory: slopeTheory,
        slope_ratio: slope / slopeTheory,
        cos_top: cosTop,
        lambda_top: lambdaTop,
        bulk_s0: bulkS0,
        s0_theory: theory.s0,
        r2,
        r2_theory: theory.r2,
        r2_control: r2Control,
        kurtosis: kurtosis(projection),
        mu1: theory.mu1
      },
      tables
    };
  }
});

// ⟨row_i, u⟩ for the p rows of a p×d row-major array.
function rowProjections(a: Float64Array, u: Float64Array, p: number, d: number): Float64Array {
  const out = new Float64Array(p);
  for (let i = 0; i < p; ++i) {
    let s = 0;
    for (let j = 0; j < d; ++j) s += a[i * d + j] * u[j];
    out[i] = s;
  }
  return out;
}

// (1/p)Σ_i ‖row_i‖², the trace of WᵀW/p.
function meanSquareNorm(a: Float64Array, p: number, d: number): number {
  let s = 0;
  for (let k = 0; k < p * d; ++k) s += a[k] * a[k];
  return s / p;
}

function meanSquare(x: Float64Array): number {
  return dot(x, x) / x.length;
}

// m₄/m₂² of the centred values (3 for a Gaussian).
function kurtosis(x: Float64Array): number {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    const c = (v - mean) * (v - mean);
    m2 += c;
    m4 += c * c;
  }
  m2 /= n;
  m4 /= n;
  return m4 / (m2 * m2);
}

// Density histogram of x/scale on [−4, 4].
function histogram(x: Float64Array, scale: number, bins: number): Row[] {
  const lo = -4;
  const width = 8 / bins;
  const counts = new Float64Array(bins);
  for (const v of x) {
    const k = Math.floor((v / scale - lo) / width);
    if (k >= 0 && k < bins) counts[k] += 1;
  }
  return Array.from(counts, (c, k) => ({x: lo + (k + 0.5) * width, density: c / (x.length * width)}));
}

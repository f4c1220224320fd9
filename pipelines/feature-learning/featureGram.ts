// E3: the finite-width feature Gram matrix after one step against the analytic kernel k₁ with fitted (s₀, r, û).
import {integer, pipeline, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {gram, gramTransposeA, multiplyTransposeB} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {topPairs} from "./gramSample.js";
import {inducedKernel} from "./kernel.js";
import {gaussianMatrix, giantStep, stepWeights} from "./model.js";
import {dimension, sampleRatio, stepSize, target, widthRatio} from "./params.js";

/** The ReLU feature Gram (1/p)σ(XW¹ᵀ)σ(XW¹ᵀ)ᵀ on fresh inputs against k₁, and the same at initialisation. */
export const featureGram = pipeline({
  id: "feature-learning/feature-gram",
  description:
    "Finite-width ReLU feature Gram after one step vs the analytic kernel k₁ with fitted (s₀, r, û): spectrum and Frobenius error against width.",
  source: import.meta.url,
  params: {
    d: dimension(400),
    alpha: sampleRatio(2),
    p_ratio: widthRatio(4),
    eta: stepSize(2),
    target,
    // Five dense n_test×n_test matrices (the width sums, K₁, K_p, K₀ and a scaled copy): 8·n_test² bytes each, 72 MB at
    // 3000, 3.2 GB at 20000.
    n_test: integer(1500, "fresh inputs on which the Gram matrices are formed", {min: 4, max: 3000}),
    widths: reals([100, 200, 400, 800, 1600], "nested widths at which the Frobenius error is measured (each ≤ p)", {
      min: 1
    }),
    scatter: integer(400, "entries kept for the scatter plot", {min: 0, max: 100_000})
  },
  outputs: {
    scalars: {
      n: "sample count round(alpha·d) of the gradient step",
      p: "hidden width round(p_ratio·d)",
      s0_fit: "bulk level s₀ fitted from S = W¹ᵀW¹/p: d·(tr S − λ_top)/(d − 1)",
      r2_fit: "spike strength r² = λ_top(S) − s₀/d",
      lambda_1: "top eigenvalue of the feature Gram K_p/n_test at the largest width",
      lambda_2: "second eigenvalue of K_p/n_test",
      lambda_1_theory: "top eigenvalue of the analytic kernel K₁/n_test with the fitted (s₀, r, û)",
      lambda_2_theory: "second eigenvalue of K₁/n_test",
      frobenius_error: "‖K_p − K₁‖_F/‖K₁‖_F at the largest width",
      frobenius_slope: "slope of log(error) against log(width) over all widths (−1/2 for pure Monte Carlo error)",
      frobenius_slope_small: "the same slope over the three smallest widths",
      frobenius_floor: "√b from the fit error² = a/width + b: the error left at infinite width",
      lambda_init: "top eigenvalue of the feature Gram at initialisation W⁰, over n_test",
      lambda_init_theory: "1/(2π), its limit"
    },
    tables: {
      errors: {
        description: "relative Frobenius error of the feature Gram at each nested width",
        columns: {width: "number of neurons", error: "‖K_width − K₁‖_F/‖K₁‖_F"}
      },
      eigenvalues: {
        description: "the four largest eigenvalues of the Gram matrices divided by n_test",
        columns: {index: "rank 1…4", empirical: "eigenvalue of K_p/n_test", analytic: "eigenvalue of K₁/n_test"}
      },
      entries: {
        description: "`scatter` sampled entries (i, j) of both Gram matrices (every tenth on the diagonal)",
        columns: {analytic: "K₁[i, j]", empirical: "K_p[i, j]", diagonal: "whether i = j"}
      }
    }
  },
  run({d, alpha, p_ratio, eta, target, n_test, widths, scatter}, rng) {
    const n = Math.max(1, Math.round(alpha * d));
    const p = Math.max(1, Math.round(p_ratio * d));
    const sizes = [...widths].map(Math.round).filter((w) => w >= 1 && w <= p);
    if (sizes.length === 0 || sizes.some((w, i) => i > 0 && w <= sizes[i - 1])) {
      throw new Error(`featureGram: widths must increase and be at most p = ${p}`);
    }
    const step = giantStep(rng, {n, d, p, activation: "relu", target, noise: 0, readout: "gaussian"});
    const W1 = stepWeights(step, eta);

    // Fit Σ₁ from the weights: û and λ_top of S = W¹ᵀW¹/p, s₀ from the bulk, r² = λ_top − s₀/d.
    const S = gramTransposeA(W1);
    for (let k = 0; k < S.data.length; ++k) S.data[k] /= p;
    const top = topPairs(S, 1);
    let trace = 0;
    for (let j = 0; j < d; ++j) trace += S.data[j * d + j];
    const s0 = (d * (trace - top.values[0])) / (d - 1);
    const r2 = top.values[0] - s0 / d;
    const covariance = {s0, r: Math.sqrt(Math.max(r2, 0)), direction: top.vectors[0]};

    const Xtest = gaussianMatrix(rng.fork("test"), n_test, d);
    const K1 = inducedKernel("relu", Xtest, covariance);
    const K1norm = frobenius(K1);

    // Feature Gram accumulated over nested blocks of neurons; the error is recorded at each width.
    const sum = matrix(n_test, n_test);
    const errors: Row[] = [];
    let done = 0;
    for (const width of sizes) {
      addFeatureGram(sum, Xtest, W1, done, width);
      done = width;
      errors.push({width, error: frobeniusDistance(sum, 1 / width, K1) / K1norm});
    }
    const Kp = scaled(sum, 1 / done);
    const K0sum = matrix(n_test, n_test);
    addFeatureGram(K0sum, Xtest, step.network.W, 0, p);
    const K0 = scaled(K0sum, 1 / p);

    const scale = 1 / n_test;
    const empirical = topPairs(scaled(Kp, scale), 4).values;
    const analytic = topPairs(scaled(K1, scale), 4).values;
    const initial = topPairs(scaled(K0, scale), 1).values;
    const logs = errors.map((e) => [Math.log(e.width as number), Math.log(e.error as number)]);
    const slope = fitLine(
      logs.map(([x]) => x),
      logs.map(([, y]) => y)
    ).slope;
    const small = logs.slice(0, Math.min(3, logs.length));
    const slopeSmall = fitLine(
      small.map(([x]) => x),
      small.map(([, y]) => y)
    ).slope;
    // error² = a/p + b: a Monte Carlo part falling like 1/p and a floor b from the Gaussian model of the weights.
    const floorFit = fitLine(
      errors.map((e) => 1 / (e.width as number)),
      errors.map((e) => (e.error as number) ** 2)
    );

    const pick = rng.fork("scatter");
    const entries: Row[] = [];
    for (let k = 0; k < scatter; ++k) {
      const i = pick.integer(n_test);
      const j = k % 10 === 0 ? i : pick.integer(n_test);
      entries.push({analytic: K1.data[i * n_test + j], empirical: Kp.data[i * n_test + j], diagonal: i === j});
    }
    return {
      scalars: {
        n,
        p,
        s0_fit: s0,
        r2_fit: r2,
        lambda_1: empirical[0],
        lambda_2: empirical[1],
        lambda_1_theory: analytic[0],
        lambda_2_theory: analytic[1],
        frobenius_error: errors[errors.length - 1].error as number,
        frobenius_slope: slope,
        frobenius_slope_small: slopeSmall,
        frobenius_floor: Math.sqrt(Math.max(floorFit.intercept, 0)),
        lambda_init: initial[0],
        lambda_init_theory: 1 / (2 * Math.PI)
      },
      tables: {
        errors,
        eigenvalues: empirical.map((value, i) => ({index: i + 1, empirical: value, analytic: analytic[i]})),
        entries
      }
    };
  }
});

// sum += Σ_{i ∈ [from, to)} relu(Xw_i)relu(Xw_i)ᵀ, in blocks of at most 400 neurons.
function addFeatureGram(sum: Matrix, X: Matrix, W: Matrix, from: number, to: number): void {
  const d = W.cols;
  for (let start = from; start < to; start += 400) {
    const end = Math.min(to, start + 400);
    const block = matrix(end - start, d, W.data.subarray(start * d, end * d));
    const F = multiplyTransposeB(X, block);
    for (let k = 0; k < F.data.length; ++k) if (F.data[k] < 0) F.data[k] = 0;
    const G = gram(F);
    for (let k = 0; k < G.data.length; ++k) sum.data[k] += G.data[k];
  }
}

function scaled(A: Matrix, c: number): Matrix {
  return matrix(
    A.rows,
    A.cols,
    A.data.map((x) => c * x)
  );
}

function frobenius(A: Matrix): number {
  let s = 0;
  for (const x of A.data) s += x * x;
  return Math.sqrt(s);
}

// ‖c·A − B‖_F.
function frobeniusDistance(A: Matrix, c: number, B: Matrix): number {
  let s = 0;
  for (let k = 0; k < A.data.length; ++k) s += (c * A.data[k] - B.data[k]) ** 2;
  return Math.sqrt(s);
}

// Least-squares line y ≈ intercept + slope·x.
function fitLine(x: number[], y: number[]): {slope: number; intercept: number} {
  const n = x.length;
  if (n < 2) return {slope: 0, intercept: n === 1 ? y[0] : 0};
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return {slope, intercept: my - slope * mx};
}

// E8: the learned kernel as an isotropic kernel on stretched inputs, k₁(x, x′) = k₀(Ax, Ax′), and what it buys
// downstream: ridge regression on fresh data with k₀, k₁ and the trained random features.
import {integer, pipeline, real, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {gram, gramTransposeA, multiplyTransposeB, multiplyVector} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {vectorNorm} from "../../src/linalg/norms.js";
import {solveSymmetricPositive} from "../../src/linalg/solve.js";
import {covarianceKernel, inducedKernel, inputMap, isotropicKernel, kappa, quadraticForms} from "./kernel.js";
import type {SpikedCovariance} from "./kernel.js";
import {giantStep, sampleData, spikeTheory, stepWeights} from "./model.js";
import {dimension, sampleRatio, stepSize, target, widthRatio} from "./params.js";

/** k₁ = k₀∘A to machine precision, and test error of kernel ridge with k₀, k₁ and the one-step random features. */
export const inputSpace = pipeline({
  id: "feature-learning/input-space",
  description:
    "Input-space reading k₁(x, x′) = k₀(Ax, Ax′), and test MSE of ridge regression with k₀, k₁ and the trained ReLU features against n₂/d.",
  source: import.meta.url,
  params: {
    d: dimension(200),
    alpha: sampleRatio(2),
    eta: stepSize(2),
    p_ratio: widthRatio(10),
    target,
    n2: reals([100, 200, 400, 800, 1200, 2000], "fresh training set sizes n₂ (increasing)", {min: 1}),
    // Four kernels over train and test together, (max n₂ + n_test)² doubles each: 128 MB at 2000 + 2000, 3.7 GB at
    // 2000 + 20000.
    n_test: integer(1000, "fresh test inputs", {min: 1, max: 2000}),
    ridge: real(1e-3, "ridge λ: (K + n₂λI)⁻¹", {min: 0}),
    pairs: integer(20, "input pairs for the k₁ = k₀∘A check", {min: 1, max: 100_000})
  },
  outputs: {
    scalars: {
      equivalence_error: "max relative |k₁(x, x′) − k₀(Ax, Ax′)|/|k₁| over `pairs` test pairs",
      s0: "bulk variance s₀ of the predicted Σ₁",
      r2: "spike strength r² = η̃²μ₁²‖v‖² of the predicted Σ₁",
      gamma: "|⟨v̂, β⟩|, alignment of the spike direction with the target",
      mse_k0: "test MSE of kernel ridge with the isotropic k₀ at the largest n₂",
      mse_k1: "test MSE with the spiked k₁ at the largest n₂",
      mse_empirical: "test MSE with the kernel of the trained weights' empirical covariance at the largest n₂",
      mse_rf: "test MSE with the trained random features (1/p)·relu(XW¹ᵀ)relu(XW¹ᵀ)ᵀ at the largest n₂",
      label_power: "mean of y² over the test set (the MSE of predicting 0)",
      k1_over_k0_max: "max mse_k1/mse_k0 over the sizes with n₂ ≥ 2d (0 if none)",
      rf_k1_gap_max: "max |mse_rf/mse_k1 − 1| over the sizes",
      rf_empirical_gap_max: "max |mse_rf/mse_empirical − 1| over the sizes"
    },
    tables: {
      curve: {
        description: "test MSE of kernel ridge (λ = ridge) for each training size n₂",
        columns: {
          n2: "training set size",
          ratio: "n₂/d",
          mse_k0: "with the isotropic k₀",
          mse_k1: "with the spiked k₁",
          mse_empirical: "with the empirical weight covariance's kernel",
          mse_rf: "with the trained random features"
        }
      }
    }
  },
  run({d, alpha, eta, p_ratio, target, n2, n_test, ridge, pairs}, rng) {
    const sizes = [...n2].map(Math.round);
    if (sizes.some((m, i) => m < 1 || (i > 0 && m <= sizes[i - 1]))) throw new Error("inputSpace: n2 must increase");
    const n1 = Math.max(1, Math.round(alpha * d));
    const p = Math.max(1, Math.round(p_ratio * d));
    const step = giantStep(rng, {n: n1, d, p, activation: "relu", target, noise: 0, readout: "gaussian"});
    const W1 = stepWeights(step, eta);
    const theory = spikeTheory({activation: "relu", target, alpha, eta, noise: 0});
    const vNorm = vectorNorm(step.v);
    const direction = step.v.map((x) => x / vNorm);
    // Σ₁ predicted from this run's v: r² = η̃²μ₁²‖v‖², s₀ from the formula.
    const spiked: SpikedCovariance = {s0: theory.s0, r: eta * theory.mu1 * vNorm, direction};
    const isotropic: SpikedCovariance = {s0: 1, r: 0, direction};

    // Fresh training and test data from the same single-index task.
    const beta = step.data.beta;
    const nMax = sizes[sizes.length - 1];
    const train = sampleData(rng.fork("train"), {n: nMax, d, target, noise: 0, beta});
    const test = sampleData(rng.fork("test"), {n: n_test, d, target, noise: 0, beta});
    const all = stack(train.X, test.X);

    // k₁(x, x′) against k₀(Ax, Ax′) on test pairs.
    const A = inputMap(spiked, d);
    const pick = rng.fork("pairs");
    const q = quadraticForms(test.X, spiked);
    let equivalence = 0;
    for (let k = 0; k < pairs; ++k) {
      const i = pick.integer(n_test);
      const j = pick.integer(n_test);
      const x = test.X.data.subarray(i * d, (i + 1) * d);
      const xPrime = test.X.data.subarray(j * d, (j + 1) * d);
      const c = bilinear(x, xPrime, spiked);
      const k1 = kappa("relu", q[i], q[j], c);
      const k0 = isotropicKernel("relu", multiplyVector(A, x), multiplyVector(A, xPrime));
      equivalence = Math.max(equivalence, Math.abs(k1 - k0) / Math.abs(k1));
    }

    const yTest = test.y;
    const mse = {
      k0: ridgeCurve(inducedKernel("relu", all, isotropic), train.y, yTest, sizes, ridge),
      k1: ridgeCurve(inducedKernel("relu", all, spiked), train.y, yTest, sizes, ridge),
      empirical: ridgeCurve(covarianceKernel("relu", all, weightCovariance(W1)), train.y, yTest, sizes, ridge),
      rf: ridgeCurve(featureKernel(all, W1), train.y, yTest, sizes, ridge)
    };
    let power = 0;
    for (const y of yTest) power += y * y;
    power /= n_test;

    const curve: Row[] = sizes.map((m, i) => ({
      n2: m,
      ratio: m / d,
      mse_k0: mse.k0[i],
      mse_k1: mse.k1[i],
      mse_empirical: mse.empirical[i],
      mse_rf: mse.rf[i]
    }));
    let k1OverK0 = 0;
    let rfGap = 0;
    let rfEmpiricalGap = 0;
    sizes.forEach((m, i) => {
      if (m >= 2 * d) k1OverK0 = Math.max(k1OverK0, mse.k1[i] / mse.k0[i]);
      rfGap = Math.max(rfGap, Math.abs(mse.rf[i] / mse.k1[i] - 1));
      rfEmpiricalGap = Math.max(rfEmpiricalGap, Math.abs(mse.rf[i] / mse.empirical[i] - 1));
    });
    const last = sizes.length - 1;
    return {
      scalars: {
        equivalence_error: equivalence,
        s0: spiked.s0,
        r2: spiked.r * spiked.r,
        gamma: Math.abs(direction.reduce((s, x, j) => s + x * beta[j], 0)),
        mse_k0: mse.k0[last],
        mse_k1: mse.k1[last],
        mse_empirical: mse.empirical[last],
        mse_rf: mse.rf[last],
        label_power: power,
        k1_over_k0_max: k1OverK0,
        rf_k1_gap_max: rfGap,
        rf_empirical_gap_max: rfEmpiricalGap
      },
      tables: {curve}
    };
  }
});

// Test MSE of kernel ridge f = K_test,train(K_train + mλI)⁻¹y on the first m training points, for each m.
// K is the kernel over [train; test] (the training block first).
function ridgeCurve(K: Matrix, yTrain: Float64Array, yTest: Float64Array, sizes: number[], ridge: number): number[] {
  const N = K.rows;
  const nTrain = yTrain.length;
  return sizes.map((m) => {
    const block = matrix(m, m);
    for (let i = 0; i < m; ++i) {
      block.data.set(K.data.subarray(i * N, i * N + m), i * m);
      block.data[i * m + i] += m * ridge;
    }
    const coef = solveSymmetricPositive(block, matrix(m, 1, yTrain.slice(0, m))).data;
    let s = 0;
    for (let i = 0; i < yTest.length; ++i) {
      const row = (nTrain + i) * N;
      let f = 0;
      for (let j = 0; j < m; ++j) f += K.data[row + j] * coef[j];
      s += (yTest[i] - f) ** 2;
    }
    return s / yTest.length;
  });
}

// (1/p)·relu(ZWᵀ)relu(ZWᵀ)ᵀ, accumulated over blocks of 1000 neurons.
function featureKernel(Z: Matrix, W: Matrix): Matrix {
  const N = Z.rows;
  const d = W.cols;
  const p = W.rows;
  const K = matrix(N, N);
  for (let start = 0; start < p; start += 1000) {
    const end = Math.min(p, start + 1000);
    const F = multiplyTransposeB(Z, matrix(end - start, d, W.data.subarray(start * d, end * d)));
    for (let k = 0; k < F.data.length; ++k) if (F.data[k] < 0) F.data[k] = 0;
    const G = gram(F);
    for (let k = 0; k < G.data.length; ++k) K.data[k] += G.data[k];
  }
  for (let k = 0; k < K.data.length; ++k) K.data[k] /= p;
  return K;
}

// The second moment W¹ᵀW¹/p of the trained rows.
function weightCovariance(W: Matrix): Matrix {
  const S = gramTransposeA(W);
  for (let k = 0; k < S.data.length; ++k) S.data[k] /= W.rows;
  return S;
}

function stack(A: Matrix, B: Matrix): Matrix {
  const out = matrix(A.rows + B.rows, A.cols);
  out.data.set(A.data, 0);
  out.data.set(B.data, A.data.length);
  return out;
}

// xᵀΣ₁x′ = (s₀/d)⟨x, x′⟩ + r²⟨û, x⟩⟨û, x′⟩.
function bilinear(x: Float64Array, xPrime: Float64Array, covariance: SpikedCovariance): number {
  const d = x.length;
  let c = 0;
  let t = 0;
  let tPrime = 0;
  for (let j = 0; j < d; ++j) {
    c += x[j] * xPrime[j];
    t += x[j] * covariance.direction[j];
    tPrime += xPrime[j] * covariance.direction[j];
  }
  return (covariance.s0 / d) * c + covariance.r * covariance.r * t * tPrime;
}

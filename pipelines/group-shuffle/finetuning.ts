// E7 of the Group-and-Shuffle paper: toy fine-tuning with GSOFT, OFT, BOFT and LoRA at equal parameter budgets.
import {choice, integer, pipeline, real} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {expmSkew} from "../../src/linalg/expm.js";
import {gramTransposeA, multiply, multiplyTransposeA, multiplyTransposeB} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {vectorNorm} from "../../src/linalg/norms.js";
import {svd} from "../../src/linalg/svd.js";
import type {Rng} from "../../src/random/rng.js";
import {adamState, adamStep} from "./adam.js";
import {loraAdapter, orthogonalAdapter} from "./trainableAdapters.js";
import type {TrainableAdapter} from "./trainableAdapters.js";

/** The adapters in output order, with their configurations at the default budget of 1024 raw parameters. */
const adapterNames = ["gsoft", "oft", "boft", "lora"] as const;

/**
 * Spec E7: a pretrained f(x) = W₂·tanh(W₁x) (W₁ d×d, W₂ d_out×d, entries N(0, 1/d)) and a shifted task
 * f*(x) = W₂·tanh(W₁Q*x) with Q* = exp(angle·S), S a dense skew matrix with ‖S‖₂ = 1 (or, with task
 * "low-rank", f*(x) = W₂·tanh((W₁ + ΔW)x) with ΔW of rank `lora_rank`). Layer 1 is adapted by GSOFT (block b),
 * OFT (block 2b), BOFT (block b, two factors) and LoRA (rank b), all with 2db raw parameters, trained by full-batch
 * Adam on the mean squared error. Reports test MSE relative to the un-adapted network, learning curves, the
 * step-0 outputs against the pretrained ones, ‖QᵀQ − I‖_F over training, and the singular values of W₁Q
 * against those of W₁. One run is one seed.
 */
export const finetuning = pipeline({
  id: "group-shuffle/finetuning",
  description: "Toy orthogonal fine-tuning: GSOFT, OFT, BOFT and LoRA at equal parameter budget, full-batch Adam.",
  source: import.meta.url,
  params: {
    width: integer(64, "hidden and input width d", {min: 4, max: 512}),
    outputs: integer(8, "output width d_out", {min: 1, max: 512}),
    block: integer(8, "GSOFT block b (OFT uses 2b, BOFT (b, 2), LoRA rank b)", {min: 2, max: 256}),
    train: integer(1024, "training points", {min: 1, max: 65536}),
    test: integer(1024, "test points", {min: 1, max: 65536}),
    steps: integer(600, "Adam steps", {min: 0, max: 100000}),
    learning_rate: real(2e-2, "Adam learning rate", {min: 0}),
    angle: real(1, "rotation angle of the shifted task Q* = exp(angle·S)", {min: 0}),
    task: choice(["rotation", "low-rank"], "rotation", "how the target differs from the pretrained network"),
    shift_rank: integer(4, "rank of ΔW in the low-rank task", {min: 1, max: 4096}),
    curve_every: integer(10, "steps between learning-curve points", {min: 1, max: 1_000_000})
  },
  outputs: {
    scalars: {
      unadapted_test_mse: "test MSE of the pretrained network on the shifted task",
      "{adapter}_parameters": "raw trainable parameters of the gsoft, oft, boft or lora adapter",
      "{adapter}_relative_mse": "its test MSE after `steps` Adam steps, relative to unadapted_test_mse",
      step0_output_error: "max |adapted − pretrained output| at step 0 over the adapters (0 expected)",
      max_orthogonality_error: "max ‖QᵀQ − I‖_F of the orthogonal adapters over training",
      singular_value_error: "max |σ_i(W₁) − σ_i(W₁Q)|/σ_1(W₁) after training, orthogonal adapters",
      boft_minus_gsoft: "boft_relative_mse − gsoft_relative_mse",
      oft_minus_gsoft: "oft_relative_mse − gsoft_relative_mse",
      gsoft_beats_boft: "1 when GSOFT's relative MSE is below BOFT's",
      gsoft_beats_oft: "1 when GSOFT's relative MSE is below OFT's",
      lora_beats_gsoft: "1 when LoRA's relative MSE is below GSOFT's"
    },
    tables: {
      curves: {
        description: "learning curves: every curve_every steps and the last step, per adapter",
        columns: {
          method: "gsoft, oft, boft or lora",
          step: "Adam step",
          train_loss: "training MSE",
          test_relative_mse: "test MSE relative to the un-adapted network"
        }
      }
    }
  },
  run(params, rng) {
    const {width: d, outputs, block: b, steps} = params;
    if (d % (2 * b) !== 0) throw new Error(`finetuning: 2·block = ${2 * b} must divide width = ${d}`);
    const init = rng.fork("pretrained");
    const W1 = gaussian(d, d, 1 / Math.sqrt(d), init);
    const W2 = gaussian(outputs, d, 1 / Math.sqrt(d), init);
    const Wtarget = targetWeight(W1, params, rng.fork("task"));
    const data = rng.fork("data");
    const Xtrain = gaussian(d, params.train, 1, data); // columns are the points
    const Xtest = gaussian(d, params.test, 1, data);
    const Ytrain = network(W2, Wtarget, Xtrain);
    const Ytest = network(W2, Wtarget, Xtest);
    const pretrainedTest = network(W2, W1, Xtest);
    const baseline = mse(pretrainedTest, Ytest);

    const scalars: Record<string, number> = {unadapted_test_mse: baseline};
    const curves: Row[] = [];
    let step0Error = 0;
    let orthogonalityError = 0;
    let singularValueError = 0;
    const relative: Record<string, number> = {};
    for (const name of adapterNames) {
      const adapter = makeAdapter(name, W1, b, rng.fork(`adapter-${name}`));
      scalars[`${name}_parameters`] = adapter.parameterCount;
      const state = adamState(adapter.parameters);
      const start = adapter.evaluate();
      step0Error = Math.max(step0Error, maxAbsDifference(network(W2, start.weight, Xtest), pretrainedTest));
      let last = start;
      for (let step = 0; step <= steps; ++step) {
        const current = step === 0 ? start : adapter.evaluate();
        last = current;
        if (current.Q !== null) orthogonalityError = Math.max(orthogonalityError, orthogonalityDefect(current.Q));
        const {loss, gradient} = lossAndGradient(W2, current.weight, Xtrain, Ytrain);
        if (step % params.curve_every === 0 || step === steps) {
          curves.push({
            method: name,
            step,
            train_loss: loss,
            test_relative_mse: mse(network(W2, current.weight, Xtest), Ytest) / baseline
          });
        }
        if (step === steps) break;
        adamStep(state, adapter.parameters, current.backward(gradient), {learningRate: params.learning_rate});
      }
      relative[name] = mse(network(W2, last.weight, Xtest), Ytest) / baseline;
      scalars[`${name}_relative_mse`] = relative[name];
      if (last.Q !== null) {
        const s1 = svd(W1).s;
        const s2 = svd(last.weight).s;
        for (let i = 0; i < s1.length; ++i)
          singularValueError = Math.max(singularValueError, Math.abs(s1[i] - s2[i]) / s1[0]);
      }
    }
    scalars.step0_output_error = step0Error;
    scalars.max_orthogonality_error = orthogonalityError;
    scalars.singular_value_error = singularValueError;
    scalars.boft_minus_gsoft = relative.boft - relative.gsoft;
    scalars.oft_minus_gsoft = relative.oft - relative.gsoft;
    scalars.gsoft_beats_boft = relative.gsoft < relative.boft ? 1 : 0;
    scalars.gsoft_beats_oft = relative.gsoft < relative.oft ? 1 : 0;
    scalars.lora_beats_gsoft = relative.lora < relative.gsoft ? 1 : 0;
    return {scalars, tables: {curves}};
  }
});

function makeAdapter(name: (typeof adapterNames)[number], W1: Matrix, b: number, rng: Rng): TrainableAdapter {
  switch (name) {
    case "gsoft":
      return orthogonalAdapter("gsoft", W1, b);
    case "oft":
      return orthogonalAdapter("oft", W1, 2 * b);
    case "boft":
      return orthogonalAdapter("boft", W1, b, 2);
    case "lora":
      return loraAdapter(W1, b, rng);
  }
}

// The first-layer weight of the target network: W₁·exp(angle·S) or W₁ + ΔW.
function targetWeight(
  W1: Matrix,
  params: {angle: number; task: "rotation" | "low-rank"; shift_rank: number},
  rng: Rng
): Matrix {
  const d = W1.cols;
  if (params.task === "rotation") {
    const G = rng.normals(d * d);
    const S = matrix(d, d);
    for (let i = 0; i < d; ++i) for (let j = 0; j < d; ++j) S.data[i * d + j] = 0.5 * (G[i * d + j] - G[j * d + i]);
    const scale = params.angle / svd(S).s[0];
    return multiply(
      W1,
      expmSkew(
        matrix(
          d,
          d,
          S.data.map((x) => x * scale)
        )
      )
    );
  }
  // ΔW = U·Vᵀ with U, V d×k Gaussian, scaled so that ‖ΔW‖_F = angle·‖W₁‖_F / 2.
  const k = params.shift_rank;
  const U = gaussian(W1.rows, k, 1, rng);
  const V = gaussian(d, k, 1, rng);
  const delta = multiplyTransposeB(U, V);
  const factor = (params.angle * vectorNorm(W1.data)) / (2 * vectorNorm(delta.data));
  return matrix(
    W1.rows,
    d,
    W1.data.map((x, q) => x + factor * delta.data[q])
  );
}

// W₂·tanh(W·X) for points in the columns of X.
function network(W2: Matrix, W: Matrix, X: Matrix): Matrix {
  const H = multiply(W, X);
  tanhInPlace(H.data);
  return multiply(W2, H);
}

function tanhInPlace(h: Float64Array): void {
  for (let q = 0; q < h.length; ++q) h[q] = Math.tanh(h[q]);
}

// The mean squared error over all outputs and its gradient with respect to the first-layer weight W.
function lossAndGradient(W2: Matrix, W: Matrix, X: Matrix, Y: Matrix): {loss: number; gradient: Matrix} {
  const T = multiply(W, X);
  const t = T.data;
  tanhInPlace(t);
  const out = multiply(W2, T);
  const o = out.data;
  const y = Y.data;
  const count = o.length;
  let loss = 0;
  const dOut = matrix(out.rows, out.cols);
  const g = dOut.data;
  for (let q = 0; q < count; ++q) {
    const residual = o[q] - y[q];
    loss += residual * residual;
    g[q] = (2 * residual) / count;
  }
  const dH = multiplyTransposeA(W2, dOut); // ∂/∂tanh
  const h = dH.data;
  for (let q = 0; q < h.length; ++q) h[q] *= 1 - t[q] * t[q];
  return {loss: loss / count, gradient: multiplyTransposeB(dH, X)};
}

function mse(A: Matrix, B: Matrix): number {
  let sum = 0;
  for (let q = 0; q < A.data.length; ++q) sum += (A.data[q] - B.data[q]) ** 2;
  return sum / A.data.length;
}

// ‖QᵀQ − I‖_F.
function orthogonalityDefect(Q: Matrix): number {
  const G = gramTransposeA(Q);
  let sum = 0;
  for (let i = 0; i < G.rows; ++i)
    for (let j = 0; j < G.cols; ++j) sum += (G.data[i * G.cols + j] - (i === j ? 1 : 0)) ** 2;
  return Math.sqrt(sum);
}

function gaussian(rows: number, cols: number, scale: number, rng: Rng): Matrix {
  return matrix(
    rows,
    cols,
    rng.normals(rows * cols).map((x) => x * scale)
  );
}

function maxAbsDifference(A: Matrix, B: Matrix): number {
  let max = 0;
  for (let q = 0; q < A.data.length; ++q) max = Math.max(max, Math.abs(A.data[q] - B.data[q]));
  return max;
}

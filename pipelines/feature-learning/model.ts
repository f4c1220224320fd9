// The model shared by the feature-learning experiments: Gaussian single-index data, the two-layer network, the one
// large gradient step W¹ = W⁰ − η∇L with η = η̃·p, and the spiked-covariance prediction Σ₁ = (s₀/d)I + r²v̂v̂ᵀ.
import {multiplyTransposeA, multiplyTransposeB, multiplyVector} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {vectorNorm} from "../../src/linalg/norms.js";
import {createRng} from "../../src/random/rng.js";
import type {Rng} from "../../src/random/rng.js";
import {erf} from "../../src/special/erf.js";
import {gaussHermite} from "../../src/special/gaussHermite.js";

/** Activations of the student network. */
export type Activation = "relu" | "tanh" | "erf";

/** Link functions σ* of the single-index target y = σ*(⟨β, x⟩) + ε. */
export type Target = "he12" | "tanh";

/** How the second-layer weights a_i are drawn: z_i = √p·a_i is N(0, 1), identically 1, or ±1. */
export type Readout = "gaussian" | "constant" | "rademacher";

/** The activations, in the order used for parameter choices. */
export const activations = ["relu", "tanh", "erf"] as const satisfies readonly Activation[];

/** The targets, in the order used for parameter choices. */
export const targets = ["he12", "tanh"] as const satisfies readonly Target[];

/** The readouts, in the order used for parameter choices. */
export const readouts = ["gaussian", "constant", "rademacher"] as const satisfies readonly Readout[];

/** A training set: inputs x_μ ~ N(0, I_d) as rows of X, labels y, and the unit target direction β. */
export interface SingleIndexData {
  X: Matrix;
  y: Float64Array;
  beta: Float64Array;
}

/** A network at initialisation: rows w_i⁰ ~ N(0, I/d) and readout z_i = √p·a_i. */
export interface Network {
  W: Matrix;
  z: Float64Array;
}

/** The large step: the data, the initial network, v = Xᵀy/n and the step direction D, so that W¹ = W⁰ + η̃·D. */
export interface GiantStep {
  data: SingleIndexData;
  network: Network;
  /** v = Xᵀy/n, the label-weighted input mean. */
  v: Float64Array;
  /** D = −p·∇_W L at W⁰, so that W¹ = W⁰ + η̃·D. */
  direction: Matrix;
}

/** The constants of the spiked-covariance prediction Σ₁ = (s₀/d)I + r²v̂v̂ᵀ. */
export interface SpikeTheory {
  /** μ₁ = E σ'(G). */
  mu1: number;
  /** Var σ'(G). */
  derivativeVariance: number;
  /** μ₁* = E[G σ*(G)]. */
  targetMu1: number;
  /** E[y²] = E σ*(G)² + τ². */
  labelPower: number;
  /** lim ‖v‖² = μ₁*² + E[y²]/α. */
  vNorm2: number;
  /** lim cos∠(v, β) = μ₁* ÷ ‖v‖. */
  gamma: number;
  /** r² = η̃²μ₁²‖v‖². */
  r2: number;
  /** s₀ = 1 + η̃²·Var σ'(G)·E[y²]/α. */
  s0: number;
}

/** σ(u) for an activation. */
export function activate(activation: Activation, u: number): number {
  switch (activation) {
    case "relu":
      return u > 0 ? u : 0;
    case "tanh":
      return Math.tanh(u);
    case "erf":
      return erf(u);
  }
}

/** σ'(u) for an activation (the ReLU derivative is the step 1{u > 0}). */
export function activateDerivative(activation: Activation, u: number): number {
  switch (activation) {
    case "relu":
      return u > 0 ? 1 : 0;
    case "tanh": {
      const t = Math.tanh(u);
      return 1 - t * t;
    }
    case "erf":
      return TWO_OVER_SQRT_PI * Math.exp(-u * u);
  }
}

/** σ*(t) for a target link: He₁ + He₂/√2 = t + (t² − 1)/√2, or tanh. */
export function link(target: Target, t: number): number {
  return target === "he12" ? t + (t * t - 1) / Math.SQRT2 : Math.tanh(t);
}

/** μ₁ = E σ'(G) and Var σ'(G) for G ~ N(0, 1) (exact for ReLU: 1/2 and 1/4; quadrature otherwise). */
export function derivativeMoments(activation: Activation): {mu1: number; variance: number} {
  if (activation === "relu") return {mu1: 0.5, variance: 0.25};
  const mu1 = expectation((g) => activateDerivative(activation, g));
  const second = expectation((g) => activateDerivative(activation, g) ** 2);
  return {mu1, variance: second - mu1 * mu1};
}

/** μ₁* = E[Gσ*(G)] and E σ*(G)² (exact for He₁ + He₂/√2: 1 and 2; quadrature for tanh). */
export function targetMoments(target: Target): {mu1: number; power: number} {
  if (target === "he12") return {mu1: 1, power: 2};
  return {mu1: expectation((g) => g * link(target, g)), power: expectation((g) => link(target, g) ** 2)};
}

/**
 * The limits of the step as n, d → ∞ with α = n/d: ‖v‖² → μ₁*² + E[y²]/α, γ = μ₁* ÷ ‖v‖, r² = η̃²μ₁²‖v‖² and
 * s₀ = 1 + η̃²·Var σ'(G)·E[y²]/α.
 */
export function spikeTheory(options: {
  activation: Activation;
  target: Target;
  alpha: number;
  eta: number;
  noise: number;
}): SpikeTheory {
  const {activation, target, alpha, eta, noise} = options;
  const {mu1, variance} = derivativeMoments(activation);
  const {mu1: targetMu1, power} = targetMoments(target);
  const labelPower = power + noise * noise;
  const vNorm2 = targetMu1 * targetMu1 + labelPower / alpha;
  return {
    mu1,
    derivativeVariance: variance,
    targetMu1,
    labelPower,
    vNorm2,
    gamma: targetMu1 / Math.sqrt(vNorm2),
    r2: eta * eta * mu1 * mu1 * vNorm2,
    s0: 1 + (eta * eta * variance * labelPower) / alpha
  };
}

/** A unit vector uniform on the sphere S^{d−1}. */
export function unitVector(rng: Rng, d: number): Float64Array {
  const u = rng.normals(d);
  const norm = Math.hypot(...u);
  for (let j = 0; j < d; ++j) u[j] /= norm;
  return u;
}

/** The source of topEigen's starting block: fixed, so that the top eigenpairs do not depend on the run's seed. */
export const lanczosStart: Rng = createRng(1);

/** An n×d matrix of independent N(0, scale²) entries. */
export function gaussianMatrix(rng: Rng, rows: number, cols: number, scale = 1): Matrix {
  const data = rng.normals(rows * cols);
  if (scale !== 1) for (let k = 0; k < data.length; ++k) data[k] *= scale;
  return matrix(rows, cols, data);
}

/** n samples x ~ N(0, I_d) with labels y = σ*(⟨β, x⟩) + τ·ε, for a given unit β. */
export function sampleData(
  rng: Rng,
  options: {n: number; d: number; target: Target; noise: number; beta: Float64Array}
): SingleIndexData {
  const {n, d, target, noise, beta} = options;
  const X = gaussianMatrix(rng.fork("inputs"), n, d);
  const t = multiplyVector(X, beta);
  const eps = noise > 0 ? rng.fork("noise").normals(n) : new Float64Array(n);
  const y = t.map((s, mu) => link(target, s) + noise * eps[mu]);
  return {X, y, beta};
}

/** p neurons with rows w_i ~ N(0, I/d) and readouts z_i = √p·a_i drawn as `readout` says. */
export function initialNetwork(rng: Rng, options: {p: number; d: number; readout: Readout}): Network {
  const {p, d, readout} = options;
  const W = gaussianMatrix(rng.fork("weights"), p, d, 1 / Math.sqrt(d));
  const readoutRng = rng.fork("readout");
  const z =
    readout === "gaussian"
      ? readoutRng.normals(p)
      : readout === "constant"
        ? new Float64Array(p).fill(1)
        : Float64Array.from({length: p}, () => readoutRng.rademacher());
  return {W, z};
}

/** f(x_μ) = (1/√p)Σ_i a_i σ(⟨w_i, x_μ⟩) = (1/p)Σ_i z_i σ(h_μi) for all rows of X. */
export function networkOutput(network: Network, X: Matrix, activation: Activation): Float64Array {
  const H = multiplyTransposeB(X, network.W);
  const {rows: n, cols: p, data: h} = H;
  const out = new Float64Array(n);
  for (let mu = 0; mu < n; ++mu) {
    let s = 0;
    for (let i = 0; i < p; ++i) s += network.z[i] * activate(activation, h[mu * p + i]);
    out[mu] = s / p;
  }
  return out;
}

/** The loss L = (1/2n)Σ_μ (y_μ − f(x_μ))². */
export function loss(network: Network, data: SingleIndexData, activation: Activation): number {
  const f = networkOutput(network, data.X, activation);
  let s = 0;
  for (let mu = 0; mu < f.length; ++mu) s += (data.y[mu] - f[mu]) ** 2;
  return s / (2 * f.length);
}

/**
 * ∇_W L, a p×d matrix: row i is −(1/n)Σ_μ (y_μ − f(x_μ))·(a_i/√p)·σ'(⟨w_i, x_μ⟩)·x_μ with a_i = z_i/√p.
 * Computed as −(1/(np))·diag(z)·Bᵀ X with B_μi = (y_μ − f(x_μ))·σ'(h_μi).
 */
export function lossGradient(network: Network, data: SingleIndexData, activation: Activation): Matrix {
  const {X, y} = data;
  const {W, z} = network;
  const n = X.rows;
  const p = W.rows;
  const H = multiplyTransposeB(X, W); // n×p pre-activations h_μi = ⟨w_i, x_μ⟩
  const h = H.data;
  const residual = new Float64Array(n);
  for (let mu = 0; mu < n; ++mu) {
    let s = 0;
    for (let i = 0; i < p; ++i) s += z[i] * activate(activation, h[mu * p + i]);
    residual[mu] = y[mu] - s / p;
  }
  for (let mu = 0; mu < n; ++mu) {
    const r = residual[mu];
    for (let i = 0; i < p; ++i) h[mu * p + i] = r * activateDerivative(activation, h[mu * p + i]);
  }
  const G = multiplyTransposeA(H, X); // p×d: row i is Σ_μ B_μi x_μ
  const g = G.data;
  const d = X.cols;
  for (let i = 0; i < p; ++i) {
    const scale = -z[i] / (n * p);
    for (let j = 0; j < d; ++j) g[i * d + j] *= scale;
  }
  return G;
}

/**
 * The data, the initial network, v = Xᵀy/n and the step direction D = −p·∇_W L, so that the large step with
 * η = η̃·p is W¹ = W⁰ + η̃·D (row i: w_i⁰ + η̃ z_i (1/n)Σ_μ (y_μ − f₀(x_μ))σ'(⟨w_i⁰, x_μ⟩)x_μ).
 */
export function giantStep(
  rng: Rng,
  options: {n: number; d: number; p: number; activation: Activation; target: Target; noise: number; readout: Readout}
): GiantStep {
  const {n, d, p, activation, target, noise, readout} = options;
  const beta = unitVector(rng.fork("beta"), d);
  const data = sampleData(rng.fork("data"), {n, d, target, noise, beta});
  const network = initialNetwork(rng.fork("init"), {p, d, readout});
  const direction = lossGradient(network, data, activation);
  for (let k = 0; k < direction.data.length; ++k) direction.data[k] *= -p;
  return {data, network, v: labelMean(data), direction};
}

/** W⁰ + η̃·D. */
export function stepWeights(step: GiantStep, eta: number): Matrix {
  const w0 = step.network.W.data;
  const D = step.direction.data;
  const out = new Float64Array(w0.length);
  for (let k = 0; k < out.length; ++k) out[k] = w0[k] + eta * D[k];
  return matrix(step.network.W.rows, step.network.W.cols, out);
}

/** v = Xᵀy/n. */
export function labelMean(data: SingleIndexData): Float64Array {
  const {X, y} = data;
  const {rows: n, cols: d, data: x} = X;
  const v = new Float64Array(d);
  for (let mu = 0; mu < n; ++mu) {
    const ym = y[mu];
    for (let j = 0; j < d; ++j) v[j] += ym * x[mu * d + j];
  }
  for (let j = 0; j < d; ++j) v[j] /= n;
  return v;
}

/** ⟨a, b⟩. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; ++j) s += a[j] * b[j];
  return s;
}

/** a/‖a‖. */
export function normalize(a: Float64Array): Float64Array {
  const s = vectorNorm(a);
  if (!(s > 0)) throw new Error("normalize: zero vector");
  return a.map((x) => x / s);
}

/** E[f(G)] for G ~ N(0, 1), by a 120-node Gauss–Hermite rule. */
export function expectation(f: (g: number) => number): number {
  const {nodes, weights} = rule();
  let s = 0;
  for (let k = 0; k < nodes.length; ++k) s += weights[k] * f(nodes[k]);
  return s;
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

let cachedRule: {nodes: Float64Array; weights: Float64Array} | undefined;
function rule(): {nodes: Float64Array; weights: Float64Array} {
  return (cachedRule ??= gaussHermite(120));
}

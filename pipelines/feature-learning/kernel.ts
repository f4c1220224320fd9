// The kernel induced by features w ~ N(0, Σ₁) with Σ₁ = (s₀/d)I + r²ûûᵀ: k₁(x, x′) = κ_σ(xᵀΣ₁x, x′ᵀΣ₁x′, xᵀΣ₁x′),
// in closed form for ReLU (arc-cosine) and erf, by the Mehler series (Gauss–Hermite near |ρ| = 1) for tanh.
import {eigh} from "../../src/linalg/eigh.js";
import {gram, multiply, multiplyTransposeB, multiplyVector} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {erfKernel, reluKernel} from "../../src/special/arccos.js";
import {gaussHermite} from "../../src/special/gaussHermite.js";
import {activate} from "./model.js";
import type {Activation} from "./model.js";
import {scaledCoefficients} from "./targetSector.js";

/** A spiked weight covariance Σ₁ = (s₀/d)I + r²ûûᵀ with a unit direction û (r = 0: the isotropic (s₀/d)I). */
export interface SpikedCovariance {
  s0: number;
  r: number;
  direction: Float64Array;
}

/** The quadratic forms of a kernel matrix: q for the rows, q′ for the columns and the cross terms C = XΣ₁Yᵀ. */
export interface CovarianceTerms {
  qRows: Float64Array;
  qCols: Float64Array;
  C: Matrix;
}

/** The number of Mehler terms used for tanh (degrees 0 … 60). */
export const mehlerDegree = 60;

/** |ρ| above which the tanh kernel is computed by a 2-D Gauss–Hermite rule instead of the Mehler series. */
export const mehlerCutoff = 0.95;

/** κ_σ(q, q′, c) = E[σ(u)σ(u′)] for (u, u′) ~ N(0, [[q, c], [c, q′]]). */
export function kappa(activation: Activation, q: number, qPrime: number, c: number): number {
  switch (activation) {
    case "relu":
      return reluKernel(q, qPrime, c);
    case "erf":
      return erfKernel(q, qPrime, c);
    case "tanh":
      return tanhKernel(q, qPrime, c);
  }
}

/**
 * The tanh kernel: Σ_k ρ^k h_k(q)h_k(q′) (Mehler, degrees ≤ 60, ρ = c/√(qq′), h_k(q) = E[tanh(√qG)He_k(G)]/√k!)
 * when |ρ| ≤ 0.95, and a 96×96-node Gauss–Hermite rule over (G₁, G₂) otherwise.
 */
export function tanhKernel(q: number, qPrime: number, c: number): number {
  if (q === 0 || qPrime === 0) return 0;
  const rho = clamp(c / Math.sqrt(q * qPrime));
  if (Math.abs(rho) > mehlerCutoff) return bivariate("tanh", q, qPrime, rho);
  return mehlerSum(scaledCoefficients("tanh", q, mehlerDegree), scaledCoefficients("tanh", qPrime, mehlerDegree), rho);
}

/** The quadratic forms xᵀΣ₁x of the rows of X (d = X.cols). */
export function quadraticForms(X: Matrix, covariance: SpikedCovariance): Float64Array {
  const {rows: n, cols: d, data: x} = X;
  const t = multiplyVector(X, covariance.direction);
  const r2 = covariance.r * covariance.r;
  const out = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    let s = 0;
    for (let j = 0; j < d; ++j) s += x[i * d + j] * x[i * d + j];
    out[i] = (covariance.s0 / d) * s + r2 * t[i] * t[i];
  }
  return out;
}

/** q, q′ and C = XΣ₁Yᵀ (Y = X gives the exactly symmetric XΣ₁Xᵀ through a Gram product). */
export function covarianceTerms(X: Matrix, covariance: SpikedCovariance, Y?: Matrix): CovarianceTerms {
  const d = X.cols;
  const same = Y === undefined || Y === X;
  const other = same ? X : Y;
  const C = same ? gram(X) : multiplyTransposeB(X, other);
  const tRows = multiplyVector(X, covariance.direction);
  const tCols = same ? tRows : multiplyVector(other, covariance.direction);
  const r2 = covariance.r * covariance.r;
  const scale = covariance.s0 / d;
  const {rows: n, cols: m, data: c} = C;
  for (let i = 0; i < n; ++i)
    for (let j = 0; j < m; ++j) c[i * m + j] = scale * c[i * m + j] + r2 * tRows[i] * tCols[j];
  const qRows = same ? Float64Array.from({length: n}, (_, i) => c[i * m + i]) : quadraticForms(X, covariance);
  const qCols = same ? qRows : quadraticForms(other, covariance);
  return {qRows, qCols, C};
}

/**
 * The induced kernel matrix K_ij = k₁(x_i, y_j) = κ_σ(q_i, q′_j, c_ij) between the rows of X and of Y (Y = X by
 * default, giving the symmetric Gram matrix).
 */
export function inducedKernel(activation: Activation, X: Matrix, covariance: SpikedCovariance, Y?: Matrix): Matrix {
  const same = Y === undefined || Y === X;
  const terms = covarianceTerms(X, covariance, Y);
  return kernelFromTerms(activation, terms, same);
}

/** κ_σ applied entrywise to precomputed covariance terms (in place on C, which is returned). */
export function kernelFromTerms(activation: Activation, terms: CovarianceTerms, symmetric: boolean): Matrix {
  const {qRows, qCols, C} = terms;
  const {rows: n, cols: m, data: c} = C;
  if (activation === "tanh") {
    const hRows = Array.from(qRows, (q) => scaledCoefficients("tanh", q, mehlerDegree));
    const hCols = symmetric ? hRows : Array.from(qCols, (q) => scaledCoefficients("tanh", q, mehlerDegree));
    for (let i = 0; i < n; ++i) {
      for (let j = symmetric ? i : 0; j < m; ++j) {
        const q = qRows[i];
        const qPrime = qCols[j];
        let value: number;
        if (q === 0 || qPrime === 0) value = 0;
        else {
          const rho = clamp(c[i * m + j] / Math.sqrt(q * qPrime));
          if (symmetric && i === j) value = diagonal("tanh", q);
          else if (Math.abs(rho) > mehlerCutoff) value = bivariate("tanh", q, qPrime, rho);
          else value = mehlerSum(hRows[i], hCols[j], rho);
        }
        c[i * m + j] = value;
        if (symmetric) c[j * m + i] = value;
      }
    }
    return C;
  }
  for (let i = 0; i < n; ++i) {
    for (let j = symmetric ? i : 0; j < m; ++j) {
      const value = kappa(activation, qRows[i], qCols[j], c[i * m + j]);
      c[i * m + j] = value;
      if (symmetric) c[j * m + i] = value;
    }
  }
  return C;
}

/**
 * The Gram matrix of the kernel induced by w ~ N(0, Σ) for any covariance Σ (d×d, positive semidefinite):
 * K_ij = κ_σ(x_iᵀΣx_i, x_jᵀΣx_j, x_iᵀΣx_j), through Y = XVΛ^{1/2} with Σ = VΛVᵀ, so that YYᵀ = XΣXᵀ.
 */
export function covarianceKernel(activation: Activation, X: Matrix, Sigma: Matrix): Matrix {
  const d = X.cols;
  if (Sigma.rows !== d || Sigma.cols !== d)
    throw new Error(`covarianceKernel: Σ is ${Sigma.rows}×${Sigma.cols}, inputs have ${d} columns`);
  const {values, vectors} = eigh(Sigma);
  const root = matrix(d, d);
  for (let i = 0; i < d; ++i) {
    for (let m = 0; m < d; ++m) root.data[i * d + m] = vectors.data[i * d + m] * Math.sqrt(Math.max(values[m], 0));
  }
  const C = gram(multiply(X, root));
  const n = X.rows;
  const q = Float64Array.from({length: n}, (_, i) => C.data[i * n + i]);
  return kernelFromTerms(activation, {qRows: q, qCols: q, C}, true);
}

/**
 * The input-space map A = (s₀I + d·r²ûûᵀ)^{1/2} = √s₀(I − ûûᵀ) + √(s₀ + d r²)ûûᵀ, with AᵀA/d = Σ₁: features
 * w ~ N(0, Σ₁) are isotropic features w ~ N(0, I/d) read on inputs Ax.
 */
export function inputMap(covariance: SpikedCovariance, d: number): Matrix {
  const {s0, r, direction: u} = covariance;
  const a = Math.sqrt(s0);
  const b = Math.sqrt(s0 + d * r * r);
  const A = matrix(d, d);
  for (let i = 0; i < d; ++i) {
    for (let j = 0; j < d; ++j) A.data[i * d + j] = (i === j ? a : 0) + (b - a) * u[i] * u[j];
  }
  return A;
}

/** The isotropic kernel k₀(x, x′) = κ_σ(‖x‖²/d, ‖x′‖²/d, ⟨x, x′⟩/d), features w ~ N(0, I/d). */
export function isotropicKernel(activation: Activation, x: Float64Array, xPrime: Float64Array): number {
  const d = x.length;
  let q = 0;
  let qPrime = 0;
  let c = 0;
  for (let j = 0; j < d; ++j) {
    q += x[j] * x[j];
    qPrime += xPrime[j] * xPrime[j];
    c += x[j] * xPrime[j];
  }
  return kappa(activation, q / d, qPrime / d, c / d);
}

// Σ_k ρ^k a_k b_k.
function mehlerSum(a: Float64Array, b: Float64Array, rho: number): number {
  let s = 0;
  let power = 1;
  for (let k = 0; k < a.length; ++k) {
    s += power * a[k] * b[k];
    power *= rho;
  }
  return s;
}

// E[σ(√q G)²] by a 200-node rule.
function diagonal(activation: Activation, q: number): number {
  const {nodes, weights} = rule(200);
  const s = Math.sqrt(q);
  let sum = 0;
  for (let k = 0; k < nodes.length; ++k) sum += weights[k] * activate(activation, s * nodes[k]) ** 2;
  return sum;
}

// E[σ(√q G₁)σ(√q′(ρG₁ + √(1 − ρ²)G₂))] by a 96×96 Gauss–Hermite rule.
function bivariate(activation: Activation, q: number, qPrime: number, rho: number): number {
  const {nodes, weights} = rule(96);
  const a = Math.sqrt(q);
  const b = Math.sqrt(qPrime);
  const c = Math.sqrt(Math.max(0, 1 - rho * rho));
  let sum = 0;
  for (let i = 0; i < nodes.length; ++i) {
    let inner = 0;
    for (let j = 0; j < nodes.length; ++j)
      inner += weights[j] * activate(activation, b * (rho * nodes[i] + c * nodes[j]));
    sum += weights[i] * activate(activation, a * nodes[i]) * inner;
  }
  return sum;
}

function clamp(rho: number): number {
  return rho > 1 ? 1 : rho < -1 ? -1 : rho;
}

const rules = new Map<number, {nodes: Float64Array; weights: Float64Array}>();
function rule(n: number): {nodes: Float64Array; weights: Float64Array} {
  let r = rules.get(n);
  if (!r) rules.set(n, (r = gaussHermite(n)));
  return r;
}

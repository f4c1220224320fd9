// The target sector of the induced kernel as d → ∞: the 1-D kernel K∞(t, t′) = κ(s₀ + r²t², s₀ + r²t′², r²tt′)
// in t = ⟨v̂, x⟩ ~ N(0, 1), as an exact Hermite-basis matrix M_jk = E_z[c_j(z)c_k(z)] and by Nyström on
// Gauss–Hermite nodes.
import {eigh} from "../../src/linalg/eigh.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {erfKernel, reluKernel} from "../../src/special/arccos.js";
import {gaussHermite} from "../../src/special/gaussHermite.js";
import {hermiteNormalizedSequence} from "../../src/special/hermite.js";
import {
  erfDerivativeMoment,
  reluHermiteCoefficients,
  tanhScaledCoefficients
} from "../../src/special/hermiteCoefficients.js";
import {activate} from "./model.js";
import type {Activation} from "./model.js";

/** A spiked weight covariance restricted to the target sector: bulk s₀ (Σ₁ = (s₀/d)I + r²v̂v̂ᵀ) and spike r. */
export interface SectorParams {
  activation: Activation;
  s0: number;
  r: number;
}

/** Eigenpairs of one parity block of M, eigenvalues descending, coefficients on He_j/√j! (j of that parity). */
export interface SectorBlock {
  /** The degrees j spanned by the block: 0, 2, 4, … or 1, 3, 5, … */
  degrees: number[];
  values: number[];
  /** vectors[m][i] is the coefficient of eigenvector m on He_{degrees[i]}/√degrees[i]!, sign fixed so that the
   *  lowest-degree coefficient is ≥ 0. */
  vectors: number[][];
}

/** The target-sector spectrum: the Hermite matrix M and its even and odd blocks. */
export interface SectorSpectrum {
  M: Matrix;
  even: SectorBlock;
  odd: SectorBlock;
  /** The truncation degree J (degrees 0 … J). */
  degree: number;
}

/** The truncation degrees tried in turn by the adaptive rule of sectorSpectrum. */
export const adaptiveDegrees = [16, 32, 64, 128] as const;

/** The relative change between successive truncations below which sectorSpectrum stops growing J. */
export const adaptiveTolerance = 1e-8;

/** The declared range of s₀ and r of the pipelines that use the target sector, where sectorSpectrum is tested. */
export const sectorRange = {s0: {min: 0.25, max: 4}, r: {min: 0, max: 3}} as const;

/** The largest r²/s₀ at which sectorSpectrum tries the Hermite series (beyond it J = 128 is never enough). */
export const seriesLimit = 0.5;

/** The degrees of the Hermite coefficients that the quadrature route gives for each eigenvector (0 … 16). */
export const quadratureDegree = 16;

/** The default number of Gauss–Hermite nodes for the Nyström discretisation. */
export const defaultNystromNodes = 80;

/**
 * h_k(q) = E[σ(√q·G)·He_k(G)]/√k! for k = 0 … K, the normalised Hermite coefficients of σ(√q ·): exact for ReLU
 * (√q·μ_k) and erf (q^{k/2}·m_k(q)/√k!); for tanh a closed form plus a Fermi-weighted integral
 * (tanhScaledCoefficients, absolute error ≈ 1e-16 at any q; the even coefficients are exactly 0).
 */
export function scaledCoefficients(activation: Activation, q: number, maxDegree: number): Float64Array {
  if (!(q >= 0)) throw new Error(`scaledCoefficients: variance must be ≥ 0, got ${q}`);
  if (activation === "relu") {
    const s = Math.sqrt(q);
    return reluHermiteCoefficients(maxDegree).map((mu) => s * mu);
  }
  if (activation === "erf") {
    const out = new Float64Array(maxDegree + 1);
    let scale = 1; // q^{k/2}/√k!
    for (let k = 0; k <= maxDegree; ++k) {
      if (k > 0) scale *= Math.sqrt(q / k);
      out[k] = scale * erfDerivativeMoment(k, q);
    }
    return out;
  }
  return tanhScaledCoefficients(q, maxDegree);
}

/**
 * c_j(z) = (rz)^j·m_j(s₀ + r²z²)/√j! = ρ_z^j·h_j(s₀ + r²z²) with ρ_z = rz/√(s₀ + r²z²), for j = 0 … J: the Hermite
 * coefficients in t of m(t, z) = E_g σ(√s₀·g + r·t·z).
 */
export function sectorCoefficients(params: SectorParams, z: number, maxDegree: number): Float64Array {
  const {activation, s0, r} = params;
  const q = s0 + r * r * z * z;
  const h = scaledCoefficients(activation, q, maxDegree);
  const rho = q > 0 ? (r * z) / Math.sqrt(q) : 0;
  let power = 1;
  for (let j = 0; j <= maxDegree; ++j) {
    h[j] *= power;
    power *= rho;
  }
  return h;
}

/**
 * The Hermite-basis matrix M_jk = E_z[c_j(z)c_k(z)] (j, k = 0 … J) of the target-sector kernel, by a Gauss–Hermite
 * rule in z (default max(160, 2J + 80) nodes). M_jk = 0 when j + k is odd.
 */
export function hermiteMatrix(
  params: SectorParams,
  maxDegree: number = adaptiveDegrees[0],
  zNodes = defaultZNodes(maxDegree)
): Matrix {
  const {nodes, weights} = cachedRule(zNodes);
  const J = maxDegree + 1;
  const M = matrix(J, J);
  for (let a = 0; a < nodes.length; ++a) {
    const w = weights[a];
    if (w === 0) continue;
    const c = sectorCoefficients(params, nodes[a], maxDegree);
    for (let j = 0; j < J; ++j) {
      const wc = w * c[j];
      for (let k = j % 2; k <= j; k += 2) M.data[j * J + k] += wc * c[k];
    }
  }
  for (let j = 0; j < J; ++j) for (let k = j + 1; k < J; ++k) M.data[j * J + k] = M.data[k * J + j];
  return M;
}

/**
 * The even and odd blocks of M with their eigenpairs (eigenvalues descending).
 *
 * With a degree, M is truncated there. Without one, J is chosen adaptively: J = 16, 32, 64, 128 in turn, until the
 * top three eigenvalues of each parity block change by less than 1e-8 relative (with a floor of 1e-15·λ_top for
 * those at rounding level) and the first three coefficients of each block's top eigenvector by less than 1e-8 from
 * the previous J. The truncation error falls only like exp(−c·√J·√s₀/r), since K∞ is analytic in t only within
 * |Im t| < √s₀/r: J = 16 suffices at r = 0.1, while at r²/s₀ ≳ 0.5 the third eigenvalue of a block needs J > 128.
 * Where the series has not converged by J = 128, or r²/s₀ > 0.5 (where it never does), the eigenpairs come from
 * the quadrature route instead (sectorQuadrature, accurate to about 1e-12) and `degree` is 0; M is then a truncated
 * matrix, whose entries (exact integrals, not truncated) are still accurate.
 */
export function sectorSpectrum(params: SectorParams, maxDegree?: number, zNodes?: number): SectorSpectrum {
  if (maxDegree !== undefined) return truncatedSpectrum(params, maxDegree, zNodes);
  const {s0, r} = params;
  let previous: SectorSpectrum | undefined;
  if (r * r <= seriesLimit * s0) {
    for (const J of adaptiveDegrees) {
      const current = truncatedSpectrum(params, J, zNodes);
      if (previous && converged(previous, current)) return current;
      previous = current;
    }
  }
  const quadrature = sectorQuadrature(params);
  return {
    M: previous?.M ?? hermiteMatrix(params, adaptiveDegrees[0]),
    even: quadrature.even,
    odd: quadrature.odd,
    degree: 0
  };
}

/**
 * The target-sector eigenpairs by the quadrature route: Nyström on the uniform grid t_a = a·h, |t_a| ≤ 10, with
 * weights h·φ(t_a) (the trapezoid rule, whose error for integrands analytic in the strip |Im t| < τ = √s₀/r falls
 * like exp(−2πτ/h), against exp(−c·τ·√N) for N Gauss–Hermite nodes), h = min(1/4, 2πτ/40). The grid is symmetric,
 * so the even and odd parts are solved apart, with K±(t, t′) = (K∞(t, t′) ± K∞(t, −t′))/2 on t ≥ 0. Eigenvectors
 * are given by their coefficients on He_j/√j!, j ≤ 16, by the same rule (sign as in sectorSpectrum).
 */
export function sectorQuadrature(
  params: SectorParams,
  step?: number
): {even: SectorBlock; odd: SectorBlock; nodes: number} {
  const tau = params.r > 0 ? Math.sqrt(params.s0) / params.r : Infinity;
  const h = step ?? Math.min(0.25, (2 * Math.PI * tau) / 40);
  const half = Math.ceil(QUADRATURE_END / h);
  const t = Float64Array.from({length: 2 * half + 1}, (_, i) => (i - half) * h);
  const w = t.map((x) => h * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
  const K = kernelMatrix(params, t);
  const N = t.length;
  const fold = (parity: 0 | 1): SectorBlock => {
    // Nodes t_b ≥ 0 (b = half + i), weights ω_0 = w_0 and ω_i = 2w_i, kernel K±.
    const first = parity === 0 ? 0 : 1;
    const m = half + 1 - first;
    const omega = Float64Array.from({length: m}, (_, i) => (i + first === 0 ? 1 : 2) * w[half + i + first]);
    const root = omega.map(Math.sqrt);
    const sign = parity === 0 ? 1 : -1;
    const B = matrix(m, m);
    for (let i = 0; i < m; ++i) {
      const a = half + i + first;
      for (let j = 0; j <= i; ++j) {
        const b = half + j + first;
        const value = 0.5 * (K[a * N + b] + sign * K[a * N + (N - 1 - b)]);
        B.data[i * m + j] = B.data[j * m + i] = root[i] * value * root[j];
      }
    }
    const {values, vectors} = eigh(B);
    const degrees: number[] = [];
    for (let j = parity; j <= quadratureDegree; j += 2) degrees.push(j);
    const basis = Array.from({length: m}, (_, i) => hermiteNormalizedSequence(quadratureDegree, t[half + i + first]));
    const out: SectorBlock = {degrees, values: [], vectors: []};
    for (let col = m - 1; col >= 0; --col) {
      // φ(t_b) = vector_b/√ω_b, and a_j = Σ_b ω_b φ(t_b) h_j(t_b) = Σ_b √ω_b vector_b h_j(t_b).
      const v = degrees.map((j) => {
        let sum = 0;
        for (let i = 0; i < m; ++i) sum += root[i] * vectors.data[i * m + col] * basis[i][j];
        return sum;
      });
      const flip = v[0] < 0 ? -1 : 1;
      out.values.push(values[col]);
      out.vectors.push(v.map((x) => flip * x));
    }
    return out;
  };
  return {even: fold(0), odd: fold(1), nodes: N};
}

/** The target-sector kernel K∞(t, t′) = κ(s₀ + r²t², s₀ + r²t′², r²tt′) at a pair of points. */
export function sectorKernel(params: SectorParams, t: number, tPrime: number): number {
  const {activation, s0, r} = params;
  const r2 = r * r;
  const q = s0 + r2 * t * t;
  const qPrime = s0 + r2 * tPrime * tPrime;
  const c = r2 * t * tPrime;
  if (activation === "relu") return reluKernel(q, qPrime, c);
  if (activation === "erf") return erfKernel(q, qPrime, c);
  // tanh: E_z[m(t, z)m(t′, z)] with m(t, z) = E_g σ(√s₀ g + r t z), nested Gauss–Hermite rules.
  const {nodes: zs, weights: wz} = cachedRule(NESTED_NODES);
  let sum = 0;
  for (let a = 0; a < zs.length; ++a) sum += wz[a] * innerMean(params, t, zs[a]) * innerMean(params, tPrime, zs[a]);
  return sum;
}

/**
 * Eigenvalues (descending) and eigenvectors of the Nyström discretisation of K∞ on the N-node Gauss–Hermite rule:
 * the symmetric matrix √w_a K∞(t_a, t_b) √w_b. Eigenvector m is returned as values of the eigenfunction at the
 * nodes, normalised so that Σ_a w_a φ(t_a)² = 1.
 *
 * Nodes whose weight is below 1e-60 of the largest are left out (from N ≈ 380 on, the outermost weights underflow
 * to subnormal numbers or to 0, and the eigenfunction φ = vector/√w is then undefined there): a left-out node
 * would move an eigenvalue by about √(w_a·w_max)·K∞ < 1e-30·K∞. The nodes and weights kept are returned; they
 * stay symmetric about 0.
 */
export function nystrom(
  params: SectorParams,
  N = defaultNystromNodes
): {nodes: Float64Array; weights: Float64Array; values: number[]; functions: number[][]} {
  const {nodes, weights} = significantNodes(N);
  const n = nodes.length;
  const rootW = weights.map(Math.sqrt);
  const K = kernelMatrix(params, nodes);
  const B = matrix(n, n, K);
  for (let a = 0; a < n; ++a) for (let b = 0; b < n; ++b) B.data[a * n + b] *= rootW[a] * rootW[b];
  const {values, vectors} = eigh(B);
  const order = Array.from(values.keys()).reverse();
  return {
    nodes,
    weights,
    values: order.map((m) => values[m]),
    functions: order.map((m) => Array.from(nodes, (_, a) => vectors.data[a * n + m] / rootW[a]))
  };
}

/** All eigenvalues of M (both parities), descending. */
export function sectorEigenvalues(spectrum: SectorSpectrum): number[] {
  return [...spectrum.even.values, ...spectrum.odd.values].sort((a, b) => b - a);
}

/**
 * The eigenvalue of degree k as r → 0: within its parity block, eigenvalues in descending order are assigned to
 * degrees in increasing order (0, 2, 4, … or 1, 3, 5, …), which is their order for small r.
 */
export function degreeEigenvalue(spectrum: SectorSpectrum, k: number): number {
  const blockK = k % 2 === 0 ? spectrum.even : spectrum.odd;
  const index = blockK.degrees.indexOf(k);
  if (index < 0) throw new Error(`degreeEigenvalue: degree ${k} is above the truncation`);
  return blockK.values[index];
}

/** m_k(q) = E[σ^{(k)}(√q·G)] = q^{−k/2}·√k!·h_k(q) (for q > 0). */
export function derivativeMoment(activation: Activation, k: number, q: number): number {
  const h = scaledCoefficients(activation, q, k)[k];
  let factor = 1; // √k!/q^{k/2}
  for (let i = 1; i <= k; ++i) factor *= Math.sqrt(i / q);
  return factor * h;
}

const NESTED_NODES = 96;
// The inner rule of E_g tanh(√s₀·g + b): tanh has poles at distance π/(2√s₀) from the real g axis, and 96 nodes
// leave 5e-7 at s₀ = 4; 300 leave 4e-12.
const INNER_NODES = 300;
const QUADRATURE_END = 10;
const INV_SQRT_2PI = 0.3989422804014326779;

// K∞(t_a, t_b) for all pairs of the given points, row-major (tanh: m(t_a, z) on the grid once, then
// K = Σ_z w_z m(t_a, z)m(t_b, z)).
function kernelMatrix(params: SectorParams, t: Float64Array): Float64Array {
  const n = t.length;
  const K = new Float64Array(n * n);
  if (params.activation === "tanh") {
    const {nodes: zs, weights: wz} = cachedRule(NESTED_NODES);
    const m = Array.from(zs, (z) => Float64Array.from(t, (x) => innerMean(params, x, z)));
    for (let a = 0; a < n; ++a) {
      for (let b = 0; b <= a; ++b) {
        let s = 0;
        for (let c = 0; c < zs.length; ++c) s += wz[c] * m[c][a] * m[c][b];
        K[a * n + b] = K[b * n + a] = s;
      }
    }
  } else {
    for (let a = 0; a < n; ++a)
      for (let b = 0; b <= a; ++b) K[a * n + b] = K[b * n + a] = sectorKernel(params, t[a], t[b]);
  }
  return K;
}

// E_g σ(√s₀·g + r·t·z) by a 300-node Gauss–Hermite rule in g.
function innerMean(params: SectorParams, t: number, z: number): number {
  const {nodes, weights} = cachedRule(INNER_NODES);
  const a = Math.sqrt(params.s0);
  const shift = params.r * t * z;
  let s = 0;
  for (let k = 0; k < nodes.length; ++k) s += weights[k] * activate(params.activation, a * nodes[k] + shift);
  return s;
}

function block(M: Matrix, parity: 0 | 1): SectorBlock {
  const degrees: number[] = [];
  for (let j = parity; j < M.rows; j += 2) degrees.push(j);
  const m = degrees.length;
  const B = matrix(m, m);
  for (let a = 0; a < m; ++a) for (let b = 0; b < m; ++b) B.data[a * m + b] = M.data[degrees[a] * M.cols + degrees[b]];
  const {values, vectors} = eigh(B);
  const out: SectorBlock = {degrees, values: [], vectors: []};
  for (let col = m - 1; col >= 0; --col) {
    const v = Array.from({length: m}, (_, a) => vectors.data[a * m + col]);
    const sign = v[0] < 0 ? -1 : 1;
    out.values.push(values[col]);
    out.vectors.push(v.map((x) => sign * x));
  }
  return out;
}

// The nodes of the N-node rule whose weight is at least 1e-60 of the largest (a symmetric middle segment).
function significantNodes(N: number): {nodes: Float64Array; weights: Float64Array} {
  const {nodes, weights} = cachedRule(N);
  const floor = 1e-60 * Math.max(...weights);
  let first = 0;
  while (!(weights[first] >= floor)) ++first;
  return {nodes: nodes.subarray(first, N - first), weights: weights.subarray(first, N - first)};
}

const rules = new Map<number, {nodes: Float64Array; weights: Float64Array}>();
function cachedRule(n: number): {nodes: Float64Array; weights: Float64Array} {
  let rule = rules.get(n);
  if (!rule) rules.set(n, (rule = gaussHermite(n)));
  return rule;
}

function truncatedSpectrum(params: SectorParams, maxDegree: number, zNodes?: number): SectorSpectrum {
  const M = hermiteMatrix(params, maxDegree, zNodes);
  return {M, even: block(M, 0), odd: block(M, 1), degree: maxDegree};
}

// max(160, 2J + 80) nodes: the z-integrand of M_jk carries ρ_z^{j+k} and, like K∞, is analytic only in a strip.
function defaultZNodes(maxDegree: number): number {
  return Math.max(160, 2 * maxDegree + 80);
}

// Whether two truncations agree on the top three eigenvalues of each block (relative 1e-8, floor 1e-15·λ_top) and
// the first three coefficients of each block's top eigenvector (absolute 1e-8).
function converged(a: SectorSpectrum, b: SectorSpectrum): boolean {
  const top = Math.max(Math.abs(b.even.values[0]), Math.abs(b.odd.values[0]));
  for (const parity of ["even", "odd"] as const) {
    const x = a[parity];
    const y = b[parity];
    for (let i = 0; i < 3; ++i) {
      if (Math.abs(x.values[i] - y.values[i]) > adaptiveTolerance * Math.abs(y.values[i]) + 1e-15 * top) return false;
    }
    if (Math.abs(y.values[0]) <= 1e-15 * top) continue; // a zero block (even for tanh, erf): its vectors are arbitrary
    for (let i = 0; i < 3; ++i) if (Math.abs(x.vectors[0][i] - y.vectors[0][i]) > adaptiveTolerance) return false;
  }
  return true;
}

// The target sector of the induced kernel as d → ∞: the 1-D kernel K∞(t, t′) = κ(s₀ + r²t², s₀ + r²t′², r²tt′)
// in t = ⟨v̂, x⟩ ~ N(0, 1), as an exact Hermite-basis matrix M_jk = E_z[c_j(z)c_k(z)] and by Nyström on
// Gauss–Hermite nodes.
import {eigh} from "../../src/linalg/eigh.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {erfKernel, reluKernel} from "../../src/special/arccos.js";
import {gaussHermite} from "../../src/special/gaussHermite.js";
import {hermiteNormalizedSequence} from "../../src/special/hermite.js";
import {erfDerivativeMoment, reluHermiteCoefficients} from "../../src/special/hermiteCoefficients.js";
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
}

/** The default truncation degree J of the Hermite basis (degrees 0 … J). */
export const defaultDegree = 16;

/** The default number of Gauss–Hermite nodes for the Nyström discretisation. */
export const defaultNystromNodes = 80;

/**
 * h_k(q) = E[σ(√q·G)·He_k(G)]/√k! for k = 0 … K, the normalised Hermite coefficients of σ(√q ·): exact for ReLU
 * (√q·μ_k) and erf (q^{k/2}·m_k(q)/√k!), by a 200-node Gauss–Hermite rule with mirrored pairs for tanh (so that
 * the even coefficients of the odd tanh are exactly 0).
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
  const {nodes, weights, table} = hermiteTable(maxDegree);
  const out = new Float64Array(maxDegree + 1);
  const s = Math.sqrt(q);
  const N = nodes.length;
  for (let a = 0, b = N - 1; a < b; ++a, --b) {
    // Mirrored nodes x_b = −x_a: σ(√q x_a)h_k(x_a) + σ(−√q x_a)h_k(−x_a) = h_k(x_a)(σ(u) + (−1)^k σ(−u)).
    const u = s * nodes[b];
    const plus = activate(activation, u);
    const minus = activate(activation, -u);
    const even = weights[b] * (plus + minus);
    const odd = weights[b] * (plus - minus);
    const row = b * table.cols;
    for (let k = 0; k <= maxDegree; ++k) out[k] += table.data[row + k] * (k % 2 === 0 ? even : odd);
  }
  if (N % 2 === 1) {
    const mid = (N - 1) / 2;
    const value = weights[mid] * activate(activation, 0);
    out[0] += value;
    for (let k = 2; k <= maxDegree; k += 2) out[k] += value * table.data[mid * table.cols + k];
  }
  return out;
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
 * rule in z (default 160 nodes). M_jk = 0 when j + k is odd.
 */
export function hermiteMatrix(params: SectorParams, maxDegree = defaultDegree, zNodes = 160): Matrix {
  const {nodes, weights} = cachedRule(zNodes);
  const J = maxDegree + 1;
  const M = matrix(J, J);
  for (let a = 0; a < nodes.length; ++a) {
    const c = sectorCoefficients(params, nodes[a], maxDegree);
    const w = weights[a];
    for (let j = 0; j < J; ++j) {
      const wc = w * c[j];
      for (let k = j % 2; k <= j; k += 2) M.data[j * J + k] += wc * c[k];
    }
  }
  for (let j = 0; j < J; ++j) for (let k = j + 1; k < J; ++k) M.data[j * J + k] = M.data[k * J + j];
  return M;
}

/** The even and odd blocks of M with their eigenpairs (eigenvalues descending). */
export function sectorSpectrum(params: SectorParams, maxDegree = defaultDegree, zNodes = 160): SectorSpectrum {
  const M = hermiteMatrix(params, maxDegree, zNodes);
  return {M, even: block(M, 0), odd: block(M, 1)};
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
 */
export function nystrom(
  params: SectorParams,
  N = defaultNystromNodes
): {nodes: Float64Array; values: number[]; functions: number[][]} {
  const {nodes, weights} = cachedRule(N);
  const B = matrix(N, N);
  const rootW = weights.map(Math.sqrt);
  if (params.activation === "tanh") {
    // m(t_a, z) on the grid once, then K = Σ_z w_z m(t_a, z)m(t_b, z).
    const {nodes: zs, weights: wz} = cachedRule(NESTED_NODES);
    const m = Array.from(zs, (z) => Float64Array.from(nodes, (t) => innerMean(params, t, z)));
    for (let a = 0; a < N; ++a) {
      for (let b = 0; b <= a; ++b) {
        let s = 0;
        for (let c = 0; c < zs.length; ++c) s += wz[c] * m[c][a] * m[c][b];
        B.data[a * N + b] = B.data[b * N + a] = rootW[a] * s * rootW[b];
      }
    }
  } else {
    for (let a = 0; a < N; ++a) {
      for (let b = 0; b <= a; ++b)
        B.data[a * N + b] = B.data[b * N + a] = rootW[a] * sectorKernel(params, nodes[a], nodes[b]) * rootW[b];
    }
  }
  const {values, vectors} = eigh(B);
  const order = Array.from(values.keys()).reverse();
  return {
    nodes,
    values: order.map((m) => values[m]),
    functions: order.map((m) => Array.from(nodes, (_, a) => vectors.data[a * N + m] / rootW[a]))
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

// E_g σ(√s₀·g + r·t·z) by a 96-node Gauss–Hermite rule in g.
function innerMean(params: SectorParams, t: number, z: number): number {
  const {nodes, weights} = cachedRule(NESTED_NODES);
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

const rules = new Map<number, {nodes: Float64Array; weights: Float64Array}>();
function cachedRule(n: number): {nodes: Float64Array; weights: Float64Array} {
  let rule = rules.get(n);
  if (!rule) rules.set(n, (rule = gaussHermite(n)));
  return rule;
}

const TABLE_NODES = 200;
const tables = new Map<number, {nodes: Float64Array; weights: Float64Array; table: Matrix}>();

// Gauss–Hermite nodes and weights with h_k(x_a) = He_k(x_a)/√k! for k ≤ K in row a.
function hermiteTable(maxDegree: number): {nodes: Float64Array; weights: Float64Array; table: Matrix} {
  let entry = tables.get(maxDegree);
  if (!entry) {
    const {nodes, weights} = cachedRule(TABLE_NODES);
    const table = matrix(TABLE_NODES, maxDegree + 1);
    for (let a = 0; a < TABLE_NODES; ++a)
      table.data.set(hermiteNormalizedSequence(maxDegree, nodes[a]), a * (maxDegree + 1));
    tables.set(maxDegree, (entry = {nodes, weights, table}));
  }
  return entry;
}

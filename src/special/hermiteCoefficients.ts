// Normalised Hermite coefficients μ_k = E[σ(G)·He_k(G)]/√k! of activations σ, G ~ N(0, 1), and the
// variance-dependent derivative moments m_k(q) = E[σ^{(k)}(√q·G)] of the Mehler expansion
// κ(q, q′, c) = Σ_k (c^k/k!)·m_k(q)·m_k(q′). By Gaussian integration by parts, E[σ(G)He_k(G)] = E[σ^{(k)}(G)],
// so μ_k = m_k(1)/√k!.
//
// ReLU and leaky ReLU are exact: σ'' = δ, so m_k(q) = φ_q^{(k−2)}(0) for k ≥ 2, the derivatives at 0 of the
// N(0, q) density; independently, the half-line moments E[G^m·1{G > 0}] = 2^{m/2−1}Γ((m+1)/2)/√π give μ_k
// exactly in integer arithmetic. erf is exact too: erf' = 2φ_{1/2} (the N(0, 1/2) density), so
// m_k(q) = 2·φ_{q+1/2}^{(k−1)}(0). tanh uses Gauss–Hermite quadrature at unit variance, and for any variance the
// split tanh = sign − 2·sign/(e^{2|x|} + 1) into a closed form and a Fermi-weighted integral.
import {gaussHermite} from "./gaussHermite.js";
import {gaussLegendre} from "./gaussLegendre.js";
import {hermiteMonomialCoefficients} from "./hermite.js";

/**
 * E[G^m·1{G > 0}] = 2^{m/2−1}Γ((m+1)/2)/√π for G ~ N(0, 1): (m − 1)!!/2 for even m, 2^p·p!/√(2π) for
 * m = 2p + 1.
 */
export function halfLineMoment(m: number): number {
  checkDegree(m, "halfLineMoment");
  let value = m % 2 === 0 ? 0.5 : INV_SQRT_2PI;
  if (m % 2 === 0) for (let k = m - 1; k > 1; k -= 2) value *= k;
  else for (let p = 1; 2 * p + 1 <= m; ++p) value *= 2 * p;
  return value;
}

/**
 * μ_0, …, μ_K for ReLU(x) = max(x, 0) (K = maxDegree) from the closed form: μ_0 = 1/√(2π), μ_1 = 1/2,
 * μ_{2j} = (−1)^{j+1}(2j − 3)!!/√(2π·(2j)!) for j ≥ 1, and μ_k = 0 for odd k ≥ 3; evaluated by the ratio
 * μ_{2j+2}/μ_{2j} = −(2j − 1)/√((2j + 1)(2j + 2)), which never overflows. Σ_k μ_k² = E[ReLU(G)²] = 1/2.
 */
export function reluHermiteCoefficients(maxDegree: number): Float64Array {
  checkDegree(maxDegree, "reluHermiteCoefficients");
  const mu = new Float64Array(maxDegree + 1);
  mu[0] = INV_SQRT_2PI;
  if (maxDegree >= 1) mu[1] = 0.5;
  if (maxDegree >= 2) mu[2] = 0.5 / Math.sqrt(Math.PI);
  for (let k = 4; k <= maxDegree; k += 2) mu[k] = (-mu[k - 2] * (k - 3)) / Math.sqrt((k - 1) * k);
  return mu;
}

/**
 * μ_0, …, μ_K for ReLU computed exactly from half-line moments: √k!·μ_k = Σ_j a_{kj}·E[G^{j+1}·1{G > 0}] with
 * He_k(x) = Σ_j a_{kj}x^j. The sum is formed in integer arithmetic (even k: an integer multiple of 1/√(2π);
 * odd k: half an integer), so there is no cancellation; only the final conversion rounds.
 */
export function reluHermiteCoefficientsFromMoments(maxDegree: number): Float64Array {
  checkDegree(maxDegree, "reluHermiteCoefficientsFromMoments");
  const mu = new Float64Array(maxDegree + 1);
  let factorial = 1n;
  for (let k = 0; k <= maxDegree; ++k) {
    if (k > 0) factorial *= BigInt(k);
    const a = hermiteMonomialCoefficients(k);
    let sum = 0n;
    for (let j = k % 2; j <= k; j += 2) {
      // Even j: E[G^{j+1}1{G>0}] = 2^{j/2}(j/2)!/√(2π). Odd j: E[G^{j+1}1{G>0}] = j!!/2.
      sum += a[j] * (j % 2 === 0 ? (1n << BigInt(j / 2)) * bigFactorial(j / 2) : bigDoubleFactorial(j));
    }
    // Even k: μ_k = sum/(√(2π)·√k!); odd k: μ_k = sum/(2√k!). Square, divide exactly, take the root.
    const magnitude = Math.sqrt(ratio(sum * sum, factorial * (k % 2 === 0 ? 1n : 4n)));
    const value = k % 2 === 0 ? magnitude * INV_SQRT_2PI : magnitude;
    mu[k] = sum < 0n ? -value : value;
  }
  return mu;
}

/**
 * m_k(q) = E[ReLU^{(k)}(√q·G)] for q > 0: m_0 = √(q/2π), m_1 = 1/2, m_2 = 1/√(2πq),
 * m_{2j}(q) = (−1)^{j−1}(2j − 3)!!/(√(2π)·q^{j−1/2}), and 0 for odd k ≥ 3.
 */
export function reluDerivativeMoment(k: number, q: number): number {
  checkDegree(k, "reluDerivativeMoment");
  checkVariance(q, "reluDerivativeMoment");
  if (k === 0) return Math.sqrt(q) * INV_SQRT_2PI;
  if (k === 1) return 0.5;
  if (k % 2 === 1) return 0;
  return gaussianDensityDerivative(k - 2, q);
}

/**
 * μ_0, …, μ_K for leaky ReLU σ(x) = max(x, slope·x) = slope·x + (1 − slope)·ReLU(x): μ_1 = (1 + slope)/2 and
 * μ_k = (1 − slope)·μ_k(ReLU) otherwise.
 */
export function leakyReluHermiteCoefficients(maxDegree: number, slope: number): Float64Array {
  if (!Number.isFinite(slope)) throw new Error(`leakyReluHermiteCoefficients: slope must be finite, got ${slope}`);
  const mu = reluHermiteCoefficients(maxDegree).map((x) => (1 - slope) * x);
  if (maxDegree >= 1) mu[1] = (1 + slope) / 2;
  return mu;
}

/**
 * m_k(q) = E[erf^{(k)}(√q·G)]: with v = q + 1/2, m_{2i+1}(q) = 2(−1)^i(2i − 1)!!/(v^i·√(2πv)), and 0 for
 * even k (erf is odd). For example m_1(q) = 2/√(π(1 + 2q)).
 */
export function erfDerivativeMoment(k: number, q: number): number {
  checkDegree(k, "erfDerivativeMoment");
  if (!(q >= 0) || !Number.isFinite(q)) {
    throw new Error(`erfDerivativeMoment: variance must be finite and ≥ 0, got ${q}`);
  }
  if (k % 2 === 0) return 0;
  return 2 * gaussianDensityDerivative(k - 1, q + 0.5);
}

/**
 * μ_0, …, μ_K for σ = erf, exactly: μ_{2i+1} = m_{2i+1}(1)/√(2i + 1)! (v = 3/2), by the ratio
 * μ_{k+2}/μ_k = −k/(v·√((k + 1)(k + 2))) from μ_1 = 2/√(3π); even coefficients vanish.
 * Σ_k μ_k² = E[erf(G)²] = (2/π)·arcsin(2/3).
 */
export function erfHermiteCoefficients(maxDegree: number): Float64Array {
  checkDegree(maxDegree, "erfHermiteCoefficients");
  const v = 1.5;
  const mu = new Float64Array(maxDegree + 1);
  if (maxDegree >= 1) mu[1] = 2 / Math.sqrt(3 * Math.PI);
  for (let k = 1; k + 2 <= maxDegree; k += 2) mu[k + 2] = (-mu[k] * k) / (v * Math.sqrt((k + 1) * (k + 2)));
  return mu;
}

/** μ_0, …, μ_K for tanh by Gauss–Hermite quadrature (default 200 nodes; see hermiteCoefficients). */
export function tanhHermiteCoefficients(maxDegree: number, nodes = 200): Float64Array {
  return hermiteCoefficients(Math.tanh, maxDegree, nodes);
}

/**
 * h_k(q) = E[tanh(√q·G)·He_k(G)]/√k! for k = 0 … K and any variance q ≥ 0 (h_k(1) = μ_k(tanh)); 0 for even k.
 *
 * Gauss–Hermite quadrature of tanh(√q·x) converges only like exp(−π√(2n)/√q) (poles at x = ±iπ/(2√q)), so it
 * stalls for large q. Instead, for odd k, with φ the N(0, 1) density and tanh(u) = 1 − 2/(e^{2u} + 1) for u ≥ 0,
 *
 *   h_k(q) = 2∫_0^∞ h_k(x)φ(x) dx − 4∫_0^∞ h_k(x)φ(x)/(e^{2√q·x} + 1) dx.
 *
 * The first term is exact, 2φ(0)He_{k−1}(0)/√k! (from (He_{k−1}φ)′ = −He_kφ), by the ratio −k/√((k + 1)(k + 2))
 * from √(2/π) at k = 1. The second is smooth on [0, X] with X = min(15, 25/√q) (beyond it the integrand is below
 * e^{−50} of its scale) and is summed by 24-point Gauss–Legendre panels of width at most min(1/2, π/(4√q)), a
 * quarter of the distance of the poles from the real axis and short against the oscillation of h_k for k ≤ 400.
 * Absolute error ≈ 1e-16 (checked against 30-digit references at q = 1 and a direct quadrature at q up to 10⁴).
 */
export function tanhScaledCoefficients(q: number, maxDegree: number): Float64Array {
  checkDegree(maxDegree, "tanhScaledCoefficients");
  if (!(q >= 0) || !Number.isFinite(q))
    throw new Error(`tanhScaledCoefficients: variance must be finite and ≥ 0, got ${q}`);
  const out = new Float64Array(maxDegree + 1);
  if (maxDegree < 1 || q === 0) return out;
  const s = Math.sqrt(q);
  const end = Math.min(15, 25 / s);
  const panels = Math.ceil(end / Math.min(0.5, Math.PI / (4 * s)));
  const width = end / panels;
  const {nodes, weights} = PANEL_RULE;
  const h = new Float64Array(maxDegree + 1);
  for (let panel = 0; panel < panels; ++panel) {
    const middle = (panel + 0.5) * width;
    for (let a = 0; a < nodes.length; ++a) {
      const x = middle + 0.5 * width * nodes[a];
      const w = (0.5 * width * weights[a] * 4 * INV_SQRT_2PI * Math.exp(-0.5 * x * x)) / (Math.exp(2 * s * x) + 1);
      normalizedSequence(x, h);
      for (let k = 1; k <= maxDegree; k += 2) out[k] -= w * h[k];
    }
  }
  let closed = 2 * INV_SQRT_2PI; // 2φ(0)He_{k−1}(0)/√k! at k = 1
  for (let k = 1; k <= maxDegree; k += 2) {
    out[k] += closed;
    closed *= -k / Math.sqrt((k + 1) * (k + 2));
  }
  return out;
}

/**
 * μ_0, …, μ_K of any activation f by the n-node Gauss–Hermite rule: μ_k ≈ Σ_j w_j·f(x_j)·He_k(x_j)/√k!.
 * Exact when f is a polynomial of degree ≤ 2n − 1 − K; for smooth f the error falls geometrically in √n.
 * Mirrored nodes are summed in pairs, so parity zeros of odd or even f come out exactly 0. Needs n > K.
 */
export function hermiteCoefficients(f: (x: number) => number, maxDegree: number, nodes = 200): Float64Array {
  checkDegree(maxDegree, "hermiteCoefficients");
  if (!Number.isInteger(nodes) || nodes <= maxDegree) {
    throw new Error(`hermiteCoefficients: need an integer node count above ${maxDegree}, got ${nodes}`);
  }
  const {nodes: x, weights: w} = gaussHermite(nodes);
  const fx = x.map(f);
  for (let j = 0; j < nodes; ++j) {
    if (!Number.isFinite(fx[j])) throw new Error(`hermiteCoefficients: f(${x[j]}) = ${fx[j]}`);
  }
  const mu = new Float64Array(maxDegree + 1);
  const h = new Float64Array(maxDegree + 1); // h_k at the left node of a pair
  const g = new Float64Array(maxDegree + 1); // h_k at the right node
  for (let j = 0, k = nodes - 1; j <= k; ++j, --k) {
    normalizedSequence(x[j], h);
    if (j === k) {
      for (let i = 0; i <= maxDegree; ++i) mu[i] += w[j] * fx[j] * h[i];
    } else {
      normalizedSequence(x[k], g);
      for (let i = 0; i <= maxDegree; ++i) mu[i] += w[j] * (fx[j] * h[i] + fx[k] * g[i]);
    }
  }
  return mu;
}

const INV_SQRT_2PI = 0.3989422804014326779; // 1/√(2π)
const PANEL_RULE = gaussLegendre(24);

// The j-th derivative at 0 of the N(0, v) density: 0 for odd j, (−1)^i(2i − 1)!!/(v^i·√(2πv)) for j = 2i.
function gaussianDensityDerivative(j: number, v: number): number {
  if (j % 2 === 1) return 0;
  let value = INV_SQRT_2PI / Math.sqrt(v);
  for (let l = 1; 2 * l <= j; ++l) value *= -(2 * l - 1) / v;
  return value;
}

// h_0(x), …, h_K(x) into out (length K + 1).
function normalizedSequence(x: number, out: Float64Array): void {
  out[0] = 1;
  if (out.length > 1) out[1] = x;
  for (let k = 1; k + 1 < out.length; ++k) out[k + 1] = (x * out[k] - SQRT[k] * out[k - 1]) * INV_SQRT[k + 1];
}

// Square roots of small integers, shared by every node of every quadrature.
const SQRT = Float64Array.from({length: 4097}, (_, k) => Math.sqrt(k));
const INV_SQRT = SQRT.map((s) => 1 / s);

function checkDegree(k: number, routine: string): void {
  if (!Number.isInteger(k) || k < 0) throw new Error(`${routine}: degree must be a non-negative integer, got ${k}`);
  if (k > 4096) throw new Error(`${routine}: degree ${k} is above the supported 4096`);
}

function checkVariance(q: number, routine: string): void {
  if (!(q > 0) || !Number.isFinite(q)) throw new Error(`${routine}: variance must be finite and positive, got ${q}`);
}

function bigFactorial(n: number): bigint {
  let p = 1n;
  for (let k = 2n; k <= BigInt(n); ++k) p *= k;
  return p;
}

function bigDoubleFactorial(n: number): bigint {
  let p = 1n;
  for (let k = BigInt(n); k > 1n; k -= 2n) p *= k;
  return p;
}

// a/b for non-negative bigints as a correctly scaled double (about 64 significant bits before rounding).
function ratio(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const shift = bitLength(b) - bitLength(a) + 64;
  const q = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  const half = Math.trunc(shift / 2);
  return Number(q) * 2 ** -half * 2 ** (half - shift);
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

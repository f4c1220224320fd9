// Closed-form Gaussian kernels κ(q, q′, c) = E[σ(u)σ(v)] for (u, v) ~ N(0, [[q, c], [c, q′]]): arc-cosine
// kernels of orders 0 and 1 (step and ReLU; Cho & Saul 2009) and the erf kernel (Williams 1997).
//
// Y. Cho and L. K. Saul, "Kernel methods for deep learning", NIPS 22 (2009), eq. (1)–(6):
//   k_n(x, y) = (1/π)‖x‖ⁿ‖y‖ⁿ J_n(θ),  J_0(θ) = π − θ,  J_1(θ) = sin θ + (π − θ) cos θ,
// for weights w ~ N(0, I) and σ(t) = Θ(t)tⁿ, with a factor 2 relative to E[σ(w·x)σ(w·y)].
// C. K. I. Williams, "Computing with infinite networks", NIPS 9 (1997): E[erf(u) erf(v)] =
// (2/π) arcsin(2c/√((1 + 2q)(1 + 2q′))).

/** The parts of the ReLU kernel split by parity in c: κ = odd + even with odd = c/4 exactly. */
export interface ReluKernelSplit {
  /** The odd part, c/4: the linear (He₁) component. */
  readonly odd: number;
  /** The even part, (1/2π)√(qq′)(√(1 − ρ²) + ρ·arcsin ρ) with ρ = c/√(qq′). */
  readonly even: number;
}

/** Cho & Saul's angular function J_0(θ) = π − θ, for θ ∈ [0, π]. */
export function arcCosineJ0(theta: number): number {
  return Math.PI - theta;
}

/** Cho & Saul's angular function J_1(θ) = sin θ + (π − θ) cos θ, for θ ∈ [0, π]. */
export function arcCosineJ1(theta: number): number {
  return Math.sin(theta) + (Math.PI - theta) * Math.cos(theta);
}

/**
 * The normalised arc-cosine kernel of order n ∈ {0, 1} as a function of the correlation ρ = cos θ:
 * k_n(ρ) = J_n(θ)/π, so k_n(1) = 1. Order 0 is 1 − θ/π = 2E[Θ(u)Θ(v)]; order 1 is 2E[ReLU(u)ReLU(v)] for unit
 * variances. Evaluated as 1/2 + arcsin(ρ)/π and (√(1 − ρ²) + ρ·arcsin ρ)/π + ρ/2, well conditioned near |ρ| = 1.
 */
export function arcCosineKernel(order: 0 | 1, rho: number): number {
  const r = clampCorrelation(rho, "arcCosineKernel");
  if (order === 0) return 0.5 + Math.asin(r) / Math.PI;
  if (order === 1) return (Math.sqrt((1 - r) * (1 + r)) + r * Math.asin(r)) / Math.PI + 0.5 * r;
  throw new Error(`arcCosineKernel: order must be 0 or 1, got ${order}`);
}

/**
 * The order-0 (step) kernel E[Θ(u)Θ(v)] = (π − φ)/(2π), cos φ = c/√(qq′), for q, q′ > 0.
 */
export function stepKernel(q: number, qPrime: number, c: number): number {
  if (!(q > 0) || !(qPrime > 0) || !Number.isFinite(q) || !Number.isFinite(qPrime)) {
    throw new Error(`stepKernel: variances must be finite and positive, got q = ${q}, q′ = ${qPrime}`);
  }
  return 0.5 * arcCosineKernel(0, correlation(q, qPrime, c, "stepKernel"));
}

/**
 * The ReLU (order-1 arc-cosine) kernel E[ReLU(u)ReLU(v)] = (1/2π)√(qq′)(sin φ + (π − φ) cos φ), cos φ = ρ =
 * c/√(qq′), computed through the exact parity split c/4 + (1/2π)√(qq′)(√(1 − ρ²) + ρ·arcsin ρ).
 * κ(q, q, q) = q/2; κ = 0 if q or q′ is 0.
 */
export function reluKernel(q: number, qPrime: number, c: number): number {
  const {odd, even} = reluKernelSplit(q, qPrime, c);
  return odd + even;
}

/** The same kernel in the textbook arc-cosine form (1/2π)√(qq′)(sin φ + (π − φ) cos φ), φ = arccos ρ. */
export function reluKernelArcCosine(q: number, qPrime: number, c: number): number {
  const scale = checkVariances(q, qPrime, "reluKernelArcCosine");
  if (scale === 0) return 0;
  const phi = Math.acos(correlation(q, qPrime, c, "reluKernelArcCosine"));
  return (scale * arcCosineJ1(phi)) / (2 * Math.PI);
}

/** The parity split of the ReLU kernel: odd part c/4 and even part (1/2π)√(qq′)(√(1 − ρ²) + ρ·arcsin ρ). */
export function reluKernelSplit(q: number, qPrime: number, c: number): ReluKernelSplit {
  const scale = checkVariances(q, qPrime, "reluKernelSplit");
  if (scale === 0) {
    if (c !== 0) throw new Error(`reluKernelSplit: covariance ${c} with a zero variance`);
    return {odd: 0, even: 0};
  }
  const rho = correlation(q, qPrime, c, "reluKernelSplit");
  const even = (scale * (Math.sqrt((1 - rho) * (1 + rho)) + rho * Math.asin(rho))) / (2 * Math.PI);
  return {odd: c / 4, even};
}

/** The erf kernel E[erf(u) erf(v)] = (2/π) arcsin(2c/√((1 + 2q)(1 + 2q′))) (Williams 1997), for q, q′ ≥ 0. */
export function erfKernel(q: number, qPrime: number, c: number): number {
  checkVariances(q, qPrime, "erfKernel");
  if (!Number.isFinite(c) || c * c > q * qPrime * (1 + TOLERANCE)) {
    throw new Error(`erfKernel: covariance ${c} is not compatible with variances ${q}, ${qPrime}`);
  }
  const s = (2 * c) / Math.sqrt((1 + 2 * q) * (1 + 2 * qPrime));
  return (2 / Math.PI) * Math.asin(s);
}

const TOLERANCE = 1e-12;

// √(qq′), after checking that both variances are finite and non-negative.
function checkVariances(q: number, qPrime: number, routine: string): number {
  if (!(q >= 0) || !(qPrime >= 0) || !Number.isFinite(q) || !Number.isFinite(qPrime)) {
    throw new Error(`${routine}: variances must be finite and non-negative, got q = ${q}, q′ = ${qPrime}`);
  }
  return Math.sqrt(q) * Math.sqrt(qPrime);
}

// ρ = c/√(qq′), clamped to [−1, 1] when rounding pushes it just outside.
function correlation(q: number, qPrime: number, c: number, routine: string): number {
  return clampCorrelation(c / (Math.sqrt(q) * Math.sqrt(qPrime)), routine);
}

function clampCorrelation(rho: number, routine: string): number {
  if (!(Math.abs(rho) <= 1 + TOLERANCE)) throw new Error(`${routine}: correlation ${rho} is outside [−1, 1]`);
  return Math.max(-1, Math.min(1, rho));
}

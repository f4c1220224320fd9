// Probabilists' Hermite polynomials He_n, orthogonal under N(0, 1), and their normalised form He_n/√n!.
//
// Three-term recurrence He_{n+1}(x) = x·He_n(x) − n·He_{n−1}(x), He_0 = 1, He_1 = x (Abramowitz & Stegun 22.7.14,
// DLMF 18.9.1); the normalised polynomials h_n = He_n/√n! satisfy E[h_j(G)h_k(G)] = δ_jk for G ~ N(0, 1) and
// h_{n+1}(x) = (x·h_n(x) − √n·h_{n−1}(x))/√(n+1).

/** He_n(x), the probabilists' Hermite polynomial of degree n (He_2 = x² − 1, He_3 = x³ − 3x, …). */
export function hermite(n: number, x: number): number {
  checkDegree(n, "hermite");
  if (n === 0) return 1;
  let previous = 1;
  let current = x;
  for (let k = 1; k < n; ++k) {
    const next = x * current - k * previous;
    previous = current;
    current = next;
  }
  return current;
}

/** h_n(x) = He_n(x)/√n!, orthonormal under the standard normal distribution. */
export function hermiteNormalized(n: number, x: number): number {
  checkDegree(n, "hermiteNormalized");
  if (n === 0) return 1;
  let previous = 1;
  let current = x;
  for (let k = 1; k < n; ++k) {
    const next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1);
    previous = current;
    current = next;
  }
  return current;
}

/** He_0(x), …, He_n(x) as an array of length n + 1. */
export function hermiteSequence(n: number, x: number): Float64Array {
  checkDegree(n, "hermiteSequence");
  const out = new Float64Array(n + 1);
  out[0] = 1;
  if (n >= 1) out[1] = x;
  for (let k = 1; k < n; ++k) out[k + 1] = x * out[k] - k * out[k - 1];
  return out;
}

/** h_0(x), …, h_n(x) with h_k = He_k/√k!, as an array of length n + 1. */
export function hermiteNormalizedSequence(n: number, x: number): Float64Array {
  checkDegree(n, "hermiteNormalizedSequence");
  const out = new Float64Array(n + 1);
  out[0] = 1;
  if (n >= 1) out[1] = x;
  for (let k = 1; k < n; ++k) out[k + 1] = (x * out[k] - Math.sqrt(k) * out[k - 1]) / Math.sqrt(k + 1);
  return out;
}

/**
 * The exact integer monomial coefficients of He_n: He_n(x) = Σ_j a[j]·x^j, with a of length n + 1
 * (He_4 → [3n, 0n, −6n, 0n, 1n]). Uses a[n+1][j] = a[n][j−1] − n·a[n−1][j].
 */
export function hermiteMonomialCoefficients(n: number): bigint[] {
  checkDegree(n, "hermiteMonomialCoefficients");
  let previous: bigint[] = [];
  let current: bigint[] = [1n];
  for (let k = 0; k < n; ++k) {
    const next: bigint[] = new Array<bigint>(k + 2).fill(0n);
    for (let j = 0; j <= k; ++j) next[j + 1] += current[j];
    for (let j = 0; j < previous.length; ++j) next[j] -= BigInt(k) * previous[j];
    previous = current;
    current = next;
  }
  return current;
}

function checkDegree(n: number, routine: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${routine}: degree must be a non-negative integer, got ${n}`);
}

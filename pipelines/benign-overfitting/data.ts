// The data model of Karhadkar et al., Definition 2.1: a signal direction v, noise orthogonal to v at scale 1/d,
// and observed labels of which some are flipped, either a fixed number k or each with a probability.
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";

/** How observed labels are corrupted: exactly `flips` of them, or each independently with `probability`. */
export type LabelNoise = {kind: "count"; flips: number} | {kind: "probability"; probability: number};

/** A sample of Definition 2.1: points in the rows of X, clean labels y, observed labels ŷ, and the flipped rows. */
export interface Sample {
  X: Matrix;
  /** Clean labels y_i ∈ {±1} (uniform). */
  clean: Float64Array;
  /** Observed labels ŷ_i: y_i except on the flipped rows. */
  observed: Float64Array;
  /** Indices of the flipped rows, ascending. */
  flipped: number[];
}

/** A unit vector uniform on the sphere S^{d−1}. */
export function signalDirection(d: number, rng: Rng): Float64Array {
  for (;;) {
    const v = rng.normals(d);
    const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    if (norm > 0) return v.map((x) => x / norm);
  }
}

/**
 * n points x_i = √γ·y_i·v + √(1 − γ)·ξ_i with y_i uniform on {±1} and ξ_i ~ N(0, (1/d)(I − vvᵀ)): a Gaussian of
 * variance 1/d per coordinate with its component along v removed, so that ⟨ξ_i, v⟩ = 0 to rounding and
 * E‖x_i‖² = γ + (1 − γ)(d − 1)/d ≈ 1. The observed labels flip per `noise` (none when omitted: test points).
 */
export function sample(n: number, v: Float64Array, gamma: number, rng: Rng, noise?: LabelNoise): Sample {
  const d = v.length;
  if (!(gamma >= 0 && gamma <= 1)) throw new Error(`sample: gamma must be in [0, 1], got ${gamma}`);
  const labelRng = rng.fork("labels");
  const clean = Float64Array.from({length: n}, () => labelRng.rademacher());
  const X = matrix(n, d, rng.fork("noise").normals(n * d));
  const x = X.data;
  const signal = Math.sqrt(gamma);
  const scale = Math.sqrt((1 - gamma) / d);
  for (let i = 0; i < n; ++i) {
    const row = i * d;
    let along = 0;
    for (let j = 0; j < d; ++j) along += x[row + j] * v[j];
    for (let j = 0; j < d; ++j) x[row + j] = scale * (x[row + j] - along * v[j]) + signal * clean[i] * v[j];
  }
  const flipped = noise ? flips(n, noise, rng.fork("flips")) : [];
  const observed = Float64Array.from(clean);
  for (const i of flipped) observed[i] = -observed[i];
  return {X, clean, observed, flipped};
}

/** The indices to flip: a uniformly random k-subset, or each index independently with the given probability. */
export function flips(n: number, noise: LabelNoise, rng: Rng): number[] {
  if (noise.kind === "probability") {
    const p = noise.probability;
    if (!(p >= 0 && p <= 1)) throw new Error(`flips: probability must be in [0, 1], got ${p}`);
    const out: number[] = [];
    for (let i = 0; i < n; ++i) if (rng.uniform() < p) out.push(i);
    return out;
  }
  const k = noise.flips;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`flips: count must be an integer in [0, ${n}], got ${k}`);
  // Partial Fisher–Yates: the first k entries of a random permutation.
  const order = Array.from({length: n}, (_, i) => i);
  for (let i = 0; i < k; ++i) {
    const j = i + rng.integer(n - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, k).sort((a, b) => a - b);
}

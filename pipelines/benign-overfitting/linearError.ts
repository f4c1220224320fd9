// The exact test error of a linear classifier under Definition 2.1 (Karhadkar et al., Lemma C.1).
import {normalCdf} from "../../src/special/erf.js";

/** The parts of w along v and orthogonal to it: w = a_v·v + z with z ⊥ v. */
export interface SignalSplit {
  /** a_v = ⟨w, v⟩. */
  along: number;
  /** ‖z‖ = ‖w − a_v·v‖. */
  orthogonal: number;
}

/** Splits w into its component along the unit vector v and the norm of the rest. */
export function splitSignal(w: ArrayLike<number>, v: ArrayLike<number>): SignalSplit {
  let along = 0;
  let squares = 0;
  for (let i = 0; i < w.length; ++i) {
    along += w[i] * v[i];
    squares += w[i] * w[i];
  }
  return {along, orthogonal: Math.sqrt(Math.max(0, squares - along * along))};
}

/**
 * P(y⟨w, x⟩ ≤ 0) for a clean test point of Definition 2.1: y⟨w, x⟩ ~ N(√γ·a_v, (1 − γ)‖z‖²/d), so the error is
 * Φ(−√(γd/(1 − γ))·a_v/‖z‖) (Lemma C.1).
 */
export function linearTestError(split: SignalSplit, gamma: number, d: number): number {
  if (!(gamma >= 0 && gamma < 1)) throw new Error(`linearTestError: gamma must be in [0, 1), got ${gamma}`);
  if (split.orthogonal === 0) return split.along > 0 && gamma > 0 ? 0 : 1;
  return normalCdf((-Math.sqrt((gamma * d) / (1 - gamma)) * split.along) / split.orthogonal);
}

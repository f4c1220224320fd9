// The smallest perturbation that flips the sign of a two-layer ReLU network: along a fixed direction, by
// bracketing at the kinks and bisection, and along a path of projected gradient (DeepFool-type) steps in P⊥.
import {multiplyTransposeB} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import {relu} from "../two-layer/activation.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {inputGradients, outputs, preActivations} from "../two-layer/network.js";
import {projectOut} from "./subspace.js";

/** The outcome of a flip search for each point. */
export interface Flips {
  /** Distance of the first sign change (rMax when none was found). */
  r: Float64Array;
  /** Whether the sign changed within rMax. */
  flipped: boolean[];
}

/** Options of projectedFlips. */
export interface ProjectedFlipOptions {
  /** Largest number of projected steps. Default 50. */
  maxIterations?: number;
  /** Each step goes (1 + overshoot) times to the linearised boundary. Default 0.02. */
  overshoot?: number;
}

/**
 * The first r ∈ [0, rMax] at which N(x + r·v) = c + Σ_j u_j relu(z_j + r·a_j) changes sign from N(x), where
 * z = Wx + b and a = Wv. Along the line N is piecewise linear with kinks at r = −z_j/a_j; the sign is evaluated at
 * every kink in order, and the first interval whose end has the other sign is bisected to a relative width of
 * 10⁻¹³. Returns r = 0 when N(x) = 0, and {r: rMax, flipped: false} when the sign never changes.
 */
export function firstSignChange(
  z: Float64Array,
  a: Float64Array,
  u: Float64Array,
  c: number,
  rMax: number
): {r: number; flipped: boolean} {
  const m = z.length;
  const value = (r: number) => {
    let s = c;
    for (let j = 0; j < m; ++j) {
      const h = z[j] + r * a[j];
      if (h > 0) s += u[j] * h;
    }
    return s;
  };
  const start = value(0);
  if (start === 0) return {r: 0, flipped: true};
  const sign = start > 0 ? 1 : -1;
  const kinks: number[] = [];
  for (let j = 0; j < m; ++j) {
    if (a[j] === 0) continue;
    const r = -z[j] / a[j];
    if (r > 0 && r < rMax) kinks.push(r);
  }
  kinks.sort((p, q) => p - q);
  kinks.push(rMax);
  let lo = 0;
  for (const hi of kinks) {
    if (sign * value(hi) > 0) {
      lo = hi;
      continue;
    }
    let left = lo;
    let right = hi;
    while (right - left > 1e-13 * right) {
      const mid = 0.5 * (left + right);
      if (mid <= left || mid >= right) break;
      if (sign * value(mid) > 0) left = mid;
      else right = mid;
    }
    return {r: right, flipped: true};
  }
  return {r: rMax, flipped: false};
}

/** firstSignChange for every row x_i of X along the unit direction in row i of V (one gemm for each of Z and A). */
export function lineFlips(net: TwoLayerNetwork, X: Matrix, V: Matrix, rMax: number): Flips {
  const Z = preActivations(net, X);
  const A = multiplyTransposeB(V, net.W);
  const m = net.u.length;
  const r = new Float64Array(X.rows);
  const flipped: boolean[] = [];
  for (let i = 0; i < X.rows; ++i) {
    const found = firstSignChange(
      Z.data.subarray(i * m, (i + 1) * m),
      A.data.subarray(i * m, (i + 1) * m),
      net.u,
      net.c,
      rMax
    );
    r[i] = found.r;
    flipped.push(found.flipped);
  }
  return {r, flipped};
}

/**
 * Minimal flips by projected gradient steps restricted to P⊥ (the complement of the columns of U): from δ = 0,
 * δ ← δ − (1 + overshoot)·N(x + δ)·g/‖g‖² with g = P⊥∇ₓN(x + δ), until the sign changes; then the first sign change
 * along the segment from x to x + δ (firstSignChange) gives r = ‖δ*‖. Rows that never flip get r = ‖δ‖, unflipped.
 */
export function projectedFlips(
  net: TwoLayerNetwork,
  X: Matrix,
  U: Matrix,
  options: ProjectedFlipOptions = {}
): Flips & {iterations: number} {
  const {maxIterations = 50, overshoot = 0.02} = options;
  const {rows: n, cols: d} = X;
  const start = outputs(net, X, relu);
  const Delta = matrix(n, d);
  const moving = Array.from(start, (f) => f !== 0);
  let iterations = 0;
  for (; iterations < maxIterations; ++iterations) {
    const P = matrix(
      n,
      d,
      X.data.map((x, q) => x + Delta.data[q])
    );
    const f = outputs(net, P, relu);
    for (let i = 0; i < n; ++i) if (moving[i] && f[i] * start[i] <= 0) moving[i] = false;
    if (!moving.some(Boolean)) break;
    const G = projectOut(inputGradients(net, P, relu), U);
    for (let i = 0; i < n; ++i) {
      if (!moving[i]) continue;
      let g2 = 0;
      for (let j = 0; j < d; ++j) g2 += G.data[i * d + j] ** 2;
      if (g2 === 0) {
        moving[i] = false;
        continue;
      }
      const step = ((1 + overshoot) * f[i]) / g2;
      for (let j = 0; j < d; ++j) Delta.data[i * d + j] -= step * G.data[i * d + j];
    }
  }
  // Refine along each segment x → x + δ: the first sign change is the perturbation's size.
  const lengths = new Float64Array(n);
  const V = matrix(n, d);
  for (let i = 0; i < n; ++i) {
    let s = 0;
    for (let j = 0; j < d; ++j) s += Delta.data[i * d + j] ** 2;
    lengths[i] = Math.sqrt(s);
    for (let j = 0; j < d; ++j) V.data[i * d + j] = lengths[i] > 0 ? Delta.data[i * d + j] / lengths[i] : 0;
  }
  const Z = preActivations(net, X);
  const A = multiplyTransposeB(V, net.W);
  const m = net.u.length;
  const r = new Float64Array(n);
  const flipped: boolean[] = [];
  for (let i = 0; i < n; ++i) {
    if (lengths[i] === 0) {
      r[i] = 0;
      flipped.push(start[i] === 0);
      continue;
    }
    const found = firstSignChange(
      Z.data.subarray(i * m, (i + 1) * m),
      A.data.subarray(i * m, (i + 1) * m),
      net.u,
      net.c,
      lengths[i] * (1 + 1e-9)
    );
    r[i] = found.r;
    flipped.push(found.flipped);
  }
  return {r, flipped, iterations};
}

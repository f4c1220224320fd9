// Universal perturbations orthogonal to the data: the direction z_u = P⊥Σ_j u_j w_j(0), a random control in P⊥,
// and the accuracy of a network on points moved by −ε·y·v.
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {relu} from "../two-layer/activation.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import {preActivations} from "../two-layer/network.js";
import {projectOut} from "./subspace.js";

/**
 * The universal orthogonal direction ẑ = z/‖z‖, z = P⊥Σ_j u_j w_j(0) (spec A.2): for every x ∈ P it raises N(x) at
 * first order through the self-term Σ_j u_j²‖P⊥w_j(0)‖², so −y·ẑ attacks every point of class y.
 */
export function universalDirection(W0: Matrix, u: Float64Array, U: Matrix): Float64Array {
  const {rows: m, cols: d} = W0;
  const z = matrix(1, d);
  for (let j = 0; j < m; ++j) for (let q = 0; q < d; ++q) z.data[q] += u[j] * W0.data[j * d + q];
  return unit(projectOut(z, U).data);
}

/** A uniformly random unit vector of P⊥ (a Gaussian vector projected and normalised). */
export function randomOrthogonalDirection(d: number, U: Matrix, rng: Rng): Float64Array {
  return unit(projectOut(matrix(1, d, rng.normals(d)), U).data);
}

/**
 * The accuracy of `net` on the points X (labels y) moved to x_i − ε·sign·y_i·v, for each ε (v a unit vector).
 * Pre-activations are linear in ε: Z − ε·sign·y_i·(Wv), so each ε costs O(nm).
 */
export function perturbedAccuracy(
  net: TwoLayerNetwork,
  X: Matrix,
  y: Float64Array,
  v: Float64Array,
  epsilons: readonly number[],
  sign = 1
): number[] {
  const Z = preActivations(net, X);
  const {rows: n, cols: m} = Z;
  const d = X.cols;
  const a = new Float64Array(m);
  for (let j = 0; j < m; ++j) {
    let s = 0;
    for (let q = 0; q < d; ++q) s += net.W.data[j * d + q] * v[q];
    a[j] = s;
  }
  return epsilons.map((epsilon) => {
    let correct = 0;
    for (let i = 0; i < n; ++i) {
      const shift = -epsilon * sign * y[i];
      let f = net.c;
      for (let j = 0; j < m; ++j) f += net.u[j] * relu.value(Z.data[i * m + j] + shift * a[j]);
      if (f * y[i] > 0) ++correct;
    }
    return correct / n;
  });
}

function unit(x: Float64Array): Float64Array {
  let s = 0;
  for (const v of x) s += v * v;
  const norm = Math.sqrt(s);
  if (!(norm > 0)) throw new Error("unit: zero vector");
  return x.map((v) => v / norm);
}

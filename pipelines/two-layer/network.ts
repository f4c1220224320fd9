// Two-layer networks f(x) = Σ_j u_j σ(w_j·x + b_j) + c on row-major data, evaluated through the project's gemm.
import {multiply, multiplyTransposeB} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Activation} from "./activation.js";

/** The parameters of a two-layer network: W is width×inputs (row j is w_j). */
export interface TwoLayerNetwork {
  readonly W: Matrix;
  /** Hidden biases b_j, or null for a network without them. */
  readonly b: Float64Array | null;
  /** Outer weights u_j. */
  readonly u: Float64Array;
  /** Output bias c. */
  readonly c: number;
}

/** The pre-activations Z = X·Wᵀ + 1·bᵀ (points × width) of the points in the rows of X. */
export function preActivations(net: TwoLayerNetwork, X: Matrix): Matrix {
  const Z = multiplyTransposeB(X, net.W);
  if (net.b) addRowVector(Z, net.b);
  return Z;
}

/** f(x) for every row x of X. */
export function outputs(net: TwoLayerNetwork, X: Matrix, activation: Activation): Float64Array {
  return readout(preActivations(net, X), net.u, net.c, activation);
}

/** Σ_j u_j σ(Z_ij) + c for every row i of the pre-activations Z. */
export function readout(Z: Matrix, u: Float64Array, c: number, activation: Activation): Float64Array {
  const {rows: n, cols: m, data: z} = Z;
  if (u.length !== m) throw new Error(`readout: ${m} hidden units but ${u.length} outer weights`);
  const f = new Float64Array(n);
  readoutInto(f, z, u, c, activation, n, m);
  return f;
}

/**
 * f_i = Σ_j u_j σ(z_ij) + c (the sum in order of j) for the n×m row-major z, into f. Four rows at a time: four
 * independent sums keep the adder busy where one would wait on each addition.
 */
export function readoutInto(
  f: Float64Array,
  z: Float64Array,
  u: Float64Array,
  c: number,
  activation: Activation,
  n: number,
  m: number
): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * m;
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < m; ++j) {
      const uj = u[j];
      s0 += uj * activation.value(z[r0 + j]);
      s1 += uj * activation.value(z[r1 + j]);
      s2 += uj * activation.value(z[r2 + j]);
      s3 += uj * activation.value(z[r3 + j]);
    }
    f[i] = s0 + c;
    f[i + 1] = s1 + c;
    f[i + 2] = s2 + c;
    f[i + 3] = s3 + c;
  }
  for (; i < n; ++i) {
    let sum = 0;
    for (let j = 0; j < m; ++j) sum += u[j] * activation.value(z[i * m + j]);
    f[i] = sum + c;
  }
}

/**
 * The input gradients ∇ₓf(x) = Σ_j u_j σ′(w_j·x + b_j) w_j of every row x of X, as the rows of a points × inputs
 * matrix (one gemm: D·W with D_ij = u_j σ′(Z_ij)).
 */
export function inputGradients(net: TwoLayerNetwork, X: Matrix, activation: Activation): Matrix {
  const Z = preActivations(net, X);
  const {rows: n, cols: m, data: z} = Z;
  const D = matrix(n, m);
  for (let i = 0; i < n * m; ++i) D.data[i] = net.u[i % m] * activation.slope(z[i]);
  return multiply(D, net.W);
}

/** Adds the row vector v to every row of A, in place. */
export function addRowVector(A: Matrix, v: Float64Array): void {
  const {rows, cols, data} = A;
  if (v.length !== cols) throw new Error(`addRowVector: ${cols} columns but a vector of length ${v.length}`);
  addBias(data, v, rows, cols);
}

/** z_ij ← z_ij + b_j for the n×m row-major z. */
export function addBias(z: Float64Array, b: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; ++i) for (let j = 0; j < m; ++j) z[i * m + j] += b[j];
}

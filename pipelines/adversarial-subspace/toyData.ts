// The two small data sets of the authors' experiments (spec A.1): seven points on the diagonal of the plane with
// alternating labels, and a 5×5 checkerboard on the plane z = 0.5 of R³.
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";

/** Labelled points: rows of X, labels ±1. */
export interface LabelledPoints {
  X: Matrix;
  y: Float64Array;
}

/** The points (t, t), t = −1 + 2i/6 (i = 0 … 6), labelled −1, +1, −1, … (class 1 at t = 0, ±2/3). */
export function diagonalData(): LabelledPoints {
  const X = matrix(7, 2);
  const y = new Float64Array(7);
  for (let i = 0; i < 7; ++i) {
    const t = -1 + (2 * i) / 6;
    X.data[2 * i] = t;
    X.data[2 * i + 1] = t;
    y[i] = i % 2 === 1 ? 1 : -1;
  }
  return {X, y};
}

/** The grid {0, .25, .5, .75, 1}² at z = 0.5 in R³ with checkerboard labels (+1 where i + j is even). */
export function checkerboardData(): LabelledPoints {
  const X = matrix(25, 3);
  const y = new Float64Array(25);
  for (let i = 0; i < 5; ++i) {
    for (let j = 0; j < 5; ++j) {
      const p = 5 * i + j;
      X.data[3 * p] = i / 4;
      X.data[3 * p + 1] = j / 4;
      X.data[3 * p + 2] = 0.5;
      y[p] = (i + j) % 2 === 0 ? 1 : -1;
    }
  }
  return {X, y};
}

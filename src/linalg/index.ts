// The public linear-algebra API: dense row-major matrices, products, and the decompositions built on them.
export {cayley, cayleyGradient} from "./cayley.js";
export {cholesky} from "./cholesky.js";
export {eigh, eighRows} from "./eigh.js";
export type {EighOptions, SymmetricEigen, SymmetricEigenRows} from "./eigh.js";
export {expmSkew} from "./expm.js";
export {
  gemmInto,
  gram,
  gramTransposeA,
  loopMaxWork,
  multiply,
  multiplyTransposeA,
  multiplyTransposeB,
  multiplyTransposeVector,
  multiplyVector
} from "./gemm.js";
export type {GemmOptions} from "./gemm.js";
export {accumulateReflectors, applyReflectorsRight, householderVector} from "./householder.js";
export {
  assertFiniteMatrix,
  assertSquare,
  at,
  copy,
  fromMlMatrix,
  fromRows,
  identity,
  matrix,
  toMlMatrix,
  toRows,
  transpose
} from "./matrix.js";
export type {Matrix} from "./matrix.js";
export {polar} from "./polar.js";
export type {Polar} from "./polar.js";
export {procrustes} from "./procrustes.js";
export type {ProcrustesOptions} from "./procrustes.js";
export {qr} from "./qr.js";
export type {Qr, QrOptions} from "./qr.js";
export {solve, solveSymmetricPositive} from "./solve.js";
export {svd} from "./svd.js";
export type {Svd} from "./svd.js";
export {assertSkew, assertSymmetric, symmetryTolerance} from "./symmetry.js";
export {topEigen} from "./topEigen.js";
export type {SymmetricOperator, TopEigen, TopEigenOptions} from "./topEigen.js";
export {tridiagonalEigen} from "./tridiagonal.js";

// Special functions for Gaussian computations: Hermite polynomials and coefficients, Gauss–Hermite rules,
// the error function family and closed-form arc-cosine and erf kernels.
export {arcCosineJ0, arcCosineJ1, arcCosineKernel, erfKernel, reluKernel, reluKernelArcCosine, reluKernelSplit, stepKernel} from "./arccos.js";
export type {ReluKernelSplit} from "./arccos.js";
export {erf, erfc, erfcx, normalCdf, normalPdf, normalTail} from "./erf.js";
export {gaussHermite, gaussianExpectation} from "./gaussHermite.js";
export type {QuadratureRule} from "./gaussHermite.js";
export {hermite, hermiteMonomialCoefficients, hermiteNormalized, hermiteNormalizedSequence, hermiteSequence} from "./hermite.js";
export {erfDerivativeMoment, erfHermiteCoefficients, halfLineMoment, hermiteCoefficients, leakyReluHermiteCoefficients, reluDerivativeMoment, reluHermiteCoefficients, reluHermiteCoefficientsFromMoments, tanhHermiteCoefficients} from "./hermiteCoefficients.js";

// The parameters that the feature-learning pipelines share, declared once: the giant step (d, α, p/d, η̃), the
// target and the activation, and the spiked feature covariance (s₀, r) with the sample size n. A pipeline passes
// its own default where it needs another one.
import {choice, integer, real} from "../../src/contract/index.js";
import {activations, targets} from "./model.js";
import {sectorRange} from "./targetSector.js";

/** The input dimension d. */
export function dimension(value = 400) {
  return integer(value, "input dimension d", {min: 2, max: 4096});
}

/** The sample ratio α = n/d of the gradient step. */
export function sampleRatio(value = 2) {
  return real(value, "sample ratio α = n/d of the step (n = round(αd); the formulas use n/d)", {min: 0.01});
}

/** The width ratio p/d of the network. */
export function widthRatio(value: number) {
  return real(value, "width ratio p/d", {min: 0.01});
}

/** The rescaled learning rate η̃ of the step (η = η̃·p). */
export function stepSize(value: number) {
  return real(value, "rescaled learning rate η̃ (η = η̃·p)", {min: 0});
}

/**
 * The number of samples n of a Gram matrix. The pipelines hold two dense n×n matrices (K and its linear part) and
 * their eigen solver's copies: 8n² bytes each, 128 MB at n = 4000 but 80 GB at n = 10⁵, so n stops at 4000.
 */
export function samples(value = 2000) {
  return integer(value, "number of samples n", {min: 4, max: 4000});
}

/** The spike strength r of Σ₁ = (s₀/d)I + r²ûûᵀ. */
export function spikeStrength(value: number) {
  return real(value, "spike strength r of Σ₁ = (s₀/d)I + r²ûûᵀ", {min: 0});
}

/** The bulk variance s₀ of Σ₁ = (s₀/d)I + r²ûûᵀ. */
export const bulkVariance = real(1, "bulk variance s₀ of Σ₁ = (s₀/d)I + r²ûûᵀ", {min: 0.01});

/** The bulk variance s₀ where a pipeline computes the target sector: within the range where it meets 1e-6. */
export const sectorBulkVariance = real(1, "bulk variance s₀ of Σ₁ = (s₀/d)I + r²ûûᵀ", sectorRange.s0);

/** The spike strength r where a pipeline computes the target sector: within the range where it meets 1e-6. */
export function sectorSpikeStrength(value: number) {
  return real(value, "spike strength r of Σ₁ = (s₀/d)I + r²ûûᵀ", sectorRange.r);
}

/** The target link σ*. */
export const target = choice(targets, "he12", "target link σ*: He₁ + He₂/√2 or tanh");

/** The activation σ of the student network or kernel. */
export const activation = choice(activations, "relu", "activation σ");

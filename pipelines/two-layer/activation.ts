// Activations of two-layer networks with their slopes, including the convention at the kink.

/** A piecewise-linear activation σ with its slope σ′ (the convention at 0 is part of the definition). */
export interface Activation {
  readonly name: string;
  value(z: number): number;
  slope(z: number): number;
}

// ReLU is evaluated without data-dependent branches: on the adversarial-subspace networks (100 points × 200 units)
// the sign pattern is too large for the branch predictor, and the branch-free forms made a training step 1.5× faster.
// They give the same bits as the plain definition for every finite z ((z + |z|)/2 is z + z halved, exact below 2¹⁰²³,
// and +0 for z ≤ 0; the slope is looked up by the sign). Leaky ReLU keeps its branches, which were as fast or faster
// on the benign-overfitting networks (150 points × 64 units), whose sign pattern the predictor learns from step to step.

const reluSlopes = Float64Array.of(0, 1);

/** ReLU, σ(z) = max(z, 0), with σ′(0) = 0 as in PyTorch. */
export const relu: Activation = {
  name: "relu",
  value: (z) => 0.5 * (z + Math.abs(z)),
  slope: (z) => reluSlopes[+(z > 0)]
};

/** Leaky ReLU σ(z) = max(z, αz) for 0 < α ≤ 1, with σ′(0) = 1 (Karhadkar et al., eq. 1). */
export function leakyRelu(alpha: number): Activation {
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`leakyRelu: alpha must be in (0, 1], got ${alpha}`);
  return {
    name: `leaky-relu(${alpha})`,
    value: (z) => (z >= 0 ? z : alpha * z),
    slope: (z) => (z >= 0 ? 1 : alpha)
  };
}

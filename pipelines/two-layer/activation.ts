// Activations of two-layer networks with their slopes, including the convention at the kink.

/** A piecewise-linear activation σ with its slope σ′ (the convention at 0 is part of the definition). */
export interface Activation {
  readonly name: string;
  value(z: number): number;
  slope(z: number): number;
}

// The activations are evaluated without data-dependent branches: on pre-activations of either sign a branch is
// mispredicted about half the time, which made these calls the largest cost of a training step. Each form gives the
// same bits as the plain definition for every finite z (ReLU: (z + |z|)/2 is z + z halved, exact below 2¹⁰²³, and +0
// for z ≤ 0; a slope or a product with a slope looked up by the sign is the same number the branch would choose).

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
  const slopes = Float64Array.of(alpha, 1);
  return {
    name: `leaky-relu(${alpha})`,
    value: (z) => z * slopes[+(z >= 0)],
    slope: (z) => slopes[+(z >= 0)]
  };
}

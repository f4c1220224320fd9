// Activations of two-layer networks with their slopes, including the convention at the kink.

/** A piecewise-linear activation σ with its slope σ′ (the convention at 0 is part of the definition). */
export interface Activation {
  readonly name: string;
  value(z: number): number;
  slope(z: number): number;
}

/** ReLU, σ(z) = max(z, 0), with σ′(0) = 0 as in PyTorch. */
export const relu: Activation = {
  name: "relu",
  value: (z) => (z > 0 ? z : 0),
  slope: (z) => (z > 0 ? 1 : 0)
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

// Margin losses ℓ(y·f) of binary classification with labels y ∈ {−1, +1}, and how they are totalled.

/** A loss of the margin q = y·f, with its derivative dℓ/dq. */
export interface MarginLoss {
  readonly name: string;
  value(margin: number): number;
  derivative(margin: number): number;
}

/**
 * The logistic loss log(1 + e^{−q}). Binary cross-entropy on sigmoid(f) with targets t ∈ {0, 1} is this loss
 * of y = 2t − 1, so it serves for both. Evaluated without overflow for large |q|.
 */
export const logistic: MarginLoss = {
  name: "logistic",
  value: (q) => (q > 0 ? Math.log1p(Math.exp(-q)) : -q + Math.log1p(Math.exp(q))),
  derivative: (q) => (q > 0 ? -Math.exp(-q) / (1 + Math.exp(-q)) : -1 / (1 + Math.exp(q)))
};

/** The hinge loss max(0, 1 − q); its derivative is −1 where q < 1 and 0 elsewhere. */
export const hinge: MarginLoss = {
  name: "hinge",
  value: (q) => (q < 1 ? 1 - q : 0),
  derivative: (q) => (q < 1 ? -1 : 0)
};

/** Whether the training objective is the mean of the per-example losses or their sum. */
export type LossTotal = "mean" | "sum";

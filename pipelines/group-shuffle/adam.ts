// The Adam optimiser over flat parameter arrays, updating in place.
// Reference: D. P. Kingma & J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1.

/** Adam's hyper-parameters. */
export interface AdamOptions {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** First and second moment estimates, one pair of arrays per parameter array, and the step count. */
export interface AdamState {
  m: Float64Array[];
  v: Float64Array[];
  t: number;
}

/** Zero moments shaped like the parameters. */
export function adamState(parameters: readonly Float64Array[]): AdamState {
  return {
    m: parameters.map((p) => new Float64Array(p.length)),
    v: parameters.map((p) => new Float64Array(p.length)),
    t: 0
  };
}

/**
 * One Adam step in place: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with the bias
 * corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). Throws on a non-finite gradient.
 */
export function adamStep(
  state: AdamState,
  parameters: readonly Float64Array[],
  gradients: readonly Float64Array[],
  {learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8}: AdamOptions
): void {
  if (parameters.length !== state.m.length || gradients.length !== parameters.length) {
    const counts = `${parameters.length} parameter arrays, ${gradients.length} gradients, ${state.m.length} moments`;
    throw new Error(`adamStep: ${counts}`);
  }
  state.t += 1;
  const c1 = 1 - beta1 ** state.t;
  const c2 = 1 - beta2 ** state.t;
  parameters.forEach((theta, a) => {
    const g = gradients[a];
    const m = state.m[a];
    const v = state.v[a];
    if (g.length !== theta.length)
      throw new Error(`adamStep: gradient ${a} has length ${g.length}, expected ${theta.length}`);
    for (let i = 0; i < theta.length; ++i) {
      const gi = g[i];
      if (!Number.isFinite(gi)) throw new Error(`adamStep: non-finite gradient ${gi} in array ${a} at ${i}`);
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      theta[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  });
}

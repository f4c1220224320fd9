// Gauss–Legendre quadrature on [−1, 1], by Newton's method on the Legendre recurrence.

/**
 * The n-point Gauss–Legendre rule on [−1, 1] (nodes ascending, weights summing to 2); exact for polynomials of
 * degree ≤ 2n − 1. Node j is found by Newton's method on P_n from the Tricomi estimate
 * cos(π(j + 3/4)/(n + 1/2)), with P_n and P_n′ from the three-term recurrence
 * (k + 1)P_{k+1} = (2k + 1)xP_k − kP_{k−1} (DLMF 18.9.1) and the weight 2/((1 − x²)P_n′(x)²) (DLMF 3.5.19).
 */
export function gaussLegendre(n: number): {nodes: Float64Array; weights: Float64Array} {
  if (!Number.isInteger(n) || n < 1) throw new Error(`gaussLegendre: n must be a positive integer, got ${n}`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let j = 0; j < Math.ceil(n / 2); ++j) {
    let x = Math.cos((Math.PI * (j + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; ++iteration) {
      let previous = 1;
      let current = x;
      for (let k = 1; k < n; ++k) {
        const next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
        previous = current;
        current = next;
      }
      derivative = (n * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[j] = -x;
    nodes[n - 1 - j] = x;
    weights[j] = weights[n - 1 - j] = w;
  }
  if (n % 2 === 1) nodes[(n - 1) / 2] = 0;
  return {nodes, weights};
}

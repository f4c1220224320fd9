// Summaries of replicated scalars over seeds, summed in seed order so that results never depend on scheduling.

/** Mean, standard deviation (n − 1 denominator; 0 when n = 1), extremes and count of one scalar over seeds. */
export interface Summary {
  mean: number;
  sd: number;
  min: number;
  max: number;
  n: number;
}

/** Mean, sample standard deviation (n − 1), min, max and count of a list of values, in list order. */
export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) throw new Error("summarize: no values");
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (!Number.isFinite(x)) throw new Error(`summarize: non-finite value ${x}`);
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  let squares = 0;
  for (const x of values) squares += (x - mean) * (x - mean);
  return {mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min, max, n};
}

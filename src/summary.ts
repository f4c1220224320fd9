// Summaries of replicated scalars over seeds, summed in seed order so that results never depend on scheduling.
import type {Dataset} from "./dataset.js";
import type {Summary} from "./experiment.js";

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

/** Per-scalar summaries over the datasets of one point's seeds; every dataset must have the same scalars. */
export function summarizeScalars(datasets: readonly Dataset[]): Record<string, Summary> {
  const names = Object.keys(datasets[0]?.scalars ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      summarize(
        datasets.map((dataset, i) => {
          const value = dataset.scalars[name];
          if (value === undefined) throw new Error(`scalar ${name} is missing from replicate ${i}`);
          return value;
        })
      )
    ])
  );
}

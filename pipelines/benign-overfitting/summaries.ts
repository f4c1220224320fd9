// Helpers shared by the benign-overfitting plot and table modules: standard errors over trials, and scalar names.
import type {PointResult, Summary} from "../../src/contract/index.js";

/** Mean and standard error (sd/√trials) of scalar `name` at a point. */
export function meanSe(point: PointResult, name: string): {mean: number; se: number; count: number} {
  const summary: Summary | undefined = point.summary[name];
  if (summary === undefined) throw new Error(`no scalar ${name} at ${JSON.stringify(point.params)}`);
  return {mean: summary.mean, se: summary.sd / Math.sqrt(summary.n), count: summary.n};
}

/** The n values of a point whose scalars are named `<prefix>_n<n>`, ascending. */
export function nValues(point: PointResult, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix}_n(\\d+)$`);
  return Object.keys(point.summary)
    .map((name) => pattern.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/** Number of trials behind each point (the same at every point of an experiment). */
export function trials(points: readonly PointResult[]): number {
  return points[0]?.runs.length ?? 0;
}

// Scalar names shared by the benign-overfitting plot and table modules.
import type {PointResult} from "../../src/contract/index.js";

/** The n values of a point whose scalars are named `<prefix>_n<n>`, ascending. */
export function nValues(point: PointResult, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix}_n(\\d+)$`);
  return Object.keys(point.summary)
    .map((name) => pattern.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

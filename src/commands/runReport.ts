// The plain-text report of `orthogonal run`: each point's summary over seeds, a per-seed listing, the claims and
// the timing line. Pure: lines in, lines out; the command prints them.
import {notApplicableText} from "../build/claims.js";
import type {ClaimResult} from "../contract/claims.js";
import type {ParamValue} from "../contract/params.js";
import type {PointResult} from "../contract/results.js";
import {formatCheck} from "./report.js";

/** How long the runs took and where their datasets came from. */
export interface RunTiming {
  /** Wall time from the first run started to the last one finished (project loading excluded). */
  seconds: number;
  /** The pipelines' own time, summed over the computed runs. */
  computeSeconds: number;
  cached: number;
  computed: number;
}

/** The per-seed listing is printed when a point has at most this many scalars; --json has them all. */
export const maxSeedColumns = 12;

/** One point: its parameters, the mean, sd, se, min and max of every scalar, then one row per seed. */
export function pointLines(point: PointResult, heading: string): string[] {
  const lines = [heading];
  for (const [name, value] of Object.entries(point.params)) lines.push(`  ${name} = ${JSON.stringify(value)}`);
  lines.push(`${"scalar".padEnd(24)}${["mean", "sd", "se", "min", "max"].map((h) => h.padStart(13)).join("")}`);
  for (const [name, s] of Object.entries(point.summary)) {
    const se = s.sd / Math.sqrt(s.n);
    lines.push(`${name.padEnd(24)}${[s.mean, s.sd, se, s.min, s.max].map((x) => number(x, 13)).join("")}`);
  }
  return [...lines, ...seedLines(point)];
}

/** The runs as a table, one row per seed and one column per scalar, or a note when there are too many scalars. */
export function seedLines(point: PointResult): string[] {
  const names = Object.keys(point.summary);
  if (point.runs.length < 2 || names.length === 0) return [];
  if (names.length > maxSeedColumns) return [`(${names.length} scalars: --json has every seed's value)`];
  const widths = names.map((name) => Math.max(name.length, 12) + 1);
  const header = `${"seed".padEnd(6)}${names.map((name, i) => name.padStart(widths[i])).join("")}`;
  const rows = point.runs.map(
    ({seed, dataset}) =>
      `${String(seed).padEnd(6)}${names.map((name, i) => number(dataset.scalars[name], widths[i])).join("")}`
  );
  return ["per seed:", header, ...rows];
}

/** A claim's line (✓, ✗ or – for not applicable, its text and detail); with several points, one more line each. */
export function claimLines(result: ClaimResult): string[] {
  const mark = result.passed ? "✓" : "✗";
  if (result.notApplicable) return [`– ${result.claim}  (${notApplicableText(result)})`];
  if (result.error || result.checks.length === 0) return [`${mark} ${result.claim}  (${result.error})`];
  if (result.checks.length === 1) return [`${mark} ${result.claim}  (${formatCheck(result.checks[0])})`];
  const held = result.checks.filter((check) => check.passed).length;
  return [
    `${mark} ${result.claim}  (holds at ${held} of ${result.checks.length} points)`,
    ...result.checks.map((check) => `    ${check.passed ? "✓" : "✗"} ${formatCheck(check)}`)
  ];
}

/**
 * "3 seeds in 1.20s (1 cached, 2 computed), computing 0.85s": wall time, where the datasets came from and the
 * pipelines' own time (without worker start-up); a sweep counts its points and seeds.
 */
export function timingLine(timing: RunTiming, points: number, seeds: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const runs = points > 1 ? `${plural(points, "point")} × ${plural(seeds, "seed")}` : plural(seeds, "seed");
  const {seconds, computeSeconds, cached, computed} = timing;
  const computing = computed > 0 ? `, computing ${computeSeconds.toFixed(2)}s` : "";
  return `${runs} in ${seconds.toFixed(2)}s (${cached} cached, ${computed} computed)${computing}`;
}

/** A point's swept values, "k=3 d=400". */
export function pointLabel(params: Record<string, ParamValue>, swept: readonly string[]): string {
  return swept.map((name) => `${name}=${JSON.stringify(params[name])}`).join(" ");
}

function number(x: number | undefined, width: number): string {
  return (x === undefined ? "–" : x.toPrecision(6)).padStart(width);
}

// The end-of-build summary: counts, failures, failed claims with measured and expected values, slowest tasks.
import type {BuildReport} from "../build/build.js";
import type {ClaimCheck, ClaimResult} from "../contract/claims.js";

/** Formats a build report for the terminal. */
export function formatReport(report: BuildReport): string {
  const lines: string[] = [];
  const passed = report.claims.filter((c) => c.passed).length;
  const failed = report.claims.length - passed;
  for (const failure of report.failures) lines.push(`✗ experiment ${failure.experiment} failed: ${failure.message}`);
  for (const claim of report.claims.filter((c) => !c.passed)) lines.push(formatFailedClaim(claim));
  lines.push(
    `computed ${report.computed}, cached ${report.cached}, failed ${report.failures.length}; ` +
      `claims ${passed} passed, ${failed} failed; ${(report.ms / 1000).toFixed(1)}s`
  );
  if (report.published.length > 0)
    lines.push(`wrote ${report.published.length} file${report.published.length > 1 ? "s" : ""} to figures/ and site/`);
  if (report.slowest.length > 0) {
    lines.push(`slowest: ${report.slowest.map((t) => `${t.label} (${(t.ms / 1000).toFixed(2)}s)`).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** One failed claim: the statement, the experiment, and the measured, expected and tolerance at each failing point. */
export function formatFailedClaim(claim: ClaimResult): string {
  const head = `✗ claim "${claim.claim}" (experiment ${claim.experiment})`;
  if (claim.error) return `${head}: ${claim.error}`;
  const failing = claim.checks.filter((check) => !check.passed);
  return [head, ...failing.map((check) => `    ${formatCheck(check)}`)].join("\n");
}

/** "measured 0.74, expected 0.72 ± 0.0144 at d=400 alpha=2". */
export function formatCheck(check: ClaimCheck): string {
  const tolerance = check.tolerance === undefined ? "" : ` ± ${format(check.tolerance)}`;
  const where = Object.entries(check.params)
    .filter(([, v]) => !Array.isArray(v))
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return `measured ${format(check.measured)}, expected ${format(check.expected)}${tolerance}${where ? ` at ${where}` : ""}`;
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

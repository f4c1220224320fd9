// The claims of an experiment as readers see them: folded into one <details> whose summary says how many hold;
// each claim led by its sentence, then its expression, then at every checked point the status, the measured
// value, the expected value (or the bound, for one-sided claims), the tolerance and the margin |gap| ÷ tolerance,
// with as many significant digits as the tolerance needs.
import type {ClaimCheck, ClaimResult} from "../contract/claims.js";
import type {Experiment} from "../contract/content.js";
import {escapeHtml} from "./html.js";

/**
 * How many claims hold, of how many that apply (undefined when the experiment's claims were never evaluated); a
 * claim that does not apply (sd or se with one seed) is counted in neither.
 */
export function claimCounts(results: ClaimResult[] | undefined): {passed: number; total: number} | undefined {
  const applicable = results?.filter((c) => !c.notApplicable);
  return applicable && {passed: applicable.filter((c) => c.passed).length, total: applicable.length};
}

/** A short status line: "3 of 3 claims hold", "1 of 3 claims fails". */
export function claimSummary(results: ClaimResult[] | undefined): string {
  const counts = claimCounts(results);
  if (!counts) return "claims not evaluated yet";
  return countsText(counts);
}

/** "64 of 64 claims hold", "2 of 64 claims fail", "no claims". */
export function countsText({passed, total}: {passed: number; total: number}): string {
  if (total === 0) return "no claims";
  if (passed === total) return `${passed} of ${total} claim${total > 1 ? "s" : ""} hold${total > 1 ? "" : "s"}`;
  const failed = total - passed;
  return `${failed} of ${total} claim${total > 1 ? "s" : ""} fail${failed > 1 ? "" : "s"}`;
}

/** Renders a claim's sentence (Markdown with math) for the page. */
export type SentenceRenderer = (text: string, index: number) => string;

/** The claims section of an experiment (empty when it declares none). */
export function claimsHtml(experiment: Experiment, results: ClaimResult[] | undefined, headingLevel: number, idPrefix: string, sentence: SentenceRenderer = escapeHtml): string {
  if (experiment.claims.length === 0) return "";
  const h = `h${headingLevel}`;
  const headingId = `${idPrefix}-claims`;
  const counts = claimCounts(results);
  if (!results || !counts) {
    return `<section class="claims">
<${h} id="${headingId}">Claims</${h}>
<p class="note">These ${experiment.claims.length} claims have not been evaluated yet: run <code>npx orthogonal build --only ${escapeHtml(experiment.id)}</code>.</p>
</section>
`;
  }
  const allHold = counts.passed === counts.total;
  const points = results.reduce((n, r) => n + r.checks.length, 0);
  const items = results.map((result, i) => claimItem(experiment, result, i, idPrefix, sentence)).join("\n");
  return `<section class="claims">
<${h} id="${headingId}">Claims</${h}>
<details class="claims-details"${allHold ? "" : " open"}>
<summary><span class="status status--${allHold ? "pass" : "fail"}"><span aria-hidden="true">${allHold ? "✓" : "✗"}</span> ${escapeHtml(capitalize(countsText(counts)))}</span> <span class="muted">checked at ${points} point${points === 1 ? "" : "s"}; show each claim and its values</span></summary>
<ol class="claim-list">
${items}
</ol>
</details>
</section>
`;
}

/**
 * A number with `digits` significant digits (integers always in full), a true minus sign, and a power of ten
 * below 10⁻³ and from 10⁶.
 */
export function formatDigits(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "NaN" : x > 0 ? "∞" : "−∞";
  const sign = x < 0 ? "−" : "";
  const a = Math.abs(x);
  if (Number.isInteger(a) && a <= Number.MAX_SAFE_INTEGER) return sign + String(a);
  const d = Math.min(17, Math.max(1, Math.round(digits)));
  if (a >= 1e-3 && a < 1e6) return sign + a.toPrecision(d);
  const [mantissa, exponent] = a.toExponential(d - 1).split("e");
  const power = Number(exponent);
  return `${sign}${mantissa}×10<sup>${power < 0 ? "−" : ""}${Math.abs(power)}</sup>`;
}

/**
 * The significant digits that show a check's values to its tolerance: a value near 1 checked to 10⁻¹² gets 13;
 * one-sided checks get enough digits to show the gap to the bound. At least 4, at most 17.
 */
export function checkDigits(check: ClaimCheck): number {
  const scale = Math.max(Math.abs(check.measured), Math.abs(check.expected));
  const resolution = check.tolerance !== undefined && check.tolerance > 0 ? check.tolerance : Math.abs(check.measured - check.expected) / 10;
  if (!(scale > 0) || !(resolution > 0) || !Number.isFinite(scale / resolution)) return scale > 0 && resolution === 0 ? 17 : 4;
  // The digits from the value's leading one down to the tolerance's.
  return Math.min(17, Math.max(4, Math.floor(Math.log10(scale)) - Math.floor(Math.log10(resolution)) + 1));
}

/** |measured − expected| ÷ tolerance: below 1 the check holds, the smaller the more comfortably. */
export function checkMargin(check: ClaimCheck): number | undefined {
  if (check.tolerance === undefined) return undefined;
  const gap = Math.abs(check.measured - check.expected);
  return check.tolerance > 0 ? gap / check.tolerance : gap === 0 ? 0 : Infinity;
}

function claimItem(experiment: Experiment, result: ClaimResult, index: number, idPrefix: string, sentence: SentenceRenderer): string {
  const status = result.notApplicable
    ? `<span class="status"><span aria-hidden="true">–</span> not applicable (${escapeHtml(result.notApplicable)})</span>`
    : result.passed
      ? `<span class="status status--pass"><span aria-hidden="true">✓</span> holds</span>`
      : `<span class="status status--fail"><span aria-hidden="true">✗</span> fails</span>`;
  const text = result.description ? `<p class="claim-sentence">${sentence(result.description, index)}</p>` : "";
  const expression = `<p class="claim-expression"><code class="claim-text">${escapeHtml(result.claim)}</code></p>`;
  const error = result.error ? `<p class="claim-error">Could not be evaluated: ${escapeHtml(result.error)}</p>` : "";
  return `<li class="claim claim--${result.notApplicable ? "not-applicable" : result.passed ? "pass" : "fail"}" id="${escapeHtml(`${idPrefix}-claim-${index + 1}`)}">
<div class="claim-head">${status} ${text || expression}</div>
${text ? expression : ""}${error}${result.checks.length ? checksTable(experiment, result) : ""}
</li>`;
}

function checksTable(experiment: Experiment, result: ClaimResult): string {
  const swept = experiment.sweep.map((s) => s.name).filter((name) => result.checks.some((c) => c.params[name] !== undefined));
  const within = result.checks.some((c) => c.tolerance !== undefined);
  const head = [
    `<th scope="col" class="check-status">status</th>`,
    ...swept.map((name) => `<th scope="col">${escapeHtml(name)}</th>`),
    `<th scope="col" class="num">measured</th>`,
    `<th scope="col" class="num">${within ? "expected" : "bound"}</th>`
  ];
  if (within) head.push(`<th scope="col" class="num">tolerance</th>`, `<th scope="col" class="num"><abbr title="|measured − expected| ÷ tolerance: the check holds below 1">margin</abbr></th>`);
  const rows = result.checks.map((check) => {
    const digits = checkDigits(check);
    const margin = checkMargin(check);
    const cells = [
      check.passed ? `<td class="check-status status--pass">✓ <span class="visually-hidden">holds</span></td>` : `<td class="check-status status--fail">✗ <span class="visually-hidden">fails</span></td>`,
      ...swept.map((name) => `<td>${escapeHtml(formatParam(check.params[name]))}</td>`),
      `<td class="num">${formatDigits(check.measured, digits)}</td>`,
      `<td class="num">${formatDigits(check.expected, digits)}</td>`
    ];
    if (within) {
      cells.push(`<td class="num">${check.tolerance === undefined ? "" : `±&#8239;${formatDigits(check.tolerance, 3)}`}</td>`);
      cells.push(`<td class="num">${margin === undefined ? "" : Number.isFinite(margin) ? formatDigits(margin, 2) : "∞"}</td>`);
    }
    return `<tr${check.passed ? "" : ' class="check--fail"'}>${cells.join("")}</tr>`;
  });
  return `<div class="table-scroll table-scroll--compact" role="region" tabindex="0" aria-label="${escapeHtml(`Checked points of: ${result.claim}`)}"><table class="checks">
<thead><tr>${head.join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
`;
}

function formatParam(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(", ")}]` : String(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

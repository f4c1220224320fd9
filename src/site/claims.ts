// The claims of an experiment as readers see them: each statement with its status (✓ holds, ✗ fails), and at
// every checked point the measured value, the expected value and the tolerance.
import type {ClaimResult} from "../contract/claims.js";
import type {Experiment} from "../contract/content.js";
import {escapeHtml, formatNumber} from "./html.js";

/** How many claims hold, of how many (undefined when the experiment's claims were never evaluated). */
export function claimCounts(results: ClaimResult[] | undefined): {passed: number; total: number} | undefined {
  return results && {passed: results.filter((c) => c.passed).length, total: results.length};
}

/** A short status line: "3 of 3 claims hold". */
export function claimSummary(results: ClaimResult[] | undefined): string {
  const counts = claimCounts(results);
  if (!counts) return "claims not evaluated yet";
  if (counts.total === 0) return "no claims";
  const {passed, total} = counts;
  if (passed === total) return total === 1 ? "its claim holds" : total === 2 ? "both claims hold" : `all ${total} claims hold`;
  return `${total - passed} of ${total} claim${total > 1 ? "s" : ""} fail${total - passed === 1 ? "s" : ""}`;
}

/** The claims section of an experiment (empty when it declares none). */
export function claimsHtml(experiment: Experiment, results: ClaimResult[] | undefined, headingLevel: number, idPrefix: string): string {
  if (experiment.claims.length === 0) return "";
  const h = `h${headingLevel}`;
  const headingId = `${idPrefix}-claims`;
  const counts = claimCounts(results);
  let body: string;
  if (!results) {
    body = `<p class="note">These claims have not been evaluated yet: run <code>npx orthogonal build --only ${escapeHtml(experiment.id)}</code>.</p>
<ul class="claim-list">${experiment.claims.map((claim) => `<li class="claim"><div class="claim-head"><code class="claim-text">${escapeHtml(claim.text)}</code></div></li>`).join("")}</ul>`;
  } else {
    body = `<ul class="claim-list">\n${results.map((result) => claimItem(experiment, result)).join("\n")}\n</ul>`;
  }
  return `<section class="claims" aria-labelledby="${headingId}">
<${h} id="${headingId}">Claims</${h}>
<p class="claims-summary${counts ? (counts.passed === counts.total ? " status--pass" : " status--fail") : ""}">${summaryText(results)}</p>
${body}
</section>
`;
}

function summaryText(results: ClaimResult[] | undefined): string {
  const counts = claimCounts(results);
  const text = escapeHtml(claimSummary(results));
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  if (!counts) return `${sentence}.`;
  return `<span aria-hidden="true">${counts.passed === counts.total ? "✓" : "✗"}</span> ${sentence}.`;
}

function claimItem(experiment: Experiment, result: ClaimResult): string {
  const status = result.passed
    ? `<span class="status status--pass"><span aria-hidden="true">✓</span> holds</span>`
    : `<span class="status status--fail"><span aria-hidden="true">✗</span> fails</span>`;
  const description = result.description ? `<p class="claim-description">${escapeHtml(result.description)}</p>` : "";
  const error = result.error ? `<p class="claim-error">Could not be evaluated: ${escapeHtml(result.error)}</p>` : "";
  return `<li class="claim claim--${result.passed ? "pass" : "fail"}">
<div class="claim-head">${status} <code class="claim-text">${escapeHtml(result.claim)}</code></div>
${description}${error}${result.checks.length ? checksTable(experiment, result) : ""}
</li>`;
}

function checksTable(experiment: Experiment, result: ClaimResult): string {
  const swept = experiment.sweep.map((s) => s.name);
  const tolerance = result.checks.some((c) => c.tolerance !== undefined);
  const head = [...swept.map((name) => `<th scope="col">${escapeHtml(name)}</th>`), `<th scope="col" class="num">measured</th>`, `<th scope="col" class="num">expected</th>`];
  if (tolerance) head.push(`<th scope="col" class="num">tolerance</th>`);
  head.push(`<th scope="col"><span class="visually-hidden">status</span></th>`);
  const rows = result.checks.map((check) => {
    const cells = [
      ...swept.map((name) => `<td>${escapeHtml(String(check.params[name]))}</td>`),
      `<td class="num">${formatNumber(check.measured)}</td>`,
      `<td class="num">${formatNumber(check.expected)}</td>`
    ];
    if (tolerance) cells.push(`<td class="num">${check.tolerance === undefined ? "" : `± ${formatNumber(check.tolerance)}`}</td>`);
    cells.push(check.passed ? `<td class="status--pass">✓</td>` : `<td class="status--fail">✗ <span class="visually-hidden">fails</span></td>`);
    return `<tr${check.passed ? "" : ' class="check--fail"'}>${cells.join("")}</tr>`;
  });
  return `<div class="table-scroll table-scroll--compact" role="region" tabindex="0" aria-label="Checked points"><table class="checks">
<thead><tr>${head.join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
`;
}

// Small helpers for writing HTML by hand: escaping, and number formatting for readers.

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

/** Formats a number for reading: 4 significant digits, a true minus sign, powers of ten for very small or large values. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "NaN" : x > 0 ? "∞" : "−∞";
  const sign = x < 0 ? "−" : "";
  const a = Math.abs(x);
  if (Number.isInteger(a) && a < 1e6) return sign + String(a);
  if (a === 0 || (a >= 1e-3 && a < 1e6)) return sign + trimZeros(a.toPrecision(4));
  const [mantissa, exponent] = a.toExponential(3).split("e");
  const power = Number(exponent);
  return `${sign}${trimZeros(mantissa)}×10<sup>${power < 0 ? "−" : ""}${Math.abs(power)}</sup>`;
}

/** A parameter value as written on the command line (`--set grid=1,2,4`). */
export function formatParam(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

const entities: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};

/**
 * Preformatted text with a copy button. The button is hidden until the page's script shows it, so without
 * scripts the text is simply there to select. Commands wrap; BibTeX (`wrap: false`) keeps its lines and scrolls.
 */
export function codeBlock(id: string, text: string, label = "Copy", options: {wrap?: boolean} = {}): string {
  // Commands wrap only at spaces: each word is kept whole (a browser would otherwise break after a hyphen).
  const body = options.wrap === false ? escapeHtml(text) : text.replace(/[^\s]+/g, (word) => `<span class="word">${escapeHtml(word)}</span>`);
  return `<div class="code-block${options.wrap === false ? " code-block--nowrap" : ""}"><pre id="${id}" tabindex="0"><code>${body}</code></pre><button type="button" class="copy-button" data-copy="${id}" aria-label="${escapeHtml(`${label}: copy to the clipboard`)}" hidden>Copy</button></div>`;
}

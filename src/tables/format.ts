// Locale-independent number formatting for tables: significant digits, fixed decimals, integers, mean ± sd, in
// Unicode text, HTML and LaTeX.

/** How a numeric column is written. */
export type NumberFormat =
  /** `digits` significant digits (trailing zeros kept), scientific outside [10⁻³, 10⁵). */
  | {type: "significant"; digits: number}
  /** A fixed number of decimals, never scientific. */
  | {type: "fixed"; decimals: number}
  /** An integer (throws on a fractional value), never scientific. */
  | {type: "integer"};

/** A formatted number before it is written for one output: sign, decimal digits and an optional power of ten. */
export interface NumberParts {
  negative: boolean;
  /** Unsigned digits with an optional decimal point, e.g. "1.23" or "12000". */
  digits: string;
  /** Power of ten for scientific notation (digits × 10^exponent), or null. */
  exponent: number | null;
}

/** A formatted mean ± sd: both parts share the power of ten when there is one, as in (1.23 ± 0.04) × 10⁻⁵. */
export interface MeanSdParts {
  mean: NumberParts;
  sd: NumberParts;
  exponent: number | null;
}

/** Output flavours: Unicode text (Markdown, plain), HTML, LaTeX (math mode where needed). */
export type Target = "text" | "html" | "latex";

/** Default format of numeric columns: 3 significant digits. */
export const defaultNumberFormat: NumberFormat = {type: "significant", digits: 3};

/** Significant digits of a standard deviation in mean ± sd cells. */
export const sdDigits = 2;

/** |x| below this (and not 0) or at least `scientificAbove` is written in scientific notation by "significant". */
export const scientificBelow = 1e-3;
/** See scientificBelow. */
export const scientificAbove = 1e5;

/** Formats a finite number; −0 and values that round to zero are written without a sign. Throws on NaN or ±∞. */
export function formatNumber(x: number, format: NumberFormat = defaultNumberFormat): NumberParts {
  assertFinite(x);
  switch (format.type) {
    case "significant":
      return significant(x, format.digits);
    case "fixed":
      return fixed(x, format.decimals);
    case "integer":
      if (!Number.isInteger(x)) throw new Error(`expected an integer, got ${x}`);
      return fixed(x, 0);
    default:
      throw new Error(`invalid number format: ${(format as {type: string}).type}`);
  }
}

/**
 * Formats mean ± sd. The sd gets 2 significant digits and the mean the same number of decimals, but never more
 * significant digits than the column's format allows (then the sd is written on its own with 2 significant digits).
 * When the mean is in the scientific range, both share its power of ten: (1.23 ± 0.04) × 10⁻⁵. The fixed format
 * writes both parts with its decimals; the integer format with one decimal unless both are whole.
 */
export function formatMeanSd(mean: number, sd: number, format: NumberFormat = defaultNumberFormat): MeanSdParts {
  assertFinite(mean);
  assertFinite(sd);
  if (sd < 0) throw new Error(`negative standard deviation: ${sd}`);
  if (format.type === "fixed")
    return {mean: fixed(mean, format.decimals), sd: fixed(sd, format.decimals), exponent: null};
  if (format.type === "integer") {
    // Means of integers over seeds are fractional: one decimal unless both are whole numbers.
    const decimals = Number.isInteger(mean) && Number.isInteger(sd) ? 0 : 1;
    return {mean: fixed(mean, decimals), sd: fixed(sd, decimals), exponent: null};
  }
  const exponent = mean !== 0 && isScientific(exponentOf(mean, format.digits)) ? exponentOf(mean, format.digits) : null;
  const m = exponent === null ? mean : shift(mean, -exponent);
  const s = exponent === null ? sd : shift(sd, -exponent);
  if (s === 0)
    return {mean: significant(m, format.digits), sd: {negative: false, digits: "0", exponent: null}, exponent};
  const meanDecimals = m === 0 ? Infinity : format.digits - 1 - exponentOf(m, format.digits);
  const sdDecimals = sdDigits - 1 - exponentOf(s, sdDigits);
  const decimals = Math.max(0, Math.min(meanDecimals, sdDecimals));
  const sdParts = fixed(s, decimals);
  return {mean: fixed(m, decimals), sd: /[1-9]/.test(sdParts.digits) ? sdParts : significant(s, sdDigits), exponent};
}

/** Writes formatted number parts for a target: "−1.2×10⁻⁵" (text), "−1.2×10<sup>−5</sup>" (html), "$-1.2\times10^{-5}$" (latex). */
export function writeNumber(parts: NumberParts, target: Target): string {
  if (target === "latex") {
    const body = latexNumber(parts);
    return parts.negative || parts.exponent !== null ? `$${body}$` : body;
  }
  return unicodeNumber(parts, target);
}

/** Writes mean ± sd for a target: "0.512 ± 0.013", "(1.23 ± 0.04)×10⁻⁵", "$0.512 \pm 0.013$". */
export function writeMeanSd(parts: MeanSdParts, target: Target): string {
  if (target === "latex") {
    const body = `${latexNumber(parts.mean)} \\pm ${latexNumber(parts.sd)}`;
    return parts.exponent === null ? `$${body}$` : `$(${body})\\times10^{${parts.exponent}}$`;
  }
  const body = `${unicodeNumber(parts.mean, target)} ± ${unicodeNumber(parts.sd, target)}`;
  return parts.exponent === null ? body : `(${body})×10${power(parts.exponent, target)}`;
}

/**
 * Writes a number with full precision for machine-readable files (CSV): the shortest string that reads back as the
 * same double (JavaScript's Number#toString, e.g. "0.1", "1.2345e-7"), with −0 as "0". Throws on NaN or ±∞.
 */
export function writeFull(x: number): string {
  assertFinite(x);
  return Object.is(x, -0) ? "0" : String(x);
}

function significant(x: number, digits: number): NumberParts {
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new Error(`invalid significant digits: ${digits}`);
  if (x === 0) return {negative: false, digits: "0", exponent: null};
  const [mantissa, e] = x.toExponential(digits - 1).split("e");
  const exponent = Number(e);
  const negative = mantissa.startsWith("-");
  const figures = mantissa.replace(/^-/, "").replace(".", ""); // e.g. "123" for 1.23e-5
  if (isScientific(exponent)) {
    return {negative, digits: figures.length > 1 ? `${figures[0]}.${figures.slice(1)}` : figures, exponent};
  }
  let text: string;
  if (exponent < 0) text = `0.${"0".repeat(-exponent - 1)}${figures}`;
  else if (exponent >= figures.length - 1) text = figures + "0".repeat(exponent - figures.length + 1);
  else text = `${figures.slice(0, exponent + 1)}.${figures.slice(exponent + 1)}`;
  return {negative, digits: text, exponent: null};
}

function fixed(x: number, decimals: number): NumberParts {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new Error(`invalid decimals: ${decimals}`);
  if (Math.abs(x) >= 1e21) throw new Error(`number too large for fixed notation: ${x}`);
  const text = Math.abs(x).toFixed(decimals);
  return {negative: x < 0 && /[1-9]/.test(text), digits: text, exponent: null};
}

/** The decimal exponent of x once rounded to `digits` significant digits (9.996 → 1 at 3 digits). */
function exponentOf(x: number, digits: number): number {
  return Number(x.toExponential(Math.max(0, digits - 1)).split("e")[1]);
}

function isScientific(exponent: number): boolean {
  return exponent < Math.log10(scientificBelow) || exponent >= Math.log10(scientificAbove);
}

/** x × 10^k, computed on the decimal representation (no binary rounding from a division). */
function shift(x: number, k: number): number {
  const [mantissa, e] = x.toExponential(16).split("e");
  return Number(`${mantissa}e${Number(e) + k}`);
}

function unicodeNumber(parts: NumberParts, target: "text" | "html"): string {
  const sign = parts.negative ? "−" : "";
  const digits = group(parts.digits, "\u202f");
  return parts.exponent === null ? sign + digits : `${sign}${digits}×10${power(parts.exponent, target)}`;
}

function latexNumber(parts: NumberParts): string {
  const digits = group(parts.digits, "\\,");
  const body = parts.exponent === null ? digits : `${digits}\\times10^{${parts.exponent}}`;
  return parts.negative ? `-${body}` : body;
}

function power(exponent: number, target: "text" | "html"): string {
  if (target === "html") return `<sup>${exponent < 0 ? "−" : ""}${Math.abs(exponent)}</sup>`;
  const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  return (exponent < 0 ? "⁻" : "") + [...String(Math.abs(exponent))].map((d) => superscripts[+d]).join("");
}

/** Groups the integer part in threes when it has five or more digits: 12345.6 → "12 345.6" (thin spaces). */
function group(digits: string, separator: string): string {
  const [integer, fraction] = digits.split(".");
  if (integer.length < 5) return digits;
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function assertFinite(x: number): void {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new Error(`cannot format ${x} in a table`);
}

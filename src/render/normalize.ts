// Deterministic SVG output: per-file id numbering, numbers at fixed precision, and a stable indented XML serialization.

/** Decimal places kept in attribute numbers (coordinates, paths, transforms). */
export const precision = 3;

const svgNamespace = "http://www.w3.org/2000/svg";
const xlinkNamespace = "http://www.w3.org/1999/xlink";

/**
 * Renumbers Plot's generated ids (plot-clip-N, plot-pattern-N, plot-marker-N, whose N counts every figure the process
 * has rendered) per file and kind, in document order, as `${prefix}-clip-1`, `${prefix}-clip-2` …, and rewrites the
 * references to them (url(#…) and href="#…"). Mutates the element.
 */
export function renumberIds(root: Element, prefix = "plot"): void {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const element of [root, ...root.querySelectorAll("[id]")]) {
    const id = element.getAttribute("id");
    const match = id === null ? null : /^plot-(clip|pattern|marker|gradient|filter)-\d+$/.exec(id);
    if (id === null || match === null) continue;
    const kind = match[1];
    const count = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, count);
    const name = `${prefix}-${kind}-${count}`;
    renamed.set(id, name);
    element.setAttribute("id", name);
  }
  if (renamed.size === 0) return;
  for (const element of [root, ...root.querySelectorAll("*")]) {
    for (const attribute of [...element.attributes]) {
      const value = attribute.value
        .replace(/url\(#([^)\s]+)\)/g, (text, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : text))
        .replace(/^#(\S+)$/, (text, id: string) => (renamed.has(id) ? `#${renamed.get(id)}` : text));
      if (value !== attribute.value) attribute.value = value;
    }
  }
}

/**
 * Rounds every number written with more than `digits` decimals (or in exponent notation) in an attribute value to
 * `digits` decimals, dropping trailing zeros and writing −0 as 0: "translate(153.56735564286234,130)" →
 * "translate(153.567,130)". Integers and hex colours are left alone.
 */
export function roundNumbers(value: string, digits = precision): string {
  // Hex colours (#56B4E9 reads as 4E9 otherwise) are split off and kept as they are.
  return value
    .split(/(#[0-9A-Za-z]+)/)
    .map((part) =>
      part.startsWith("#")
        ? part
        : part.replace(/(?<![\d.])-?(?:\d+\.\d+|\.\d+|\d+)(?:[eE][-+]?\d+)?/g, (token) => {
            const fraction = /\.(\d+)/.exec(token)?.[1] ?? "";
            if (fraction.length <= digits && !/[eE]/.test(token)) return token;
            return formatFixed(Number(token), digits);
          })
    )
    .join("");
}

/** Writes a number with at most `digits` decimals and no trailing zeros; −0 and tiny negatives become "0". */
export function formatFixed(x: number, digits = precision): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write ${x} in an SVG`);
  const fixed = x.toFixed(digits);
  const text = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  return text === "-0" || text === "" ? "0" : text;
}

/** Attributes whose values are names or prose, never rounded. */
const verbatimAttributes = new Set([
  "id",
  "class",
  "href",
  "xlink:href",
  "role",
  "aria-label",
  "aria-description",
  "aria-hidden",
  "font-family",
  "font-variant",
  "text-anchor",
  "xmlns",
  "xmlns:xlink"
]);

/**
 * Serializes an SVG element as standalone XML: xmlns and xmlns:xlink on the root, attributes in document order with
 * numbers rounded (see roundNumbers), one element per line indented by two spaces, except that elements holding text
 * are written on one line (whitespace inside text is significant). Ends with a newline.
 */
export function serializeSvg(root: Element): string {
  if (root.namespaceURI !== svgNamespace || root.localName !== "svg") {
    throw new Error(`expected an <svg> element, got <${root.localName}>`);
  }
  const lines: string[] = [];
  writeElement(root, 0, lines, true);
  return lines.join("\n") + "\n";
}

function writeElement(element: Element, depth: number, lines: string[], isRoot = false): void {
  const indent = "  ".repeat(depth);
  const name = element.localName;
  const attributes: string[] = [];
  if (isRoot) {
    attributes.push(`xmlns="${svgNamespace}"`, `xmlns:xlink="${xlinkNamespace}"`);
  }
  for (const attribute of element.attributes) {
    const qualified = attribute.name;
    if (qualified === "xmlns" || qualified === "xmlns:xlink") continue;
    const value = verbatimAttributes.has(qualified) ? attribute.value : roundNumbers(attribute.value);
    attributes.push(`${qualified}="${escapeAttribute(value)}"`);
  }
  const open = `<${name}${attributes.length ? " " + attributes.join(" ") : ""}`;
  const children = [...element.childNodes].filter(
    (node) => node.nodeType === 1 || node.nodeType === 3 || node.nodeType === 4
  );
  if (children.length === 0) {
    lines.push(`${indent}${open}/>`);
  } else if (children.some((node) => node.nodeType !== 1)) {
    lines.push(`${indent}${open}>${children.map(inline).join("")}</${name}>`);
  } else {
    lines.push(`${indent}${open}>`);
    for (const child of children) writeElement(child as Element, depth + 1, lines);
    lines.push(`${indent}</${name}>`);
  }
}

function inline(node: Node): string {
  if (node.nodeType === 3 || node.nodeType === 4) return escapeText(node.nodeValue ?? "");
  const element = node as Element;
  const attributes = [...element.attributes].map((attribute) => {
    const value = verbatimAttributes.has(attribute.name) ? attribute.value : roundNumbers(attribute.value);
    return ` ${attribute.name}="${escapeAttribute(value)}"`;
  });
  const content = [...element.childNodes].map(inline).join("");
  return content === ""
    ? `<${element.localName}${attributes.join("")}/>`
    : `<${element.localName}${attributes.join("")}>${content}</${element.localName}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;");
}

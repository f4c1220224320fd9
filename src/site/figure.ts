// Figures and tables as they appear in pages: the built SVG made fit for inlining (ids made unique per page,
// labelled for assistive technology, scaling with its column), the table HTML in its own scrolling box, and
// the numbered captions that link to each item's own page.
import type {FigureWidth} from "../contract/figure.js";
import {theme} from "../render/theme.js";
import {escapeHtml} from "./html.js";

/** A figure or table ready to place: its number, caption HTML and the link to its own page. */
export interface PlacedItem {
  kind: "figure" | "table";
  id: string;
  label: string;
  /** Caption as HTML (rendered from Markdown). */
  caption: string;
  /** Relative link to the item's own page. */
  href: string;
  /** The column width (figures). */
  width?: FigureWidth;
  /** Alt text of a figure. */
  alt?: string;
  /** The built SVG (figures) or table HTML (tables); undefined when not built yet. */
  body?: string;
  /** The command that builds it, for the placeholder shown before the first build. */
  command: string;
}

/**
 * Prepares a standalone SVG for inlining in a page: drops the XML prolog and comments, prefixes every id (and
 * every reference to it) with `prefix`, so that several figures can share a page, and labels the root element
 * with role="img" and the alt text.
 */
export function inlineSvg(svg: string, prefix: string, alt: string): string {
  let text = svg
    .replace(/^\uFEFF/, "")
    .replace(/<\?xml[\s\S]*?\?>/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const ids = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size > 0) {
    const rename = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
    text = text
      .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => a + rename(id) + b)
      .replace(/url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g, (_, q: string, id: string) => `url(${q}#${rename(id)}${q})`)
      .replace(/(\s(?:xlink:)?href=")#([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}#${rename(id)}${b}`)
      .replace(/(\saria-(?:labelledby|describedby)=")([^"]+)(")/g, (_, a: string, list: string, b: string) => a + list.split(/\s+/).map(rename).join(" ") + b);
  }
  return text.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const kept = attributes.replace(/\s(role|aria-label|aria-labelledby|aria-hidden|focusable)="[^"]*"/g, "");
    const viewBox = /\sviewBox=/.test(kept) ? "" : viewBoxOf(kept);
    return `<svg${kept}${viewBox} role="img" aria-label="${escapeHtml(alt)}" focusable="false">`;
  });
}

/**
 * The inline variant of a standalone figure: the theme's ink becomes currentColor and its background
 * var(--plot-background), as the renderer's inline output has them, so the figure follows the page's colours
 * (dark mode). Only attribute values change.
 */
export function followPageColors(svg: string): string {
  const ink = new RegExp(`${escapeRegExp(theme.ink)}(?![0-9a-f])`, "gi");
  const background = new RegExp(`${escapeRegExp(theme.background)}(?![0-9a-f])`, "gi");
  return svg.replace(/(\s[\w:-]+=")([^"]*)(")/g, (_, a: string, value: string, b: string) =>
    a + value.replace(ink, "currentColor").replace(background, "var(--plot-background)") + b
  );
}

/**
 * A figure placed in prose, or on its own page (`anchor: false`: no id, the caption without links to the page
 * itself, and the alt text shown for everyone).
 */
export function figureHtml(item: PlacedItem, options: {anchor?: boolean} = {}): string {
  const own = options.anchor === false;
  const id = own ? "" : ` id="${item.id}"`;
  const media = item.body
    ? `<div class="figure-media">${item.body}</div>`
    : `<div class="figure-media figure-missing" role="img" aria-label="${escapeHtml(item.alt ?? item.label)}"><p>Not built yet: run <code>${escapeHtml(item.command)}</code></p></div>`;
  return `<figure class="figure figure--${item.width ?? "single"}"${id}>
${media}
<figcaption>${captionHtml(item, own)}</figcaption>
</figure>
${own && item.alt ? `<details class="alt-text"><summary>Text description</summary><p>${escapeHtml(item.alt)}</p></details>\n` : ""}`;
}

/** A table placed in prose or on its own page: caption above, the table in a box that scrolls sideways on its own. */
export function tableHtml(item: PlacedItem, options: {anchor?: boolean} = {}): string {
  const own = options.anchor === false;
  const id = own ? "" : ` id="${item.id}"`;
  const captionId = `${item.id}-caption`;
  const body = item.body
    ? `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${captionId}">\n${item.body.trim()}\n</div>`
    : `<div class="figure-missing"><p>Not built yet: run <code>${escapeHtml(item.command)}</code></p></div>`;
  return `<figure class="table-figure"${id}>
<figcaption id="${captionId}">${captionHtml(item, own)}</figcaption>
${body}
</figure>
`;
}

function captionHtml(item: PlacedItem, own: boolean): string {
  if (own) return `<span class="item-label">${escapeHtml(item.label)}</span> ${item.caption}`;
  return `<a class="item-label" href="${escapeHtml(item.href)}">${escapeHtml(item.label)}</a> ${item.caption} <a class="item-details" href="${escapeHtml(item.href)}" aria-label="${escapeHtml(`${item.label}: data, parameters and code`)}">Data and code</a>`;
}

function viewBoxOf(attributes: string): string {
  const width = /\swidth="([\d.]+)(?:px)?"/.exec(attributes);
  const height = /\sheight="([\d.]+)(?:px)?"/.exec(attributes);
  return width && height ? ` viewBox="0 0 ${width[1]} ${height[1]}"` : "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

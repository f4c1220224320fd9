// Renders Plot options to a deterministic SVG string under jsdom: a standalone file, or a variant for inline HTML.
import * as Plot from "@observablehq/plot";
import type {PlotOptions} from "@observablehq/plot";
import {clearDocument, plotDocument} from "./document.js";
import {renumberIds, serializeSvg} from "./normalize.js";
import type {Theme} from "./theme.js";

/** How to render one figure. */
export interface RenderOptions {
  /** Width in px (see figureSize). */
  width: number;
  /** Height in px. */
  height: number;
  theme: Theme;
  /**
   * For inlining in HTML: keep currentColor and var(--plot-background), so the figure follows the page's colours
   * (dark mode), and keep Plot's scoped <style>. Default false: a standalone file with explicit colours.
   */
  inline?: boolean;
  /** Prefix of the ids inside the SVG (default "plot"); figures inlined in one page need distinct prefixes. */
  idPrefix?: string;
}

/**
 * Plot's half-pixel offset, fixed at 0. Plot decides it once, when imported: 0 without a global window (Node) or on
 * high-density screens, 0.5 otherwise. 0 keeps coordinates integral and matches what Plot does in Node anyway; the
 * PNG is rendered at 300 dpi (a 1 px stroke covers about four device pixels) and the PDF is
 * resolution independent. renderSvg throws if Plot was imported with another offset (a global window or test `it`).
 */
export const plotOffset = 0;

/**
 * Renders Plot options to SVG. The figure's width, height and document are set here, overriding the options. The
 * output is byte-identical across runs, processes and machines: Plot's ids are renumbered per file, numbers are
 * rounded to 3 decimals, and the font and colours are explicit (in standalone files: no currentColor, a
 * self-contained <style>). Throws if Plot returns an HTML <figure> (title, subtitle, caption or a legend option):
 * titles and captions belong to the content, and legends must be drawn inside the plot with legend().
 */
export function renderSvg(options: PlotOptions, render: RenderOptions): string {
  const {width, height, theme} = render;
  if (!(width > 0 && height > 0)) throw new Error(`invalid figure size: ${width} × ${height}`);
  const document = plotDocument();
  try {
    assertOffset(document);
    const node = Plot.plot({...options, width, height, document}) as Element;
    if (node.localName !== "svg") {
      throw new Error(
        `Plot returned a <${node.localName}> instead of an <svg>: remove title, subtitle, caption and legend options ` +
          `from the plot module; put titles and captions in the content, and draw legends with legend() from ` +
          `src/render/legend.ts, which keeps them inside the SVG`
      );
    }
    renumberIds(node, render.idPrefix ?? "plot");
    applyTheme(node, theme, render.inline ?? false);
    return serializeSvg(node);
  } finally {
    clearDocument();
  }
}

function applyTheme(svg: Element, theme: Theme, inline: boolean): void {
  svg.setAttribute("font-family", `${theme.fontFamily}, sans-serif`);
  svg.setAttribute("font-size", String(theme.fontSize));
  const style = svg.querySelector(":scope > style");
  if (inline) return;
  svg.removeAttribute("class");
  if (style !== null) style.textContent = "text, tspan { white-space: pre; }";
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    for (const attribute of [...element.attributes]) {
      const value = attribute.value
        .replace(/currentColor/gi, theme.ink)
        .replace(/var\(--plot-background\)/g, theme.background);
      if (value !== attribute.value) attribute.value = value;
    }
  }
}

let offsetChecked = false;

function assertOffset(document: Document): void {
  if (offsetChecked) return;
  const probe = Plot.plot({document, width: 20, height: 20, marks: [Plot.frame()]}) as Element;
  const transform = probe.querySelector("rect")?.getAttribute("transform") ?? null;
  if (transform !== null) {
    throw new Error(
      `Plot's half-pixel offset is not ${plotOffset} (frame drawn with ${transform}): Plot was imported while a ` +
        `global window or test function \`it\` existed; import it before defining them`
    );
  }
  offsetChecked = true;
}

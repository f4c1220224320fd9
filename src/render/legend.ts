// Legends drawn as marks inside the plot's SVG (Plot's own swatch legends are HTML and are lost in a standalone SVG).
import * as Plot from "@observablehq/plot";
import type {Markish, SymbolType} from "@observablehq/plot";
import {lineSymbol, rectSymbol} from "./marks.js";
import {textWidth} from "./metrics.js";
import {theme as sharedTheme} from "./theme.js";
import type {Theme} from "./theme.js";

/** One legend entry. */
export interface LegendItem {
  label: string;
  /** A CSS colour (use the same constant as the marks it describes, e.g. seriesColor(i)). */
  color: string;
  /** "line" for a theory curve, "point" for simulation markers, "line+point" for both. Defaults to "point". */
  kind?: "line" | "point" | "line+point";
  /** Dash pattern of the line sample. */
  strokeDasharray?: string;
  /** Marker shape of the point sample. */
  symbol?: SymbolType;
}

/** The frame corner the legend sits in. */
export type LegendAnchor = "top-left" | "top-right" | "bottom-left" | "bottom-right";

/** Options of legend. */
export interface LegendOptions {
  /** Corner of the plot frame; defaults to "top-right". */
  anchor?: LegendAnchor;
  /** Draw a translucent box in the background colour behind the entries (default true). */
  background?: boolean;
  theme?: Theme;
}

/**
 * Returns marks that draw a legend inside the frame, in one corner: per entry a swatch (line sample, marker or both)
 * and its label, stacked vertically, over a translucent background box. Positions are frame-anchored offsets in px,
 * independent of the scales; label widths come from the bundled font's metrics.
 */
export function legend(items: readonly LegendItem[], options: LegendOptions = {}): Markish[] {
  if (items.length === 0) return [];
  const t = options.theme ?? sharedTheme;
  const anchor = options.anchor ?? "top-right";
  if (!["top-left", "top-right", "bottom-left", "bottom-right"].includes(anchor))
    throw new Error(`invalid anchor: ${anchor}`);
  const {inset, padding, lineHeight, swatchWidth, gap, backgroundOpacity} = t.legend;
  const labelWidth = Math.max(...items.map((item) => textWidth(item.label, t.fontSize)));
  const boxWidth = 2 * padding + swatchWidth + gap + labelWidth;
  const boxHeight = 2 * padding + items.length * lineHeight;
  const right = anchor.endsWith("right");
  const bottom = anchor.startsWith("bottom");
  // Offsets from the anchor corner to the box's left and top edges.
  const left = right ? -inset - boxWidth : inset;
  const top = bottom ? -inset - boxHeight : inset;
  const at = (dx: number, dy: number) => ({frameAnchor: anchor, dx: round(left + dx), dy: round(top + dy)});
  const marks: Markish[] = [];
  if (options.background ?? true) {
    marks.push(
      Plot.dot([0], {
        ...at(boxWidth / 2, boxHeight / 2),
        symbol: rectSymbol(boxWidth, boxHeight),
        fill: "var(--plot-background)",
        fillOpacity: backgroundOpacity,
        stroke: "none"
      })
    );
  }
  items.forEach((item, i) => {
    const y = padding + (i + 0.5) * lineHeight;
    const kind = item.kind ?? "point";
    if (kind === "line" || kind === "line+point") {
      marks.push(
        Plot.dot([0], {
          ...at(padding + swatchWidth / 2, y),
          symbol: lineSymbol(swatchWidth),
          fill: "none",
          stroke: item.color,
          strokeWidth: t.lineWidth,
          strokeDasharray: item.strokeDasharray
        })
      );
    }
    if (kind === "point" || kind === "line+point") {
      marks.push(
        Plot.dot([0], {
          ...at(padding + swatchWidth / 2, y),
          r: t.markerRadius,
          symbol: item.symbol ?? "circle",
          fill: item.color,
          stroke: "var(--plot-background)",
          strokeWidth: t.markerOutlineWidth
        })
      );
    }
    marks.push(
      Plot.text([item.label], {
        ...at(padding + swatchWidth + gap, y),
        text: (d: string) => d,
        textAnchor: "start",
        lineAnchor: "middle",
        fontSize: t.fontSize
      })
    );
  });
  return marks;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

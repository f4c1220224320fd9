// Faceted forms of the figure conventions (theory lines, points with error bars, one legend over all panels).
import * as Plot from "@observablehq/plot";
import type {CurveName, Markish, SymbolType} from "@observablehq/plot";
import {legend} from "../../src/render/legend.js";
import type {LegendItem, LegendOptions} from "../../src/render/legend.js";
import type {Theme} from "../../src/render/theme.js";

/** Field names of the position and facet channels of a faceted mark (fy optional). */
export interface FacetChannels {
  x: string;
  y: string;
  fx: string;
  fy?: string;
  /** Series key: one line per distinct value (within each panel). */
  z?: string;
}

/** Options of facetLine. */
export interface FacetLineOptions extends FacetChannels {
  stroke: string;
  strokeDasharray?: string;
  curve?: CurveName;
  theme: Theme;
}

/** Options of facetPoints. */
export interface FacetPointsOptions extends FacetChannels {
  fill: string;
  symbol?: SymbolType;
  /** Marker radius as a multiple of the theme's (default 1): a larger marker drawn first stays visible under a smaller one. */
  scale?: number;
  /** Standard deviation field: vertical error bars over y ± sd. */
  ySd?: string;
  theme: Theme;
}

/** A theory line in the theme's width, faceted by the fx (and fy) fields, one line per panel and z value. */
export function facetLine(data: readonly Record<string, unknown>[], options: FacetLineOptions): Markish {
  const {x, y, fx, fy, z, theme} = options;
  return Plot.line(data, {
    x,
    y,
    fx,
    fy,
    z: (d: Record<string, unknown>) =>
      `${String(d[fx])}|${fy === undefined ? "" : String(d[fy])}|${z === undefined ? "" : String(d[z])}`,
    stroke: options.stroke,
    strokeWidth: theme.lineWidth,
    strokeDasharray: options.strokeDasharray,
    curve: options.curve ?? "linear"
  });
}

/** Simulation markers (with mean ± sd error bars when ySd is given), outlined in the background colour, faceted. */
export function facetPoints(data: readonly Record<string, unknown>[], options: FacetPointsOptions): Markish[] {
  const {x, y, fx, fy, ySd, theme} = options;
  const marks: Markish[] = [];
  if (ySd !== undefined) {
    const value = (d: Record<string, unknown>, field: string) => d[field] as number;
    marks.push(
      Plot.ruleX(data, {
        x,
        fx,
        fy,
        y1: (d: Record<string, unknown>) => value(d, y) - value(d, ySd),
        y2: (d: Record<string, unknown>) => value(d, y) + value(d, ySd),
        stroke: options.fill,
        strokeWidth: theme.errorBarWidth
      })
    );
  }
  marks.push(
    Plot.dot(data, {
      x,
      y,
      fx,
      fy,
      r: theme.markerRadius * (options.scale ?? 1),
      symbol: options.symbol ?? "circle",
      fill: options.fill,
      stroke: "var(--plot-background)",
      strokeWidth: theme.markerOutlineWidth
    })
  );
  return marks;
}

/**
 * A legend drawn once over a faceted figure: legend() marks in Plot's "super" facet mode, so that the anchor is a
 * corner of the whole frame (the outermost panel in that corner) instead of a corner of every panel.
 */
export function panelLegend(items: readonly LegendItem[], options: LegendOptions): Markish[] {
  return legend(items, options).map((mark) => {
    (mark as {facet?: string}).facet = "super";
    return mark;
  });
}

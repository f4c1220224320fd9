// The one visual theme shared by the figures of all papers: bundled font, sizes, colour-blind-safe colours, axes.
import {fileURLToPath} from "node:url";
import type {ColorScheme, PlotOptions, ScaleOptions} from "@observablehq/plot";

/** What a plot module is told about the figure it draws: the shared theme and the size in px (1 px = 1 pt). */
export interface FigureContext {
  theme: Theme;
  /** Width in px; at 72 px per inch, so also in pt. */
  width: number;
  /** Height in px. */
  height: number;
}

/** Sizes, font and colours of a figure. Lengths are px, where 1 px is 1 pt in print (see figureSize). */
export interface Theme {
  /** Font family name, as in the bundled font file; every text in every output uses it. */
  fontFamily: string;
  /** File name of the bundled font in the repository's fonts/ folder. */
  fontFile: string;
  /** Text size of tick labels, axis labels and legends (px = pt). */
  fontSize: number;
  /** Text and axis colour in exported files (inline SVG keeps currentColor instead). */
  ink: string;
  /** Page colour: PNG background, point outlines and legend boxes in exported files. */
  background: string;
  /** Categorical colours for series, in order of use (Okabe–Ito, without yellow first and black). */
  palette: readonly string[];
  /** Sequential colour scheme (a Plot scheme name) for ordered quantities such as a swept parameter. */
  sequential: ColorScheme;
  /** Diverging colour scheme for signed quantities. */
  diverging: ColorScheme;
  /** Stroke width of theory curves. */
  lineWidth: number;
  /** Stroke width of error bars. */
  errorBarWidth: number;
  /** Width of error bar caps, when drawn. */
  capWidth: number;
  /** Radius of simulation markers. */
  markerRadius: number;
  /** Outline width of simulation markers (in the background colour, to separate them from curves). */
  markerOutlineWidth: number;
  /** Length of axis ticks. */
  tickSize: number;
  /** Opacity of grid lines, when a plot asks for a grid. */
  gridOpacity: number;
  /** Default plot margins. */
  margin: {top: number; right: number; bottom: number; left: number};
  /** In-SVG legend layout. */
  legend: {
    /** Distance between the frame and the legend box. */
    inset: number;
    /** Padding inside the legend box. */
    padding: number;
    /** Distance between baselines of consecutive entries. */
    lineHeight: number;
    /** Width of a swatch (line sample or marker). */
    swatchWidth: number;
    /** Gap between swatch and label. */
    gap: number;
    /** Opacity of the legend box's background fill. */
    backgroundOpacity: number;
  };
}

/** Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable under common colour-vision deficiencies. */
export const okabeIto = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7"
} as const;

/** The shared theme of all figures. */
export const theme: Theme = {
  fontFamily: "DejaVu Sans",
  fontFile: "DejaVuSans.ttf",
  fontSize: 8,
  ink: "#000000",
  background: "#FFFFFF",
  palette: [
    okabeIto.blue,
    okabeIto.vermillion,
    okabeIto.bluishGreen,
    okabeIto.reddishPurple,
    okabeIto.orange,
    okabeIto.skyBlue,
    okabeIto.black,
    okabeIto.yellow
  ],
  sequential: "viridis",
  diverging: "PuOr",
  lineWidth: 1.25,
  errorBarWidth: 1,
  capWidth: 4,
  markerRadius: 2.25,
  markerOutlineWidth: 0.5,
  tickSize: 3,
  gridOpacity: 0.12,
  margin: {top: 8, right: 10, bottom: 30, left: 44},
  legend: {inset: 4, padding: 3, lineHeight: 10, swatchWidth: 14, gap: 4, backgroundOpacity: 0.85}
};

/** Absolute path of the repository's fonts/ folder (font file, licence and fontconfig configuration). */
export const fontDirectory = fileURLToPath(new URL("../../fonts/", import.meta.url));

/** Absolute path of the theme's font file. */
export function fontPath(t: Theme = theme): string {
  return fontDirectory + t.fontFile;
}

/** Returns the i-th categorical colour (cycling through the palette). */
export function seriesColor(i: number, t: Theme = theme): string {
  return t.palette[((i % t.palette.length) + t.palette.length) % t.palette.length];
}

/** Colour scale options for named series: an ordinal scale over `domain` with the theme's palette. */
export function categorical(domain: readonly unknown[], t: Theme = theme): ScaleOptions {
  return {type: "ordinal", domain: [...domain], range: domain.map((_, i) => seriesColor(i, t))};
}

/** Colour scale options for an ordered quantity: the theme's sequential scheme, optionally on a log scale. */
export function sequential(
  options: {type?: "linear" | "log"; domain?: [number, number]} = {},
  t: Theme = theme
): ScaleOptions {
  return {type: options.type ?? "linear", scheme: t.sequential, ...(options.domain ? {domain: options.domain} : {})};
}

/**
 * Completes a plot module's options with the theme's conventions: the figure size, margins, axis lines, short ticks,
 * and axis labels centred along their axis without arrows (write units in the label, e.g. "step size η"). Options
 * given by the plot module win (per scale option for x and y), except width and height.
 */
export function paperPlot(context: FigureContext, options: PlotOptions): PlotOptions {
  const {margin} = context.theme;
  return {
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    ...options,
    width: context.width,
    height: context.height,
    x: axisDefaults(context.theme, options.x),
    y: axisDefaults(context.theme, options.y)
  };
}

/**
 * Formats a power of ten with superscript exponents ("10⁻³", "1", "10", "10²"), for log axes: pass as tickFormat.
 * Values that are not powers of ten get no label (so minor log ticks stay unlabelled).
 */
export function formatPowerOfTen(value: number): string {
  if (!(value > 0)) return "";
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value / 10 ** exponent - 1) > 1e-9) return "";
  if (exponent === 0) return "1";
  if (exponent === 1) return "10";
  return `10${superscript(exponent)}`;
}

/** Writes an integer with Unicode superscript digits and minus sign, e.g. −12 → "⁻¹²". */
export function superscript(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`superscript needs an integer, not ${n}`);
  const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  return (n < 0 ? "⁻" : "") + [...String(Math.abs(n))].map((d) => digits[+d]).join("");
}

function axisDefaults(t: Theme, scale: ScaleOptions | undefined): ScaleOptions {
  return {labelArrow: "none", labelAnchor: "center", tickSize: t.tickSize, line: true, ...scale};
}

// Mark helpers for the figure conventions: theory as lines, simulation as points with mean ± sd error bars over seeds.
import * as Plot from "@observablehq/plot";
import type {CurveName, Data, Markish, SymbolType} from "@observablehq/plot";
import {theme as sharedTheme} from "./theme.js";
import type {Theme} from "./theme.js";

/** A numeric field of the data, by name or by function. */
export type Accessor<T> = string | ((d: T, i: number) => number);

/** A colour: a CSS colour constant ("#0072B2", "currentColor") or a channel (field name or function) for the color scale. */
export type ColorSpec<T> = string | ((d: T, i: number) => unknown);

/** Options of theoryLine. */
export interface TheoryLineOptions<T> {
  x: Accessor<T>;
  y: Accessor<T>;
  /** Line colour; defaults to currentColor (the theme's ink in exported files). */
  stroke?: ColorSpec<T>;
  /** Series key, to draw one line per series from one data array. Defaults to stroke when it is a channel. */
  z?: string | ((d: T, i: number) => unknown);
  /** Dash pattern, e.g. "4,2" for an asymptote or a bound. */
  strokeDasharray?: string;
  curve?: CurveName;
  /** Clip the line to the frame (for curves computed beyond the axis domain). */
  clip?: boolean;
  theme?: Theme;
}

/** Options of simulationPoints. */
export interface SimulationPointsOptions<T> {
  x: Accessor<T>;
  /** Mean over seeds. */
  y: Accessor<T>;
  /** Standard deviation over seeds: error bars span y ± ySd. Omit for points without error bars. */
  ySd?: Accessor<T>;
  /** Marker and error bar colour; defaults to the palette's first colour. */
  color?: ColorSpec<T>;
  /** Marker shape (Plot symbol name); defaults to a circle. */
  symbol?: SymbolType;
  /** Lower end of error bars is at least this (on a log axis, pass a small positive number). */
  yLowerBound?: number;
  /** Draw horizontal caps at the ends of error bars. */
  caps?: boolean;
  theme?: Theme;
}

/** A theory curve: a line of the theme's width, through the points in data order (sort data by x first). */
export function theoryLine<T>(data: Data, options: TheoryLineOptions<T>): Markish {
  const t = options.theme ?? sharedTheme;
  const stroke = options.stroke ?? "currentColor";
  return Plot.line(data, {
    x: options.x,
    y: options.y,
    z: options.z,
    stroke,
    strokeWidth: t.lineWidth,
    strokeDasharray: options.strokeDasharray,
    curve: options.curve ?? "linear",
    clip: options.clip ?? false
  });
}

/**
 * Simulation results: a marker at the mean and, when ySd is given, a vertical error bar over mean ± sd (drawn first,
 * so markers sit on top). Markers have a thin outline in the background colour.
 */
export function simulationPoints<T>(data: Data, options: SimulationPointsOptions<T>): Markish[] {
  const t = options.theme ?? sharedTheme;
  const color = options.color ?? t.palette[0];
  const marks: Markish[] = [];
  if (options.ySd !== undefined) {
    const {y, ySd, yLowerBound} = options;
    const lower = (d: T, i: number) => {
      const value = read(y, d, i) - read(ySd, d, i);
      return yLowerBound === undefined ? value : Math.max(value, yLowerBound);
    };
    const upper = (d: T, i: number) => read(y, d, i) + read(ySd, d, i);
    marks.push(Plot.ruleX(data, {x: options.x, y1: lower, y2: upper, stroke: color, strokeWidth: t.errorBarWidth}));
    if (options.caps) {
      const cap = lineSymbol(t.capWidth);
      for (const end of [lower, upper]) {
        marks.push(
          Plot.dot(data, {x: options.x, y: end, symbol: cap, fill: "none", stroke: color, strokeWidth: t.errorBarWidth})
        );
      }
    }
  }
  marks.push(
    Plot.dot(data, {
      x: options.x,
      y: options.y,
      r: t.markerRadius,
      symbol: options.symbol ?? "circle",
      fill: color,
      stroke: "var(--plot-background)",
      strokeWidth: t.markerOutlineWidth
    })
  );
  return marks;
}

/** A symbol that draws a horizontal segment of the given length (px), whatever the dot's size: legend lines, caps. */
export function lineSymbol(length: number): {draw(context: CanvasPathLike, size: number): void} {
  return {
    draw(context) {
      context.moveTo(-length / 2, 0);
      context.lineTo(length / 2, 0);
    }
  };
}

/** A symbol that draws a width × height rectangle centred on the dot: legend backgrounds. */
export function rectSymbol(width: number, height: number): {draw(context: CanvasPathLike, size: number): void} {
  return {
    draw(context) {
      context.rect(-width / 2, -height / 2, width, height);
    }
  };
}

/** The path methods a symbol draws with (a subset of d3-path's and the canvas's). */
export interface CanvasPathLike {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  rect(x: number, y: number, width: number, height: number): void;
}

function read<T>(accessor: Accessor<T>, d: T, i: number): number {
  const value = typeof accessor === "function" ? accessor(d, i) : (d as Record<string, unknown>)[accessor];
  if (typeof value !== "number") throw new Error(`expected a number for ${String(accessor)}, got ${typeof value}`);
  return value;
}

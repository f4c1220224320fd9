// The contract of a plot module: experiment results in, Observable Plot options out; plus the paper figure sizes.
import type {PlotOptions} from "@observablehq/plot";
import type {FigureContext} from "../render/theme.js";
import type {ExperimentResult} from "./results.js";

export type {FigureContext, Theme} from "../render/theme.js";

/** The width classes of a figure: one column of a two-column paper, or the full text width. */
export const figureWidths = ["single", "double"] as const;

/** A figure's width class. */
export type FigureWidth = (typeof figureWidths)[number];

/**
 * A plot module: maps an experiment's results to Observable Plot options. Pure (no DOM, no I/O); the renderer sets
 * width, height and the document, so a returned width or height is overridden.
 */
export type PlotFunction = (result: ExperimentResult, context: FigureContext) => PlotOptions;

/** Figure size in px at 72 px per inch, so that 1 px is 1 pt in the PDF and the theme's 8 px text is 8 pt in print. */
export interface FigureSize {
  width: number;
  height: number;
}

/**
 * Returns the size of a figure: "single" is 240 × 180 px (3.33 × 2.5 in, one column of a two-column paper) and
 * "double" is 500 × 220 px (6.94 × 3.06 in, the text width); with an `aspect` (height as a fraction of the width),
 * the height is the width times the aspect, rounded to a pixel. Throws on any other width.
 */
export function figureSize(width: FigureWidth, aspect?: number): FigureSize {
  const size = standardSize(width);
  return aspect === undefined ? size : {width: size.width, height: Math.round(size.width * aspect)};
}

function standardSize(width: FigureWidth): FigureSize {
  switch (width) {
    case "single":
      return {width: 240, height: 180};
    case "double":
      return {width: 500, height: 220};
    default:
      throw new Error(`invalid figure width: ${width as string}`);
  }
}

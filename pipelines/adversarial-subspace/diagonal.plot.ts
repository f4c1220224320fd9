// Figure of A1: decision regions of the three networks of Figure 2 over [−1.2, 1.2]², with the seven points and,
// for each, the segment to its nearest label flip along the orthogonal direction (1, −1)/√2.
import {firstRunRows} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {Markish} from "@observablehq/plot";
import type {Row} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";
import {diagonalRuns} from "./diagonal.js";

/** Grid resolution of the decision-region map (samples per axis). */
const samples = 241;
const extent = 1.2;

/**
 * One panel per run (first seed): the sign of N on a 241² grid drawn as filled contours (class +1 tinted orange,
 * class −1 blue), the boundary N = 0, the training points, and dashed segments from each point to its first
 * flip along ±(1, −1)/√2, clipped at the frame (points with no flip within the searched range get none). Class +1 is
 * drawn as triangles, class −1 as circles; the caption explains them (a legend would cover the map).
 */
export const decisionRegionsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const network = firstRunRows(result, "network");
    const flips = firstRunRows(result, "flips");
    const scalars = result.points[0].runs[0].dataset.scalars;
    const titles: Record<string, string> = {
      vanilla: "(a) vanilla",
      "small init": "(b) small initialisation",
      "weight decay": "(c) weight decay"
    };
    const grid: {panel: string; x: number; y: number; value: number}[] = [];
    for (const run of diagonalRuns) {
      const units = network.filter((row) => row.run === run);
      const c = scalars[`${run.replace(" init", "").replace("weight ", "")}_output_bias`];
      for (let i = 0; i < samples; ++i) {
        for (let j = 0; j < samples; ++j) {
          const x = -extent + (2 * extent * j) / (samples - 1);
          const y = -extent + (2 * extent * i) / (samples - 1);
          grid.push({panel: titles[run], x, y, value: evaluate(units, c, x, y)});
        }
      }
    }
    const points: Row[] = flips.map((row) => ({...row, panel: titles[row.run as string]}));
    const flipSegments = points
      .filter((row) => row.flipped === true)
      .map((row) => {
        const t0 = row.t as number;
        const step = ((row.side as number) * (row.flip as number)) / Math.SQRT2;
        return {panel: row.panel, x1: t0, y1: t0, x2: t0 + step, y2: t0 - step};
      });
    const classColor = (y: number) => (y > 0 ? seriesColor(4, t) : seriesColor(0, t));
    const marks: Markish[] = [
      Plot.contour(grid, {
        x: "x",
        y: "y",
        fx: "panel",
        value: "value",
        thresholds: [-1e9, 0],
        fill: (d: {value: number}) => d.value,
        interpolate: "nearest",
        pixelSize: 1,
        stroke: t.ink,
        strokeWidth: 0.9,
        smooth: true
      }),
      Plot.frame({stroke: t.ink, strokeOpacity: 0.6}),
      Plot.link(flipSegments, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        fx: "panel",
        stroke: t.ink,
        strokeWidth: 1,
        strokeDasharray: "2,1.5",
        clip: true
      }),
      Plot.dot(points, {
        x: "t",
        y: "t",
        fx: "panel",
        r: 2.6,
        fill: (d: Row) => classColor(d.y as number),
        stroke: t.ink,
        strokeWidth: 0.6,
        symbol: (d: Row) => ((d.y as number) > 0 ? "triangle" : "circle")
      })
    ];
    return paperPlot(context, {
      marginTop: 16,
      marginLeft: 34,
      marginRight: 6,
      x: {domain: [-extent, extent], ticks: [-1, 0, 1], tickFormat: signed, label: "x₁"},
      y: {domain: [-extent, extent], ticks: [-1, 0, 1], tickFormat: signed, label: "x₂"},
      fx: {domain: diagonalRuns.map((r) => titles[r]), padding: 0.08, label: null, axis: "top", tickSize: 0},
      color: {type: "threshold", domain: [0], range: [mix(seriesColor(0, t)), mix(seriesColor(4, t))]},
      marks
    });
  }
};

// Tick labels with a true minus sign: "−1", "0", "1".
function signed(x: number): string {
  return x < 0 ? `−${-x}` : String(x);
}

// N(x, y) = c + Σ_j u_j relu(w_j·(x, y) + b_j).
function evaluate(units: readonly Row[], c: number, x: number, y: number): number {
  let s = c;
  for (const unit of units) {
    const h = (unit.w1 as number) * x + (unit.w2 as number) * y + (unit.b as number);
    if (h > 0) s += (unit.u as number) * h;
  }
  return s;
}

// A light tint of a colour (mixed 75% with white), for region fills.
function mix(hex: string): string {
  const channel = (k: number) => Math.round(0.25 * parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16) + 0.75 * 255);
  return `#${[0, 1, 2].map((k) => channel(k).toString(16).padStart(2, "0")).join("")}`;
}

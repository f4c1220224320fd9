// Figures of B2 (the paper's Figure 1): the test-error heatmap over (d/n, n) on a log colour scale, and each d/n
// column of it against the range of the authors' published heatmap.
import {meanSe, seedCount} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";
import {heatmapColumns} from "./published.js";

/** The colour scale's lower end: cells whose trials all had zero test error are drawn at this floor. */
export const errorFloor = 1e-4;

/** One heatmap cell: (n, d/n) and the mean test error over trials at one stopping rule. */
export interface HeatmapCell {
  n: number;
  dOverN: number;
  mean: number;
  se: number;
}

/** The cells of a heatmap-cell experiment at one stopping rule ("err" or "loss"). */
export function heatmapCells(result: ExperimentResult, rule: "err" | "loss"): HeatmapCell[] {
  return result.points.map((point) => ({
    n: point.params.n as number,
    dOverN: point.params.d_over_n as number,
    ...meanSe(point, `test_error_${rule}`)
  }));
}

/**
 * The heatmap: a cell per (d/n, n) coloured by the mean test error at the S_err stop on a log scale from 10⁻⁴ to 1
 * (viridis: luminance rises monotonically, so it reads in greyscale and under colour-vision deficiencies), with a
 * colour bar at the right labelled at its ends and every decade.
 */
export const heatmapPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const cells = heatmapCells(result, "err");
    const ns = [...new Set(cells.map((c) => c.n))].sort((a, b) => a - b);
    const columns = [...new Set(cells.map((c) => c.dOverN))].sort((a, b) => a - b);
    const dn = ns.length > 1 ? ns[1] - ns[0] : 10;
    const floor = Math.log10(errorFloor);
    // The colour bar occupies x ∈ [barX, barX + 0.45] in d/n units to the right of the last column, and maps
    // log10(error) ∈ [−4, 0] linearly onto the vertical extent of the cells.
    const last = columns[columns.length - 1];
    const barX = last + 0.9;
    const yLow = ns[0] - dn / 2;
    const yHigh = ns[ns.length - 1] + dn / 2;
    const toY = (log: number) => yLow + ((log - floor) / -floor) * (yHigh - yLow);
    const steps = 64;
    const bar = Array.from({length: steps}, (_, k) => {
      const a = floor + (k / steps) * -floor;
      const b = floor + ((k + 1) / steps) * -floor;
      return {y1: toY(a), y2: toY(b), value: 10 ** ((a + b) / 2)};
    });
    const barTicks = [-4, -3, -2, -1, 0].map((e) => ({y: toY(e), label: formatPowerOfTen(10 ** e)}));
    return paperPlot(context, {
      marginTop: 24,
      marginRight: 44,
      marginLeft: 38,
      x: {
        domain: [columns[0] - 0.5, barX + 0.45],
        ticks: columns,
        tickFormat: (v: number) => String(v),
        label: "d/n",
        line: false
      },
      y: {domain: [yLow, yHigh], ticks: ns, label: "n", line: false},
      color: {type: "log", scheme: t.sequential, domain: [errorFloor, 1], clamp: true},
      marks: [
        Plot.rect(cells, {
          x1: (c: HeatmapCell) => c.dOverN - 0.5,
          x2: (c: HeatmapCell) => c.dOverN + 0.5,
          y1: (c: HeatmapCell) => c.n - dn / 2,
          y2: (c: HeatmapCell) => c.n + dn / 2,
          fill: (c: HeatmapCell) => Math.max(c.mean, errorFloor),
          inset: 0,
          shapeRendering: "crispEdges"
        }),
        Plot.rect(bar, {
          x1: barX,
          x2: barX + 0.45,
          y1: "y1",
          y2: "y2",
          fill: "value",
          inset: 0,
          shapeRendering: "crispEdges"
        }),
        Plot.rect([0], {
          x1: barX,
          x2: barX + 0.45,
          y1: yLow,
          y2: yHigh,
          fill: "none",
          stroke: "currentColor",
          strokeWidth: 0.5
        }),
        Plot.text(barTicks, {x: barX + 0.45, y: "y", text: "label", textAnchor: "start", dx: 3, fontSize: t.fontSize}),
        Plot.text(["test error"], {
          x: barX + 0.225,
          y: yHigh,
          textAnchor: "middle",
          lineAnchor: "bottom",
          dy: -9,
          fontSize: t.fontSize
        })
      ]
    });
  }
};

/**
 * Per d/n column: the range over n of the published heatmap (grey bar, left) and of this build's cell means (coloured
 * bar, right) with the mean over n (point); log axis from 10⁻⁴ to 1, zero errors drawn at the floor.
 */
export const heatmapColumnsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const color = seriesColor(0, t);
    const cells = heatmapCells(result, "err");
    const columns = [...new Set(cells.map((c) => c.dOverN))].sort((a, b) => a - b);
    const ours = columns.map((dOverN) => {
      const values = cells.filter((c) => c.dOverN === dOverN).map((c) => c.mean);
      return {
        x: dOverN + 0.17,
        low: Math.max(Math.min(...values), errorFloor),
        high: Math.max(Math.max(...values), errorFloor),
        mean: Math.max(values.reduce((s, v) => s + v, 0) / values.length, errorFloor)
      };
    });
    const published = heatmapColumns
      .filter((c) => columns.includes(c.dOverN))
      .map((c) => ({
        x: c.dOverN - 0.17,
        low: Math.max(c.low, errorFloor),
        high: Math.max(c.high, errorFloor),
        mean: c.mean
      }));
    const grey = "#7f7f7f";
    return paperPlot(context, {
      y: {
        type: "log",
        domain: [errorFloor, 1],
        ticks: [1e-4, 1e-3, 1e-2, 1e-1, 1],
        tickFormat: formatPowerOfTen,
        label: "test error"
      },
      x: {
        domain: [columns[0] - 0.6, columns[columns.length - 1] + 0.6],
        ticks: columns,
        tickFormat: (v: number) => String(v),
        label: "d/n"
      },
      marks: [
        Plot.ruleX(published, {x: "x", y1: "low", y2: "high", stroke: grey, strokeWidth: 3}),
        Plot.dot(
          published.filter((p) => p.mean !== undefined),
          {
            x: "x",
            y: "mean",
            symbol: "diamond",
            r: t.markerRadius + 0.5,
            fill: "var(--plot-background)",
            stroke: grey,
            strokeWidth: 1
          }
        ),
        Plot.ruleX(ours, {x: "x", y1: "low", y2: "high", stroke: color, strokeWidth: 3, strokeOpacity: 0.5}),
        ...simulationPoints(ours, {x: "x", y: "mean", color, theme: t}),
        legend(
          [
            {label: "published: range over n", color: grey, kind: "line"},
            {label: "published: mean over n", color: grey, symbol: "diamond"},
            {label: `this build: range of cell means (${seedCount(result)} trials)`, color, kind: "line"},
            {label: "this build: mean over n", color}
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

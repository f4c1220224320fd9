// Figure of A6: flip distances along the normal e₃ of the checkerboard plane for the three runs of Figure 3.
import * as Plot from "@observablehq/plot";
import type {Row} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";
import {checkerboardRuns} from "./checkerboard.js";

/**
 * For each run, the distance to the first flip along ±e₃ of each of the 25 points, every seed (log axis; points
 * spread horizontally by seed; distances below 10⁻³ drawn at 10⁻³), with the median over points of each seed as a bar.
 * Colours are the classes (orange +1, blue −1), explained in the caption: a legend would cover points.
 */
export const checkerboardFlipsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const point = result.points[0];
    const sMax = point.params.s_max as number;
    const seeds = point.runs.length;
    const rows: Row[] = point.runs.flatMap((run, s) =>
      (run.dataset.tables.flips ?? []).map((row) => {
        const i = checkerboardRuns.indexOf(row.run as (typeof checkerboardRuns)[number]);
        const cell = 5 * Math.round(4 * (row.x as number)) + Math.round(4 * (row.y as number));
        return {...row, position: i + (s - (seeds - 1) / 2) * 0.16 + (cell / 24 - 0.5) * 0.1, seed: s};
      })
    );
    const medians = point.runs.flatMap((run, s) =>
      checkerboardRuns.map((name, i) => {
        const key = name.replace(" init", "").replace("weight ", "");
        return {position: i + (s - (seeds - 1) / 2) * 0.16, flip: run.dataset.scalars[`${key}_median_flip`]};
      })
    );
    // Flips closer than 10⁻³ (points whose margin is almost 0) are drawn at the axis floor.
    const low = 1e-3;
    return paperPlot(context, {
      x: {
        domain: [-0.5, 2.5],
        ticks: [0, 1, 2],
        tickFormat: (i: number) => checkerboardRuns[i] ?? "",
        label: null,
        tickSize: 0
      },
      y: {
        type: "log",
        label: "flip distance along ±e₃",
        domain: [low, 10 ** Math.ceil(Math.log10(sMax * 1.2))],
        tickFormat: formatPowerOfTen
      },
      marks: [
        Plot.ruleY([sMax], {stroke: t.ink, strokeOpacity: 0.3, strokeDasharray: "3,2"}),
        Plot.dot(rows, {
          x: "position",
          y: (d: Row) => Math.max(d.flip as number, low),
          r: 1.3,
          fill: (d: Row) => seriesColor((d.label as number) > 0 ? 4 : 0, t),
          fillOpacity: 0.7,
          stroke: "none"
        }),
        Plot.link(medians, {
          x1: (d: {position: number}) => d.position - 0.07,
          x2: (d: {position: number}) => d.position + 0.07,
          y1: "flip",
          y2: "flip",
          stroke: t.ink,
          strokeWidth: 1.5
        })
      ]
    });
  }
};

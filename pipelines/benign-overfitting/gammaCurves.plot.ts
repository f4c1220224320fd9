// Figure of B1 (the paper's Figure 2): test error against γ, one series per n, with the published curve readings.
import {meanSe, seedCount} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {Markish} from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";
import {gammaPlot} from "./published.js";
import {nValues} from "./summaries.js";

/** Rows (n, γ, mean, se) of test error at one stopping rule ("err" or "loss"), over every point. */
export function gammaRows(
  result: ExperimentResult,
  rule: "err" | "loss"
): {n: number; gamma: number; mean: number; se: number}[] {
  return result.points.flatMap((point) =>
    nValues(point, `test_error_${rule}`).map((n) => ({
      n,
      gamma: point.params.gamma as number,
      ...meanSe(point, `test_error_${rule}_n${n}`)
    }))
  );
}

/**
 * Test error at the S_err stop against γ: per n a line through the means over trials with ± one standard error,
 * and the values read off the paper's Figure 2 as open diamonds in the same colour.
 */
export const gammaCurvesPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const rows = gammaRows(result, "err");
    const ns = [...new Set(rows.map((r) => r.n))];
    const marks: Markish[] = [];
    ns.forEach((n, i) => {
      const color = seriesColor(i, t);
      const series = rows.filter((r) => r.n === n).sort((a, b) => a.gamma - b.gamma);
      const published = gammaPlot.filter((p) => p.n === n);
      marks.push(
        Plot.line(series, {x: "gamma", y: "mean", stroke: color, strokeWidth: t.lineWidth}),
        ...simulationPoints(series, {x: "gamma", y: "mean", ySd: "se", color, theme: t}),
        Plot.dot(published, {
          x: "gamma",
          y: "error",
          symbol: "diamond",
          r: t.markerRadius + 0.75,
          stroke: color,
          fill: "none",
          strokeWidth: 1
        })
      );
    });
    const maxGamma = Math.max(...rows.map((r) => r.gamma));
    return paperPlot(context, {
      x: {domain: [-0.003, maxGamma + 0.003], label: "signal strength γ", ticks: 5},
      y: {domain: [0, 0.56], label: "test error", ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5]},
      marks: [
        ...marks,
        legend(
          [
            ...ns.map((n, i) => ({
              label: `n = ${n}, d = ${Math.round((result.points[0].params.d_over_n as number) * n)}`,
              color: seriesColor(i, t),
              kind: "line+point" as const
            })),
            {label: `mean ± se, ${seedCount(result)} trials`, color: t.ink},
            {label: "paper's Figure 2", color: t.ink, symbol: "diamond"}
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

// Figure of E4: the top three eigenvalues of K/n against r, theory as lines (one per d) and Gram values as points.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import type {LegendItem} from "../../src/render/legend.js";
import {legend} from "../../src/render/legend.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {pointSummaries} from "./resultRows.js";

/**
 * λ₁, λ₂, λ₃ of K/n (s₀ = 1) against r on a log axis, one panel per d: the theory as lines (solid λ₁, dashed λ₂,
 * dotted λ₃) and every seed's Gram eigenvalue as a marker (circle, square, triangle), drawn beside the line.
 */
export const targetSpectrumPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = pointSummaries(result).filter((row) => row.s0 === 1);
    const ds = [...new Set(rows.map((row) => row.d as number))].sort((a, b) => a - b);
    const panel = (d: number) => `d = ${d}`;
    const shapes = ["circle", "square", "triangle"] as const;
    const dashes = [undefined, "4,2", "1,2"];
    const seeds = result.points
      .filter((point) => point.params.s0 === 1)
      .flatMap((point) =>
        point.runs.flatMap((run, j) =>
          [1, 2, 3].map((k) => ({
            k,
            panel: panel(point.params.d as number),
            r: (point.params.r as number) + (k - 2) * 0.035 + j * 0.012,
            value: run.dataset.scalars[`lambda_${k}`]
          }))
        )
      );
    const theory = rows.flatMap((row) =>
      [1, 2, 3].map((k) => ({
        k,
        panel: panel(row.d as number),
        r: row.r as number,
        value: row[`lambda_${k}_theory`] as number
      }))
    );
    const values = [...seeds, ...theory].map((p) => p.value).filter((v) => v > 0);
    // One empty decade below the data holds the legend.
    const lo = 10 ** (Math.floor(Math.log10(Math.min(...values))) - 1);
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
    const colors = [1, 2, 3].map((k) => seriesColor(k - 1, context.theme));
    return paperPlot(context, {
      marginTop: 18,
      x: {label: "spike strength r"},
      y: {type: "log", domain: [lo, hi], label: "eigenvalue of K/n (log scale)", tickFormat: formatPowerOfTen},
      fx: {domain: ds.map(panel), label: null},
      marks: [
        Plot.axisFx({anchor: "top", label: null, tickSize: 0, fontSize: context.theme.fontSize}),
        ...[1, 2, 3].map((k) =>
          Plot.line(
            theory
              .filter((p) => p.k === k)
              .sort((a, b) => (a.panel < b.panel ? -1 : a.panel > b.panel ? 1 : a.r - b.r)),
            {
              x: "r",
              y: "value",
              fx: "panel",
              z: "panel",
              stroke: context.theme.ink,
              strokeWidth: context.theme.lineWidth,
              strokeDasharray: dashes[k - 1]
            }
          )
        ),
        ...[1, 2, 3].map((k) =>
          Plot.dot(
            seeds.filter((p) => p.k === k),
            {
              x: "r",
              y: "value",
              fx: "panel",
              r: context.theme.markerRadius,
              symbol: shapes[k - 1],
              fill: colors[k - 1],
              stroke: "var(--plot-background)",
              strokeWidth: context.theme.markerOutlineWidth
            }
          )
        ),
        // The legend is drawn once, over the whole figure, in the last panel's empty corner.
        ...(
          legend(
            [
              ...[1, 2, 3].map((k): LegendItem => ({
                label: `λ${"₁₂₃"[k - 1]} Gram, each seed`,
                color: colors[k - 1],
                symbol: shapes[k - 1]
              })),
              {label: "theory (solid, dashed, dotted)", color: context.theme.ink, kind: "line"}
            ],
            {anchor: "bottom-right", theme: context.theme}
          ) as Plot.Mark[]
        ).map((mark) => Object.assign(mark, {facet: "super"}) as unknown as Plot.Markish)
      ]
    });
  }
};

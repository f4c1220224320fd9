// Figure of E4: the top three eigenvalues of K/n against r, theory as lines (one per d) and Gram values as points.
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {pointSummaries} from "./resultRows.js";

/** λ₁, λ₂, λ₃ of K/n (s₀ = 1) against r on a log axis; colours are d, lines the target-sector and bulk theory. */
export const targetSpectrumPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = pointSummaries(result).filter((row) => row.s0 === 1);
    const ds = [...new Set(rows.map((row) => row.d as number))].sort((a, b) => a - b);
    const marks = ds.flatMap((d, i) => {
      const color = seriesColor(i, context.theme);
      const data = rows.filter((row) => row.d === d).sort((a, b) => (a.r as number) - (b.r as number));
      return [1, 2, 3].flatMap((k) => [
        theoryLine(data, {
          x: "r",
          y: `lambda_${k}_theory`,
          stroke: color,
          strokeDasharray: k === 1 ? undefined : k === 2 ? "4,2" : "1,2"
        }),
        ...simulationPoints(data, {x: "r", y: `lambda_${k}`, ySd: `lambda_${k}_sd`, color, yLowerBound: 1e-5})
      ]);
    });
    return paperPlot(context, {
      x: {label: "spike strength r"},
      y: {type: "log", label: "eigenvalue of K/n (log scale)", tickFormat: formatPowerOfTen},
      marks: [
        ...marks,
        legend(
          [
            ...ds.map((d, i) => ({
              label: `d = ${d}`,
              color: seriesColor(i, context.theme),
              kind: "line+point" as const
            })),
            {label: "λ₁ / λ₂ / λ₃ theory", color: context.theme.ink, kind: "line", strokeDasharray: "4,2"}
          ],
          {anchor: "bottom-right", theme: context.theme}
        )
      ]
    });
  }
};

// Figures of E5: amplification of the target-aligned linear mode, and the spectrum of the linear part with its outlier.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {pointSummaries, tableRows} from "./resultRows.js";

/** λ_t/λ_bulk of (1/4n)XΣ₁Xᵀ against 1 + d r²/s₀ (log–log), with the population and spiked-Wishart predictions. */
export const amplificationPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = pointSummaries(result).filter((row) => (row.r as number) > 0);
    const sorted = [...rows].sort(
      (a, b) => (a.amplification_population as number) - (b.amplification_population as number)
    );
    return paperPlot(context, {
      x: {type: "log", label: "1 + d r²/s₀ (log scale)"},
      y: {type: "log", label: "outlier / bulk mean (log scale)"},
      marks: [
        theoryLine(sorted, {x: "amplification_population", y: "amplification_population", strokeDasharray: "4,2"}),
        theoryLine(sorted, {x: "amplification_population", y: "amplification_theory"}),
        ...simulationPoints(rows, {
          x: "amplification_population",
          y: "amplification",
          ySd: "amplification_sd",
          color: seriesColor(0, context.theme)
        }),
        legend(
          [
            {label: "population 1 + d r²/s₀", color: context.theme.ink, kind: "line", strokeDasharray: "4,2"},
            {label: "n-sample (1 + θ)(1 + γ/θ)", color: context.theme.ink, kind: "line"},
            {label: "Gram", color: seriesColor(0, context.theme)}
          ],
          {anchor: "top-left", theme: context.theme}
        )
      ]
    });
  }
};

/** Bulk eigenvalues of the linear part (first seed, largest r) with the Marchenko–Pastur density and the outlier. */
export const linearSpectrumPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const point = [...result.points].sort((a, b) => (b.params.r as number) - (a.params.r as number))[0];
    const rows = tableRows(result, "histogram").filter(
      (row) => row.r === point.params.r && row.seed === point.runs[0].seed
    );
    const width = rows.length > 1 ? (rows[1].lambda as number) - (rows[0].lambda as number) : 1;
    const outlier = point.runs[0].dataset.scalars.outlier;
    const bulkColor = seriesColor(0, context.theme);
    const outlierColor = seriesColor(1, context.theme);
    return paperPlot(context, {
      x: {type: "log", label: "eigenvalue of (1/4n)XΣ₁Xᵀ (log scale)"},
      y: {label: "density"},
      marks: [
        Plot.rectY(rows, {
          x1: (row) => (row.lambda as number) - width / 2,
          x2: (row) => (row.lambda as number) + width / 2,
          y: "density",
          fill: bulkColor,
          fillOpacity: 0.45
        }),
        theoryLine(rows, {x: "lambda", y: "marchenko_pastur"}),
        Plot.ruleX([outlier], {stroke: outlierColor, strokeWidth: context.theme.lineWidth}),
        legend(
          [
            {label: "bulk", color: bulkColor},
            {label: "Marchenko–Pastur", color: context.theme.ink, kind: "line"},
            {label: `outlier (r = ${point.params.r})`, color: outlierColor, kind: "line"}
          ],
          {anchor: "top-left", theme: context.theme}
        )
      ]
    });
  }
};

// Figures of E3: entries of the finite-width feature Gram against k₁, and the relative Frobenius error against width.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {tableRows} from "./resultRows.js";

/** Empirical Gram entries (first seed) against the analytic k₁ with fitted (s₀, r, û), with the identity line. */
export const featureGramScatterPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const seed = result.points[0].runs[0].seed;
    const rows = tableRows(result, "entries").filter((row) => row.seed === seed);
    const hi = Math.max(...rows.map((row) => Math.max(row.analytic as number, row.empirical as number)));
    const [off, diag] = [0, 1].map((i) => seriesColor(i, context.theme));
    return paperPlot(context, {
      x: {label: "analytic k₁(x, x′)"},
      y: {label: "feature Gram (1/p)Σ σ(w·x)σ(w·x′)"},
      marks: [
        theoryLine(
          [
            {x: 0, y: 0},
            {x: hi, y: hi}
          ],
          {x: "x", y: "y"}
        ),
        Plot.dot(
          rows.filter((row) => !row.diagonal),
          {x: "analytic", y: "empirical", r: 1.5, fill: off, fillOpacity: 0.6}
        ),
        Plot.dot(
          rows.filter((row) => row.diagonal),
          {x: "analytic", y: "empirical", r: 1.8, fill: diag}
        ),
        legend(
          [
            {label: "off-diagonal", color: off},
            {label: "diagonal", color: diag},
            {label: "equality", color: context.theme.ink, kind: "line"}
          ],
          {anchor: "top-left", theme: context.theme}
        )
      ]
    });
  }
};

/** ‖K_p − K₁‖_F/‖K₁‖_F against the width p (mean ± sd over seeds), with a p^{−1/2} guide through the first point. */
export const featureGramErrorPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = tableRows(result, "errors");
    const widths = [...new Set(rows.map((row) => row.width as number))].sort((a, b) => a - b);
    const points = widths.map((width) => {
      const values = rows.filter((row) => row.width === width).map((row) => row.error as number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd =
        values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
      return {width, error: mean, sd};
    });
    const guide = widths.map((width) => ({width, error: points[0].error * Math.sqrt(widths[0] / width)}));
    return paperPlot(context, {
      x: {type: "log", label: "width p (log scale)"},
      y: {type: "log", label: "relative Frobenius error (log scale)"},
      marks: [
        theoryLine(guide, {x: "width", y: "error", strokeDasharray: "4,2"}),
        ...simulationPoints(points, {x: "width", y: "error", ySd: "sd", color: seriesColor(0, context.theme)}),
        legend(
          [
            {label: "∝ p^(−1/2)", color: context.theme.ink, kind: "line", strokeDasharray: "4,2"},
            {label: "measured", color: seriesColor(0, context.theme)}
          ],
          {theme: context.theme}
        )
      ]
    });
  }
};

// Figures of E6: the He₂ mixing coefficient of the top eigenvector against r, and the top eigenvector against t.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {pointSummaries} from "./resultRows.js";

/** Projection of the Gram's top eigenvector on (t² − ‖x‖²/d)/√2 against r, with the target-sector value and r²/(√2 s₀). */
export const mixingPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = pointSummaries(result);
    const curve = result.points[0].runs[0].dataset.tables.curve;
    return paperPlot(context, {
      x: {label: "spike strength r"},
      y: {label: "He₂ coefficient of the top mode", domain: [0, 0.6]},
      marks: [
        theoryLine(curve, {x: "r", y: "he2"}),
        theoryLine(curve, {x: "r", y: "he2_small", strokeDasharray: "4,2", clip: true}),
        ...simulationPoints(rows, {x: "r", y: "coef_he2", ySd: "coef_he2_sd", color: seriesColor(0, context.theme)}),
        legend(
          [
            {label: "target sector (Hermite M)", color: context.theme.ink, kind: "line"},
            {label: "small r: r²/(√2 s₀)", color: context.theme.ink, kind: "line", strokeDasharray: "4,2"},
            {label: "Gram eigenvector", color: seriesColor(0, context.theme)}
          ],
          {anchor: "bottom-right", theme: context.theme}
        )
      ]
    });
  }
};

/** Entries u_i of the top eigenvector (mean u² = 1) against t_i at r = 1, with the target-sector eigenfunction and √((s₀ + r²t²)/(s₀ + r²)). */
export const eigenvectorPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const point = result.points.find((p) => p.params.r === 1) ?? result.points[result.points.length - 1];
    const rows = point.runs[0].dataset.tables.scatter;
    const sorted = [...rows].sort((a, b) => (a.t as number) - (b.t as number));
    return paperPlot(context, {
      x: {label: "t = ⟨û, x⟩"},
      y: {label: "top eigenvector u (mean u² = 1)"},
      marks: [
        Plot.dot(rows, {x: "t", y: "u", r: 1.5, fill: seriesColor(0, context.theme), fillOpacity: 0.6}),
        theoryLine(sorted, {x: "t", y: "eigenfunction"}),
        theoryLine(sorted, {x: "t", y: "profile", strokeDasharray: "4,2"}),
        legend(
          [
            {label: "Gram eigenvector", color: seriesColor(0, context.theme)},
            {label: "target-sector eigenfunction", color: context.theme.ink, kind: "line"},
            {label: "√((s₀ + r²t²)/(s₀ + r²))", color: context.theme.ink, kind: "line", strokeDasharray: "4,2"}
          ],
          {anchor: "top-left", theme: context.theme}
        )
      ]
    });
  }
};

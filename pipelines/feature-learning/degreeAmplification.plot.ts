// Figure of E7: eigenvalue of each Hermite degree, isotropic against spiked, for ReLU, tanh and erf.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {tableRows} from "./resultRows.js";

/** λ_k (log scale) for k = 0 … 4, isotropic (d = 200) and target-aligned at the largest r, joined by a rule, per activation. */
export const degreesPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rMax = Math.max(...result.points.map((p) => p.params.r as number));
    const order = [...new Set(result.points.map((p) => p.params.activation as string))];
    const rows = tableRows(result, "degrees")
      .filter((row) => row.r === rMax && (row.lambda as number) > 1e-14 && (row.iso as number) > 1e-14)
      .map((row): Record<string, number | string | boolean> => ({...row, label: `${row.activation} k=${row.degree}`}))
      .sort(
        (a, b) =>
          order.indexOf(a.activation as string) - order.indexOf(b.activation as string) ||
          (a.degree as number) - (b.degree as number)
      );
    const [iso, spiked] = [0, 1].map((i) => seriesColor(i, context.theme));
    return paperPlot(context, {
      x: {type: "band", label: null, domain: rows.map((row) => row.label), tickRotate: 0},
      y: {type: "log", label: "eigenvalue of degree k (log scale)", tickFormat: formatPowerOfTen},
      marks: [
        Plot.ruleX(rows, {x: "label", y1: "iso", y2: "lambda", stroke: context.theme.ink, strokeOpacity: 0.4}),
        Plot.dot(rows, {x: "label", y: "iso", r: context.theme.markerRadius + 0.5, fill: iso}),
        Plot.dot(rows, {x: "label", y: "lambda", r: context.theme.markerRadius + 0.5, fill: spiked}),
        legend(
          [
            {label: "isotropic s₀ᵏmₖ(s₀)²/dᵏ, d = 200", color: iso},
            {label: `target-aligned, r = ${rMax}`, color: spiked}
          ],
          {anchor: "bottom-left", theme: context.theme}
        )
      ]
    });
  }
};

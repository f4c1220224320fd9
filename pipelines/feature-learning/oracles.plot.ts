// Figure of E1: the magnitudes of the normalised Hermite coefficients |μ_k| of ReLU, erf and tanh, closed forms as
// lines and independent routes (half-line moments, Gauss–Hermite quadrature) as points.
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";

/** |μ_k| against k on a log axis; zero coefficients (odd k > 1 for ReLU, even k for erf and tanh) are left out. */
export const hermiteCoefficientsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = result.points[0].runs[0].dataset.tables.hermite;
    const series = (key: string, label: string) =>
      rows
        .filter((row) => Math.abs(row[key] as number) > 1e-300)
        .map((row) => ({k: row.k as number, magnitude: Math.abs(row[key] as number), label}));
    const [relu, erf, tanh] = [0, 1, 2].map((i) => seriesColor(i, context.theme));
    return paperPlot(context, {
      x: {label: "degree k"},
      y: {type: "log", label: "|μₖ|", tickFormat: formatPowerOfTen},
      marks: [
        theoryLine(series("mu_relu_exact", "ReLU"), {x: "k", y: "magnitude", stroke: relu}),
        simulationPoints(series("mu_relu", "ReLU"), {x: "k", y: "magnitude", color: relu}),
        theoryLine(series("mu_erf", "erf"), {x: "k", y: "magnitude", stroke: erf}),
        simulationPoints(series("mu_erf_quadrature", "erf"), {x: "k", y: "magnitude", color: erf}),
        simulationPoints(series("mu_tanh", "tanh"), {x: "k", y: "magnitude", color: tanh}),
        legend(
          [
            {label: "ReLU: closed form / moments", color: relu, kind: "line+point"},
            {label: "erf: closed form / quadrature", color: erf, kind: "line+point"},
            {label: "tanh: quadrature", color: tanh}
          ],
          {anchor: "top-right", theme: context.theme}
        )
      ]
    });
  }
};

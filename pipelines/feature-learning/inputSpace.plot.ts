// Figure of E8: test error of ridge regression with k₀, k₁, the Gaussian kernel of the weights' covariance and the
// trained random features, against n₂/d.
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {tableRows} from "./resultRows.js";

/** Test MSE (mean ± sd over seeds) against n₂/d on a log axis, one series per kernel. */
export const ridgePlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = tableRows(result, "curve");
    const ratios = [...new Set(rows.map((row) => row.ratio as number))].sort((a, b) => a - b);
    const series = [
      {key: "mse_k0", label: "k₀ (isotropic)"},
      {key: "mse_k1", label: "k₁ (spiked Σ₁)"},
      {key: "mse_empirical", label: "Gaussian, Σ = W¹ᵀW¹/p"},
      {key: "mse_rf", label: "trained features"}
    ];
    const summary = series.map(({key}) =>
      ratios.map((ratio) => {
        const values = rows.filter((row) => row.ratio === ratio).map((row) => row[key] as number);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const sd =
          values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
        return {ratio, mse: mean, sd};
      })
    );
    return paperPlot(context, {
      x: {type: "log", label: "n₂/d (log scale)"},
      y: {label: "test MSE"},
      marks: [
        ...summary.flatMap((points, i) => [
          theoryLine(points, {x: "ratio", y: "mse", stroke: seriesColor(i, context.theme), strokeDasharray: "2,2"}),
          ...simulationPoints(points, {x: "ratio", y: "mse", ySd: "sd", color: seriesColor(i, context.theme)})
        ]),
        legend(
          series.map(({label}, i) => ({label, color: seriesColor(i, context.theme), kind: "line+point" as const})),
          {theme: context.theme}
        )
      ]
    });
  }
};

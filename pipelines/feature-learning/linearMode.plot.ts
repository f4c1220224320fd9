// Figures of E5: amplification of the target-aligned linear mode, and the spectrum of the linear part with its outlier.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor, superscript} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {tableRows} from "./resultRows.js";

/**
 * The measured amplification λ_t/λ_bulk of (1/4n)XΣ₁Xᵀ divided by the n-sample prediction (1 + θ)(1 + γ/θ),
 * against the population value 1 + θ (log axis): each seed (diamonds, drawn apart), their mean ± standard error
 * (circles), and the population value over the prediction (dashed), which is what a 1% discrepancy looks like.
 */
export const amplificationPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const color = seriesColor(0, context.theme);
    const seedColor = seriesColor(1, context.theme);
    const points = result.points
      .filter((point) => (point.params.r as number) > 0)
      .map((point) => {
        const ratios = point.runs.map(
          (run) => run.dataset.scalars.amplification / run.dataset.scalars.amplification_theory
        );
        const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
        const se =
          ratios.length > 1
            ? Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / (ratios.length - 1) / ratios.length)
            : 0;
        const population = point.runs[0].dataset.scalars.amplification_population;
        return {population, mean, se, ratios, theory: population / point.runs[0].dataset.scalars.amplification_theory};
      });
    const several = points.some((p) => p.ratios.length > 1);
    // Seeds drawn apart on either side of their mean, so that none hides another.
    const seeds = points.flatMap((p) =>
      p.ratios.map((ratio, j) => ({
        population:
          p.ratios.length === 1
            ? p.population
            : p.population * 1.12 ** (j - (p.ratios.length - 1) / 2 + (j >= (p.ratios.length - 1) / 2 ? 0.5 : -0.5)),
        ratio
      }))
    );
    const ys = [...points.flatMap((p) => [p.mean - p.se, p.mean + p.se, p.theory]), ...seeds.map((s) => s.ratio), 1];
    const spread = Math.max(...ys.map((y) => Math.abs(y - 1)));
    const half = Math.max(0.02, Math.ceil((spread * 1.25) / 0.01) * 0.01);
    const xs = [...seeds.map((s) => s.population), ...points.map((p) => p.population)];
    const lo = 10 ** Math.floor(Math.log10(Math.min(...xs)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...xs)));
    const curve = [...points].sort((a, b) => a.population - b.population);
    return paperPlot(context, {
      x: {type: "log", domain: [lo, hi], label: "population amplification 1 + d r²/s₀", tickFormat: formatPowerOfTen},
      y: {
        domain: [1 - half, 1 + half * 1.6],
        label: "measured ÷ n-sample prediction",
        tickFormat: (y: number) => y.toFixed(2)
      },
      marks: [
        Plot.ruleY([1], {stroke: context.theme.ink, strokeWidth: context.theme.lineWidth}),
        theoryLine(curve, {x: "population", y: "theory", strokeDasharray: "4,2"}),
        ...simulationPoints(seeds, {x: "population", y: "ratio", color: seedColor, symbol: "diamond"}),
        // With one seed its marker is the whole story; the mean ± s.e. needs two or more.
        ...(several ? simulationPoints(points, {x: "population", y: "mean", ySd: "se", color, caps: true}) : []),
        legend(
          [
            {label: "n-sample (1 + θ)(1 + γ/θ)", color: context.theme.ink, kind: "line"},
            {label: "population 1 + θ", color: context.theme.ink, kind: "line", strokeDasharray: "4,2"},
            {label: several ? "each seed" : "one seed", color: seedColor, symbol: "diamond"},
            ...(several ? [{label: "mean ± s.e.", color}] : [])
          ],
          {anchor: "top-left", theme: context.theme}
        )
      ]
    });
  }
};

/**
 * Bulk eigenvalues of the linear part (first seed, largest r) with the Marchenko–Pastur density, on a linear axis
 * that shows the bulk; the outlier, hundreds of times further out, is marked by an arrow at the right edge with
 * its measured and predicted values.
 */
export const linearSpectrumPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const point = [...result.points].sort((a, b) => (b.params.r as number) - (a.params.r as number))[0];
    const rows = tableRows(result, "histogram").filter(
      (row) => row.r === point.params.r && row.seed === point.runs[0].seed
    );
    const width = rows.length > 1 ? (rows[1].lambda as number) - (rows[0].lambda as number) : 1;
    const {outlier, outlier_theory: outlierTheory} = point.runs[0].dataset.scalars;
    const bulkColor = seriesColor(0, context.theme);
    const outlierColor = seriesColor(1, context.theme);
    const right = Math.max(...rows.map((row) => (row.lambda as number) + width / 2)) * 1.55;
    const top = Math.max(...rows.map((row) => Math.max(row.density as number, row.marchenko_pastur as number))) * 1.08;
    const scale = 10 ** Math.floor(Math.log10(right));
    const arrowY = top * 0.42;
    return paperPlot(context, {
      x: {
        domain: [0, right],
        label: `eigenvalue of (1/4n)XΣ₁Xᵀ (×10${superscript(Math.round(Math.log10(scale)))})`,
        tickFormat: (x: number) => String(+(x / scale).toFixed(2))
      },
      y: {domain: [0, top], label: "density"},
      marks: [
        Plot.rectY(rows, {
          x1: (row) => (row.lambda as number) - width / 2,
          x2: (row) => (row.lambda as number) + width / 2,
          y: "density",
          fill: bulkColor,
          fillOpacity: 0.45
        }),
        theoryLine(rows, {x: "lambda", y: "marchenko_pastur"}),
        Plot.arrow([0], {
          x1: right * 0.8,
          x2: right * 0.985,
          y1: arrowY,
          y2: arrowY,
          stroke: outlierColor,
          strokeWidth: context.theme.lineWidth,
          headLength: 6
        }),
        Plot.text([0], {
          x: right * 0.985,
          y: arrowY,
          dy: -12,
          textAnchor: "end",
          fill: outlierColor,
          fontSize: context.theme.fontSize,
          text: () => `outlier at ${outlier.toFixed(3)}\n(predicted ${outlierTheory.toFixed(3)})`
        }),
        legend(
          [
            {label: "bulk (one seed)", color: bulkColor},
            {label: "Marchenko–Pastur", color: context.theme.ink, kind: "line"}
          ],
          {anchor: "top-right", theme: context.theme}
        )
      ]
    });
  }
};

// Figures of E2: alignment γ of v with β against α, the spike strength r² against η̃, and the law of ⟨w¹, v̂⟩ by
// readout.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {pointSummaries, tableRows} from "./resultRows.js";

/** γ = cos∠(v, β) against α for each d (mean ± sd over seeds) with its limit μ₁* ÷ √(μ₁*² + E[y²]/α). */
export const spikeGammaPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = pointSummaries(result);
    const ds = [...new Set(rows.map((row) => row.d as number))].sort((a, b) => a - b);
    const alphas = rows.map((row) => row.alpha as number);
    const lo = Math.min(...alphas);
    const hi = Math.max(...alphas);
    // μ₁* and E[y²] from the first point: ‖v‖²_∞ = μ₁*² + E[y²]/α and γ = μ₁*·‖v‖_∞⁻¹.
    const vNorm2 = rows[0].v_norm2_theory as number;
    const mu = (rows[0].gamma_theory as number) * Math.sqrt(vNorm2);
    const labelPower = (vNorm2 - mu * mu) * (rows[0].alpha as number);
    const curve = Array.from({length: 81}, (_, i) => {
      const alpha = lo * (hi / lo) ** (i / 80);
      return {alpha, gamma: mu / Math.sqrt(mu * mu + labelPower / alpha)};
    });
    return paperPlot(context, {
      x: {type: "log", label: "sample ratio α = n/d (log scale)"},
      y: {label: "alignment γ = cos∠(v, β)"},
      marks: [
        theoryLine(curve, {x: "alpha", y: "gamma"}),
        ...ds.flatMap((d, i) =>
          simulationPoints(
            rows
              .filter((row) => row.d === d)
              .map((row) => ({...row, alpha: (row.alpha as number) * (1 + 0.04 * (i - 1))})),
            {x: "alpha", y: "gamma", ySd: "gamma_sd", color: seriesColor(i, context.theme)}
          )
        ),
        legend(
          [
            {label: "limit μ₁* ÷ ‖v‖", color: context.theme.ink, kind: "line"},
            ...ds.map((d, i) => ({label: `d = ${d}`, color: seriesColor(i, context.theme)}))
          ],
          {anchor: "bottom-right", theme: context.theme}
        )
      ]
    });
  }
};

/** Spike strength r² (excess second moment along v̂) against η̃ for each readout, with η̃²μ₁²‖v‖². */
export const stepSizePlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = pointSummaries(result);
    const readouts = [...new Set(rows.map((row) => row.readout as string))];
    const etas = rows.map((row) => row.eta as number);
    const hi = Math.max(...etas);
    const unit = (rows[0].r2_theory as number) / (rows[0].eta as number) ** 2;
    const curve = Array.from({length: 61}, (_, i) => ({eta: (hi * i) / 60, r2: unit * ((hi * i) / 60) ** 2}));
    return paperPlot(context, {
      x: {label: "rescaled step η̃"},
      y: {label: "spike strength r²"},
      marks: [
        theoryLine(curve, {x: "eta", y: "r2"}),
        ...readouts.flatMap((readout, i) =>
          simulationPoints(
            rows.filter((row) => row.readout === readout),
            {x: "eta", y: "r2", ySd: "r2_sd", color: seriesColor(i, context.theme)}
          )
        ),
        legend(
          [
            {label: "η̃²μ₁²‖v‖²", color: context.theme.ink, kind: "line"},
            ...readouts.map((r, i) => ({label: `${r} a`, color: seriesColor(i, context.theme)}))
          ],
          {anchor: "top-left", theme: context.theme}
        )
      ]
    });
  }
};

/** Density of ⟨w_i¹, v̂⟩/r at η̃ = 1 for Gaussian, constant and ±1 readouts (seed 0), with the predicted laws. */
export const projectionHistogramPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const point = result.points.find((p) => p.params.eta === 1 && p.params.readout === "gaussian") ?? result.points[0];
    const rows = tableRows(result, "projection_histogram").filter(
      (row) => row.eta === point.params.eta && row.seed === point.runs[0].seed
    );
    const readouts = [...new Set(rows.map((row) => row.readout as string))];
    const d = point.params.d as number;
    const s0 = point.summary.s0_theory.mean;
    const r2 = point.summary.r2_theory.mean;
    const spread = s0 / (d * r2); // variance of the bulk part, in units of r²
    const normal = (x: number, m: number, v: number) =>
      Math.exp(-((x - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    const laws: Record<string, (x: number) => number> = {
      gaussian: (x) => normal(x, 0, 1 + spread),
      constant: (x) => normal(x, 1, spread),
      rademacher: (x) => 0.5 * normal(x, 1, spread) + 0.5 * normal(x, -1, spread)
    };
    const curves = readouts.flatMap((readout) =>
      Array.from({length: 321}, (_, i) => ({readout, x: -4 + i / 40, density: laws[readout]?.(-4 + i / 40) ?? 0}))
    );
    return paperPlot(context, {
      x: {label: "⟨w¹, v̂⟩ / r", domain: [-3, 3]},
      y: {label: "density"},
      marks: [
        ...readouts.map((readout, i) =>
          Plot.rectY(
            rows.filter((row) => row.readout === readout),
            {
              x1: (row) => (row.x as number) - 0.05,
              x2: (row) => (row.x as number) + 0.05,
              y: "density",
              fill: seriesColor(i, context.theme),
              fillOpacity: 0.45,
              clip: true
            }
          )
        ),
        ...readouts.map((readout, i) =>
          theoryLine(
            curves.filter((row) => row.readout === readout),
            {x: "x", y: "density", stroke: seriesColor(i, context.theme), clip: true}
          )
        ),
        legend(
          readouts.map((r, i) => ({label: `${r} a`, color: seriesColor(i, context.theme), kind: "line" as const})),
          {theme: context.theme}
        )
      ]
    });
  }
};

// Figure of B3: Monte Carlo test error of the max-margin linear classifier against Lemma C.1's exact formula.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";

/**
 * One point per run (seed × n × γ): sampled error (y) against the formula (x), coloured by n, over the identity line
 * and a band of ± three Monte Carlo standard errors at the test-set size of the runs.
 */
export const lemmaC1Plot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const runs = result.points.flatMap((point) =>
      point.runs.map((run) => ({
        n: point.params.n as number,
        formula: run.dataset.scalars.formula_error,
        sampled: run.dataset.scalars.sampled_error
      }))
    );
    const ns = [...new Set(runs.map((r) => r.n))].sort((a, b) => a - b);
    const top = Math.min(0.5, Math.max(...runs.flatMap((r) => [r.formula, r.sampled])) * 1.08);
    const testPoints = result.points[0].params.test_points as number;
    const band = Array.from({length: 101}, (_, i) => {
      const p = (top * i) / 100;
      const half = 3 * Math.sqrt((p * (1 - p)) / testPoints);
      return {p, low: p - half, high: p + half};
    });
    return paperPlot(context, {
      x: {domain: [0, top], label: "Lemma C.1: Φ(−√(γd/(1−γ))·⟨w*, v⟩/‖z‖)"},
      y: {domain: [0, top], label: "Monte Carlo test error of sign⟨w*, x⟩"},
      marks: [
        Plot.areaY(band, {x: "p", y1: "low", y2: "high", fill: "currentColor", fillOpacity: 0.1}),
        Plot.line(
          [
            [0, 0],
            [top, top]
          ],
          {stroke: "currentColor", strokeWidth: t.lineWidth}
        ),
        ...ns.map((n, i) =>
          Plot.dot(
            runs.filter((r) => r.n === n),
            {
              x: "formula",
              y: "sampled",
              r: t.markerRadius,
              fill: seriesColor(i, t),
              fillOpacity: 0.8,
              stroke: "var(--plot-background)",
              strokeWidth: t.markerOutlineWidth
            }
          )
        ),
        legend(
          [
            ...ns.map((n, i) => ({label: `n = ${n}`, color: seriesColor(i, t)})),
            {label: "identity ± 3 s.e.", color: t.ink, kind: "line" as const}
          ],
          {anchor: "top-left", theme: t}
        )
      ]
    });
  }
};

// A small synthetic figure for renderer tests: a theory curve, simulation means ± sd over seeds, an in-SVG legend and
// a log axis, built from an ExperimentResult through a plot module like the papers' ones.
import type {PlotOptions} from "@observablehq/plot";
import {figureSize} from "../../src/contract/figure.js";
import type {PlotFunction} from "../../src/contract/figure.js";
import type {ExperimentResult} from "../../src/contract/results.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor, theme} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";

/** Sample sizes of the synthetic sweep. */
export const samples = [10, 20, 50, 100, 200, 500, 1000];

/** A synthetic experiment: test error ≈ 1/√n + 0.02 measured over three seeds at each n. */
export function syntheticResult(): ExperimentResult {
  const offsets = [-0.012, 0.004, 0.011];
  return {
    id: "synthetic",
    pipeline: "test/synthetic",
    sweep: ["n"],
    points: samples.map((n, i) => {
      const values = offsets.map((offset, seed) => 1 / Math.sqrt(n) + 0.02 + offset / Math.sqrt(i + 1) + 0.001 * seed);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      return {
        params: {n},
        runs: values.map((error, seed) => ({seed, dataset: {scalars: {error}, tables: {}}})),
        summary: {error: {mean, sd, min: Math.min(...values), max: Math.max(...values), n: values.length}}
      };
    })
  };
}

/** The plot module under test. */
export const plotSynthetic: PlotFunction = (result: ExperimentResult, context: FigureContext): PlotOptions => {
  const simulation = result.points.map((point) => ({
    samples: point.params.n as number,
    mean: point.summary.error.mean,
    sd: point.summary.error.sd
  }));
  const theory = Array.from({length: 61}, (_, k) => {
    const n = 10 * 100 ** (k / 60);
    return {n, error: 1 / Math.sqrt(n) + 0.02};
  });
  return paperPlot(context, {
    x: {type: "log", domain: [8, 1250], label: "sample size n", tickFormat: formatPowerOfTen},
    y: {domain: [0, 0.4], label: "test error ‖ŵ − w*‖²"},
    marks: [
      theoryLine(theory, {x: "n", y: "error", stroke: seriesColor(0, context.theme), clip: true}),
      simulationPoints(simulation, {
        x: "samples",
        y: "mean",
        ySd: "sd",
        color: seriesColor(1, context.theme),
        caps: true
      }),
      legend(
        [
          {label: "theory 1/√n + 0.02", color: seriesColor(0, context.theme), kind: "line"},
          {label: "simulation (λ = 0.1), mean ± sd", color: seriesColor(1, context.theme)}
        ],
        {anchor: "top-right", theme: context.theme}
      )
    ]
  });
};

/** The fixture's figure context: a single-column figure with the shared theme. */
export function syntheticContext(): FigureContext {
  return {theme, ...figureSize("single")};
}

// Figures of E7: test error of the toy fine-tuning over Adam steps, and the final error of each seed per method.
import {summarizeRows} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {Markish} from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";

/** The adapters in the pipeline's output order. */
const methods = ["gsoft", "oft", "boft", "lora"] as const;

/** Legend label of an adapter at GSOFT block b (all four have 2db raw parameters). */
export function adapterLabel(method: string, b: number): string {
  switch (method) {
    case "gsoft":
      return `GSOFT, b = ${b}`;
    case "oft":
      return `OFT, b = ${2 * b}`;
    case "boft":
      return `BOFT, b = ${b}, m = 2`;
    case "lora":
      return `LoRA, r = ${b}`;
    default:
      throw new Error(`unknown adapter ${method}`);
  }
}

/**
 * Test MSE relative to the un-adapted network against the Adam step (symmetric log axis, so that the first tens of
 * steps are visible), one line per adapter: the mean over seeds, with a band of ± one standard deviation, and the
 * final value as a point with its error bar.
 */
export const finetuningCurvesPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const block = result.points[0].params.block as number;
    const steps = result.points[0].params.steps as number;
    const curves = summarizeRows(result, "curves", ["method", "step"], "test_relative_mse").map((s) => ({
      method: s.key.method as string,
      step: s.key.step as number,
      mean: s.summary.mean,
      sd: s.summary.sd
    }));
    const seeds = result.points[0].runs.length;
    const marks: Markish[] = [];
    methods.forEach((method, i) => {
      const series = curves.filter((d) => d.method === method).sort((a, b) => a.step - b.step);
      const color = seriesColor(i, t);
      marks.push(
        Plot.areaY(series, {
          x: "step",
          y1: (d: {mean: number; sd: number}) => d.mean - d.sd,
          y2: (d: {mean: number; sd: number}) => d.mean + d.sd,
          fill: color,
          fillOpacity: 0.18
        }),
        Plot.line(series, {x: "step", y: "mean", stroke: color, strokeWidth: t.lineWidth}),
        simulationPoints(
          series.filter((d) => d.step === steps),
          {x: "step", y: "mean", ySd: "sd", color, theme: t}
        )
      );
    });
    return paperPlot(context, {
      x: {
        type: "symlog",
        constant: 10,
        domain: [0, steps * 1.1],
        ticks: stepTicks(steps),
        tickFormat: (v: number) => String(v),
        label: "Adam step (symmetric log scale)"
      },
      y: {domain: [0, 1.02], label: "test MSE ÷ un-adapted MSE"},
      marks: [
        ...marks,
        legend(
          methods.map((method, i) => ({
            label: adapterLabel(method, block),
            color: seriesColor(i, t),
            kind: "line" as const
          })),
          {anchor: "top-right", theme: t}
        ),
        Plot.text([`mean ± sd over ${seeds} seed${seeds === 1 ? "" : "s"}`], {
          frameAnchor: "top-right",
          dx: -t.legend.inset - t.legend.padding,
          dy:
            t.legend.inset + 2 * t.legend.padding + methods.length * t.legend.lineHeight + t.legend.lineHeight / 2 + 1,
          textAnchor: "end",
          fontSize: t.fontSize
        })
      ]
    });
  }
};

/**
 * Final test MSE (relative to the un-adapted network) of every seed, one column per adapter, with a thin grey line
 * joining the four values of each seed, and the mean ± sd over seeds beside each column.
 */
export const finetuningSeedsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const block = result.points[0].params.block as number;
    const values = result.points[0].runs.flatMap((run) =>
      methods.map((method, i) => ({seed: run.seed, method, x: i, value: run.dataset.scalars[`${method}_relative_mse`]}))
    );
    const means = methods.map((method, i) => {
      const summary = result.points[0].summary[`${method}_relative_mse`];
      return {method, x: i + 0.22, mean: summary.mean, sd: summary.sd};
    });
    const top = Math.max(...values.map((d) => d.value));
    return paperPlot(context, {
      marginBottom: 38,
      x: {
        domain: [-0.4, methods.length - 0.6],
        ticks: methods.map((_, i) => i),
        tickFormat: (i: number) => adapterLabel(methods[i], block).replace(", ", "\n"),
        label: null
      },
      y: {domain: [0, Math.max(0.65, top * 1.3)], label: "final test MSE ÷ un-adapted MSE"},
      marks: [
        Plot.line(values, {
          x: "x",
          y: "value",
          z: "seed",
          stroke: "currentColor",
          strokeOpacity: 0.25,
          strokeWidth: 0.75
        }),
        ...methods.map((method, i) =>
          Plot.dot(
            values.filter((d) => d.method === method),
            {
              x: "x",
              y: "value",
              r: t.markerRadius * 0.8,
              fill: seriesColor(i, t),
              fillOpacity: 0.7,
              stroke: "var(--plot-background)",
              strokeWidth: t.markerOutlineWidth
            }
          )
        ),
        ...methods.flatMap((method, i) =>
          simulationPoints(
            means.filter((d) => d.method === method),
            {x: "x", y: "mean", ySd: "sd", color: seriesColor(i, t), symbol: "diamond", caps: true, theme: t}
          )
        ),
        legend(
          [
            {label: "one seed (joined across adapters)", color: t.ink},
            {label: `mean ± sd over ${result.points[0].runs.length} seeds`, color: t.ink, symbol: "diamond"}
          ],
          {anchor: "top-left", theme: t}
        )
      ]
    });
  }
};

// Round tick values up to the number of steps: 0, 10, 30, 100, 300, 1000, … and the last step.
function stepTicks(steps: number): number[] {
  const ticks = [0];
  for (let decade = 10; decade < steps; decade *= 10)
    for (const t of [decade, 3 * decade]) if (t < steps * 0.8) ticks.push(t);
  return [...ticks, steps];
}

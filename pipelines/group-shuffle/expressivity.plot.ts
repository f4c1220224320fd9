// Figure of E6: relative error of OFT, BOFT and GS fits to orthogonal targets against the raw parameter count.
import {summarizeRows} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {Markish} from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import type {LegendItem} from "../../src/render/legend.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {facetPoints, panelLegend} from "./facets.js";

/** The fitted structures at one budget (GS block c, OFT block 2c, BOFT (c, m = 2)), in drawing order. */
const methods = ["OFT", "BOFT", "GS"] as const;

/**
 * One panel per dense target (Haar, then exp(αS) by decreasing α): the relative error ‖Q − T‖_F/‖T‖_F of each
 * structure after the Procrustes sweeps, mean ± sd over seeds, against its raw parameter count 2nc (log₂ axis),
 * circles for the smaller n and triangles for the larger, joined by thin lines per size; the methods are drawn
 * 0.12 octave apart at each budget.
 */
export const expressivityPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const summaries = summarizeRows(result, "fits", ["n", "budget", "method", "target", "parameters"], "error");
    const targets = [...new Set(summaries.map((s) => s.key.target as string))]
      .filter((target) => target === "haar" || target.startsWith("exp("))
      .sort((a, b) => (a === "haar" ? -1 : b === "haar" ? 1 : alphaOf(b) - alphaOf(a)));
    const sizes = [...new Set(summaries.map((s) => s.key.n as number))].sort((a, b) => a - b);
    const offset = (method: string) => 2 ** (0.12 * (methods.indexOf(method as (typeof methods)[number]) - 1));
    const points = summaries
      .filter((s) => targets.includes(s.key.target as string))
      .map((s) => ({
        panel: panelTitle(s.key.target as string),
        method: s.key.method as string,
        n: s.key.n as number,
        parameters: (s.key.parameters as number) * offset(s.key.method as string),
        error: s.summary.mean,
        sd: s.summary.sd
      }));
    const t = context.theme;
    const color = (method: string) => seriesColor(methods.indexOf(method as (typeof methods)[number]), t);
    const symbols = ["circle", "triangle", "diamond", "square"] as const;
    const channels = {x: "parameters", y: "error", fx: "panel"};
    const marks: Markish[] = [Plot.frame({strokeOpacity: 0.3})];
    for (const method of methods) {
      sizes.forEach((n, i) => {
        const series = points
          .filter((d) => d.method === method && d.n === n)
          .sort((a, b) => a.parameters - b.parameters);
        marks.push(
          Plot.line(series, {...channels, stroke: color(method), strokeWidth: 0.75, strokeOpacity: 0.6, z: "n"}),
          facetPoints(series, {
            ...channels,
            ySd: "sd",
            fill: color(method),
            symbol: symbols[i % symbols.length],
            theme: t
          })
        );
      });
    }
    const parameters = [...new Set(summaries.map((s) => s.key.parameters as number))].sort((a, b) => a - b);
    const errorMax = Math.max(...points.map((d) => d.error + d.sd));
    const budgets = [...new Set(summaries.map((s) => s.key.budget as number))].sort((a, b) => a - b);
    return paperPlot(context, {
      marginTop: 16,
      marginRight: 8,
      x: {
        type: "log",
        base: 2,
        domain: [parameters[0] / 1.45, parameters[parameters.length - 1] * 1.45],
        ticks: parameters,
        tickFormat: (p: number) => (p >= 1024 ? `${p / 1024}k` : String(p)),
        label: "raw parameters 2nc (1k = 1024)"
      },
      y: {domain: [0, Math.max(1.3, errorMax * 1.2)], label: "relative error ‖Q − T‖/‖T‖"},
      fx: {domain: targets.map(panelTitle), padding: 0.08, label: null, axis: "top", tickSize: 0},
      marks: [
        ...marks,
        panelLegend(
          [
            ...methods.map((method): LegendItem => ({label: methodLabel(method, budgets), color: color(method)})),
            ...sizes.map((n, i): LegendItem => ({label: `n = ${n}`, color: t.ink, symbol: symbols[i % symbols.length]}))
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

function methodLabel(method: (typeof methods)[number], budgets: number[]): string {
  switch (method) {
    case "OFT":
      return "OFT, block 2c";
    case "BOFT":
      return "BOFT, block c, m = 2";
    case "GS":
      return `GS, block c (c = ${budgets.join(", ")})`;
  }
}

function alphaOf(target: string): number {
  return Number(/^exp\((.+)S\)$/.exec(target)?.[1] ?? 0);
}

// The panel title of a dense target: "Haar-random T" or "T = exp(α·S)".
function panelTitle(target: string): string {
  if (target === "haar") return "Haar-random T";
  const alpha = /^exp\((.+)S\)$/.exec(target)?.[1];
  return alpha === undefined ? target : `T = exp(${alpha}·S)`;
}

// Figure of E2: the shuffle permutation matrices P_(k,n) of the paper's Fig. 3, drawn as grids with their ones.
import * as Plot from "@observablehq/plot";
import type {ExperimentResult} from "../../src/experiment.js";
import type {FigureContext} from "../../src/render/figure.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/registry.js";
import {firstRunTable} from "./seedSummaries.js";

/**
 * One panel per k (in the order computed): the n×n matrix of P_(k,n) with a filled cell at (σ(i), i), row σ(i)
 * downwards and column i across, over a faint grid of all cells; thin lines separate the k groups of n/k rows.
 */
export const shufflePermutationPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const ones = firstRunTable(result, "diagram").map((row) => ({k: row.k as number, i: row.i as number, sigma: row.sigma as number}));
    const ks = [...new Set(ones.map((d) => d.k))];
    const n = Math.max(...ones.map((d) => d.i)) + 1;
    const indices = Array.from({length: n}, (_, i) => i);
    const grid = ks.flatMap((k) => indices.flatMap((i) => indices.map((j) => ({k, i, j}))));
    // Row σ(i) = (i mod k)·(n/k) + ⌊i/k⌋: the ones of each residue i mod k fill one group of n/k consecutive rows.
    const groups = ks.flatMap((k) => Array.from({length: k - 1}, (_, g) => ({k, at: ((g + 1) * n) / k})));
    const step = n <= 16 ? 3 : Math.ceil(n / 4);
    const ticks = indices.filter((i) => i % step === 0).map((i) => i + 0.5);
    const cell = {inset: 0.5};
    return paperPlot(context, {
      marginTop: 14,
      marginLeft: 34,
      marginBottom: 28,
      x: {domain: [0, n], ticks, tickFormat: (v: number) => String(v - 0.5), label: "column i", line: false},
      y: {domain: [0, n], reverse: true, ticks, tickFormat: (v: number) => String(v - 0.5), label: "row σ(i)", line: false},
      fx: {domain: ks, padding: 0.16, label: null, tickFormat: (k: number) => `k = ${k}`, axis: "top", tickSize: 0},
      marks: [
        Plot.rect(grid, {x1: "j", x2: (d: {j: number}) => d.j + 1, y1: "i", y2: (d: {i: number}) => d.i + 1, fx: "k", fill: "currentColor", fillOpacity: 0.07, ...cell}),
        Plot.rect(ones, {x1: "i", x2: (d: {i: number}) => d.i + 1, y1: "sigma", y2: (d: {sigma: number}) => d.sigma + 1, fx: "k", fill: seriesColor(0, context.theme), ...cell}),
        Plot.ruleY(groups, {y: "at", fx: "k", stroke: "currentColor", strokeOpacity: 0.6, strokeWidth: 0.5}),
        Plot.frame({strokeOpacity: 0.4})
      ]
    });
  }
};

// Figure of E2: the shuffle permutation matrices P_(k,n) of the paper's Fig. 3, drawn as grids with their ones.
import {firstRunRows} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";

/**
 * One panel per k (in the order computed): the n×n matrix of P_(k,n) with a filled cell at (σ(i), i), row σ(i)
 * downwards and column i across, over a faint grid of all cells; thin lines separate the k groups of n/k rows.
 */
export const shufflePermutationPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const ones = firstRunRows(result, "diagram").map((row) => ({
      k: row.k as number,
      i: row.i as number,
      sigma: row.sigma as number
    }));
    const ks = [...new Set(ones.map((d) => d.k))];
    const n = Math.max(...ones.map((d) => d.i)) + 1;
    const indices = Array.from({length: n}, (_, i) => i);
    const grid = ks.flatMap((k) => indices.flatMap((i) => indices.map((j) => ({k, i, j}))));
    // Row σ(i) = (i mod k)·(n/k) + ⌊i/k⌋: the ones of each residue i mod k fill one group of n/k consecutive rows.
    const groups = ks.flatMap((k) => Array.from({length: k - 1}, (_, g) => ({k, at: ((g + 1) * n) / k})));
    const step = n <= 16 ? 3 : Math.ceil(n / 4);
    const ticks = indices.filter((i) => i % step === 0).map((i) => i + 0.5);
    // A unit cell from (field) to (field + 1) on each axis, faceted by k.
    const cell = (x: string, y: string) => ({
      x1: x,
      x2: (d: Record<string, number>) => d[x] + 1,
      y1: y,
      y2: (d: Record<string, number>) => d[y] + 1,
      fx: "k",
      inset: 0.5
    });
    return paperPlot(context, {
      marginTop: 22,
      marginLeft: 34,
      marginBottom: 28,
      x: {domain: [0, n], ticks, tickFormat: (v: number) => String(v - 0.5), label: "column i", line: false},
      y: {
        domain: [0, n],
        reverse: true,
        ticks,
        tickFormat: (v: number) => String(v - 0.5),
        label: "row σ(i)",
        line: false
      },
      fx: {domain: ks, padding: 0.16, label: null, tickFormat: (k: number) => `k = ${k}`, axis: "top", tickSize: 0},
      marks: [
        Plot.rect(grid, {...cell("j", "i"), fill: "currentColor", fillOpacity: 0.07}),
        Plot.rect(ones, {...cell("i", "sigma"), fill: seriesColor(0, context.theme)}),
        Plot.ruleY(groups, {y: "at", fx: "k", stroke: "currentColor", strokeOpacity: 0.6, strokeWidth: 0.5}),
        Plot.frame({strokeOpacity: 0.4})
      ]
    });
  }
};

// Figures of E3: least numbers of GS and BOFT factors for a dense product, and nonzeros per row after m factors.
import {firstRunRows} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {Markish} from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import type {LegendItem} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor, superscript} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {boftDenseFactors} from "./butterfly.js";
import {boftRowCount, gsDenseFactors, gsRowCountBound} from "./density.js";
import {facetLine, facetPoints, panelLegend} from "./facets.js";

/** Panels per row of the minimal-factors figure. */
const columns = 3;

/**
 * Least m giving a dense product against the number of blocks r (log₂ axis), one panel per block size b:
 * 1 + ⌈log_b r⌉ for GS and 1 + ⌈log₂ r⌉ for BOFT as staircases over integer r, and the m at which boolean support
 * propagation first gives a full matrix as points: circles for GS over larger squares for BOFT (only for even b and
 * r a power of two), so that equal values stay visible.
 */
export const minimalFactorsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = firstRunRows(result, "min_factors");
    const blockSizes = [...new Set(rows.map((row) => row.b as number))].sort((a, b) => a - b);
    const panel = (b: number) => {
      const index = blockSizes.indexOf(b);
      return {column: index % columns, row: Math.floor(index / columns)};
    };
    const largest = (b: number) => Math.max(...rows.filter((row) => row.b === b).map((row) => row.r as number));
    // Over integer r ≥ 2, held a little past the largest r so that the last step is a level, not a riser.
    const staircase = (b: number, formula: (r: number) => number) => [
      ...integers(2, largest(b)).map((r) => ({...panel(b), r, m: formula(r)})),
      {...panel(b), r: largest(b) * 1.15, m: formula(largest(b))}
    ];
    const gsLines = blockSizes.flatMap((b) => staircase(b, (r) => gsDenseFactors(r, b)));
    const boftLines = blockSizes
      .filter((b) => rows.some((row) => row.b === b && row.boft_applicable === true))
      .flatMap((b) => staircase(b, boftDenseFactors));
    const gsPoints = rows.map((row) => ({...panel(row.b as number), r: row.r as number, m: row.gs_observed as number}));
    const boftPoints = rows
      .filter((row) => row.boft_applicable === true)
      .map((row) => ({...panel(row.b as number), r: row.r as number, m: row.boft_observed as number}));
    const labels = blockSizes.map((b) => ({...panel(b), label: `b = ${b}`}));
    const rMax = Math.max(...rows.map((row) => row.r as number));
    const mMax = Math.max(...rows.map((row) => Math.max(row.gs_observed as number, row.boft_observed as number)));
    const [gs, boft] = [seriesColor(0, context.theme), seriesColor(1, context.theme)];
    const channels = {x: "r", y: "m", fx: "column", fy: "row"};
    const t = context.theme;
    return paperPlot(context, {
      marginTop: 6,
      marginRight: 8,
      x: {
        type: "log",
        base: 2,
        domain: [1.6, rMax * 1.25],
        ticks: powersOfTwo(2, rMax, 2),
        tickFormat: (r: number) => String(r),
        label: "number of blocks r",
        line: false
      },
      y: {
        domain: [1, mMax + 2.2],
        ticks: integers(1, mMax).filter((m) => m % 2 === 1),
        tickFormat: (m: number) => String(m),
        label: "factors m for a dense product",
        line: false
      },
      fx: {axis: null, padding: 0.08},
      fy: {axis: null, padding: 0.12},
      marks: [
        Plot.frame({strokeOpacity: 0.3}),
        facetLine(boftLines, {...channels, stroke: boft, strokeDasharray: "3,2", curve: "step-after", theme: t}),
        facetLine(gsLines, {...channels, stroke: gs, curve: "step-after", theme: t}),
        facetPoints(boftPoints, {...channels, fill: boft, symbol: "square", scale: 1.7, theme: t}),
        facetPoints(gsPoints, {...channels, fill: gs, theme: t}),
        Plot.text(labels, {
          fx: "column",
          fy: "row",
          text: "label",
          frameAnchor: "bottom-right",
          dx: -4,
          dy: -4,
          fontSize: t.fontSize
        }),
        panelLegend(
          [
            {label: "GS: 1 + ⌈log_b r⌉", color: gs, kind: "line+point"},
            {label: "BOFT: 1 + ⌈log₂ r⌉", color: boft, kind: "line+point", strokeDasharray: "3,2", symbol: "square"}
          ],
          {anchor: "top-left", theme: t}
        )
      ]
    });
  }
};

/**
 * Nonzeros per row after m factors (log₂ axis) for the largest number of blocks r in the grid and up to three even
 * block sizes b: min(n, b^m) for GS (solid) and min(n, 2^{m−1}b) for BOFT (dashed) as lines, the counts of the
 * propagated supports as points (every row of a support has the same count; its minimum is drawn).
 */
export const rowNonzerosPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = firstRunRows(result, "row_counts");
    const boftRows = rows.filter((row) => row.structure === "BOFT");
    const r = Math.max(...boftRows.map((row) => row.r as number));
    const blockSizes = [...new Set(boftRows.filter((row) => row.r === r).map((row) => row.b as number))]
      .sort((a, b) => a - b)
      .slice(-3);
    const selected = rows.filter((row) => row.r === r && blockSizes.includes(row.b as number));
    const mMax = Math.max(...selected.map((row) => row.m as number));
    const color = (b: number) => seriesColor(blockSizes.indexOf(b), context.theme);
    const formulas = {GS: gsRowCountBound, BOFT: boftRowCount};
    const marks: Markish[] = [];
    for (const b of blockSizes) {
      for (const structure of ["BOFT", "GS"] as const) {
        const dashed = structure === "BOFT";
        const line = integers(1, mMax).map((m) => ({m, nnz: formulas[structure](r * b, b, m)}));
        const points = selected
          .filter((row) => row.b === b && row.structure === structure)
          .map((row) => ({m: row.m as number, nnz: row.min_row_nnz as number}));
        marks.push(
          theoryLine(line, {
            x: "m",
            y: "nnz",
            stroke: color(b),
            strokeDasharray: dashed ? "3,2" : undefined,
            theme: context.theme
          }),
          simulationPoints(points, {
            x: "m",
            y: "nnz",
            color: color(b),
            symbol: dashed ? "square" : "circle",
            theme: context.theme
          })
        );
      }
    }
    const nMax = r * Math.max(...blockSizes);
    const nMin = Math.min(...blockSizes);
    return paperPlot(context, {
      x: {
        domain: [0.6, mMax + 0.4],
        ticks: integers(1, mMax),
        tickFormat: (m: number) => String(m),
        label: "factors m"
      },
      y: {
        type: "log",
        base: 2,
        domain: [nMin / 10, nMax * 1.6],
        ticks: powersOfTwo(nMin, nMax, 2),
        tickFormat: (v: number) => `2${superscript(Math.round(Math.log2(v)))}`,
        label: `nonzeros per row (r = ${r})`
      },
      marks: [
        ...marks,
        legend(
          [
            ...blockSizes.map((b): LegendItem => ({label: `b = ${b}, n = ${r * b}`, color: color(b), kind: "line"})),
            {label: "GS: min(n, bᵐ)", color: context.theme.ink, kind: "line+point"},
            {
              label: "BOFT: min(n, 2ᵐ⁻¹b)",
              color: context.theme.ink,
              kind: "line+point",
              strokeDasharray: "3,2",
              symbol: "square"
            }
          ],
          {anchor: "bottom-right", theme: context.theme}
        )
      ]
    });
  }
};

function integers(from: number, to: number): number[] {
  return Array.from({length: Math.max(0, to - from + 1)}, (_, i) => from + i);
}

// Powers of two in [from, to], every `stride`-th one (starting at the first).
function powersOfTwo(from: number, to: number, stride: number): number[] {
  const powers: number[] = [];
  for (let p = 2 ** Math.ceil(Math.log2(from)), k = 0; p <= to; p *= 2, ++k) if (k % stride === 0) powers.push(p);
  return powers;
}

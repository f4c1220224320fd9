// Figures of E8: multiply–adds of batched dense, GS and BOFT applies against n, and the speed-up of GS over dense.
import {firstRunRows} from "../../src/contract/index.js";
import type {Markish} from "@observablehq/plot";
import type {ExperimentResult, PlotModule} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import type {LegendItem} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {FigureContext} from "../../src/render/theme.js";
import {boftDenseFactors} from "./butterfly.js";

/** Colour of the legend entries that only explain a line style (solid GS, dashed BOFT); series colours give b. */
const styleGrey = "#8C8C8C";

/** A row of the costs table. */
interface Cost {
  n: number;
  b: number;
  structure: string;
  factors: number;
  multiplyAdds: number;
  speedup: number;
}

/**
 * Multiply–adds of one batched apply against n (log–log): dense n²B, GS with two factors 2nbB and BOFT with the
 * 1 + ⌈log₂(n/b)⌉ factors it needs for density, m·nbB, as lines from the formulas; the counts taken from the
 * structures that were applied (and checked against dense products) as points. One colour per block size b.
 */
export const speedCostsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const costs = readCosts(result);
    const batch = result.points[0].params.batch as number;
    const blockSizes = [...new Set(costs.map((d) => d.b))].sort((a, b) => a - b);
    const sizes = [...new Set(costs.map((d) => d.n))].sort((a, b) => a - b);
    const color = (b: number) => seriesColor(blockSizes.indexOf(b), t);
    const marks: Markish[] = [];
    const dense = sizes.map((n) => ({n, value: n * n * batch}));
    marks.push(
      theoryLine(dense, {x: "n", y: "value", stroke: t.ink, theme: t}),
      simulationPoints(
        costs
          .filter((d) => d.structure === "dense" && d.b === blockSizes[0])
          .map((d) => ({n: d.n, value: d.multiplyAdds})),
        {x: "n", y: "value", color: t.ink, theme: t}
      )
    );
    for (const b of blockSizes) {
      const ns = sizes.filter((n) => costs.some((d) => d.n === n && d.b === b));
      const boftSizes = ns.filter((n) => Number.isInteger(Math.log2(n / b)));
      marks.push(
        theoryLine(
          ns.map((n) => ({n, value: 2 * n * b * batch})),
          {x: "n", y: "value", stroke: color(b), theme: t}
        ),
        theoryLine(
          boftSizes.map((n) => ({n, value: boftDenseFactors(n / b) * n * b * batch})),
          {x: "n", y: "value", stroke: color(b), strokeDasharray: "3,2", theme: t}
        ),
        simulationPoints(
          costs
            .filter((d) => d.b === b && d.structure === "GS (2 factors)")
            .map((d) => ({n: d.n, value: d.multiplyAdds})),
          {x: "n", y: "value", color: color(b), theme: t}
        ),
        simulationPoints(
          costs
            .filter((d) => d.b === b && d.structure === "BOFT (dense)")
            .map((d) => ({n: d.n, value: d.multiplyAdds})),
          {x: "n", y: "value", color: color(b), symbol: "square", theme: t}
        )
      );
    }
    const values = costs.map((d) => d.multiplyAdds);
    return paperPlot(context, {
      x: logTwoAxis(sizes, "size n"),
      y: {
        type: "log",
        domain: [Math.min(...values) / 2, Math.max(...values) * 25],
        tickFormat: formatPowerOfTen,
        label: `multiply–adds per apply to ${batch} vectors`
      },
      marks: [
        ...marks,
        legend(
          [
            {label: "dense: n²", color: t.ink, kind: "line+point"},
            {label: "GS, 2 factors: 2nb", color: styleGrey, kind: "line+point"},
            {
              label: "BOFT, dense: m·nb",
              color: styleGrey,
              kind: "line+point",
              strokeDasharray: "3,2",
              symbol: "square"
            },
            ...blockSizes.map((b): LegendItem => ({label: `b = ${b}`, color: color(b), kind: "line"}))
          ],
          {anchor: "top-left", theme: t}
        )
      ]
    });
  }
};

/**
 * Speed-up in multiply–adds over the dense apply against n (log–log): n/2b for GS with two factors and
 * n/(m·b) for a dense BOFT product as lines, the ratios of the counted multiply–adds as points.
 */
export const speedRatioPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const costs = readCosts(result);
    const blockSizes = [...new Set(costs.map((d) => d.b))].sort((a, b) => a - b);
    const sizes = [...new Set(costs.map((d) => d.n))].sort((a, b) => a - b);
    const color = (b: number) => seriesColor(blockSizes.indexOf(b), t);
    const marks: Markish[] = [];
    for (const b of blockSizes) {
      const ns = sizes.filter((n) => costs.some((d) => d.n === n && d.b === b));
      const boftSizes = ns.filter((n) => Number.isInteger(Math.log2(n / b)));
      marks.push(
        theoryLine(
          ns.map((n) => ({n, ratio: n / (2 * b)})),
          {x: "n", y: "ratio", stroke: color(b), theme: t}
        ),
        theoryLine(
          boftSizes.map((n) => ({n, ratio: n / (boftDenseFactors(n / b) * b)})),
          {x: "n", y: "ratio", stroke: color(b), strokeDasharray: "3,2", theme: t}
        ),
        simulationPoints(
          costs.filter((d) => d.b === b && d.structure === "GS (2 factors)").map((d) => ({n: d.n, ratio: d.speedup})),
          {x: "n", y: "ratio", color: color(b), theme: t}
        ),
        simulationPoints(
          costs.filter((d) => d.b === b && d.structure === "BOFT (dense)").map((d) => ({n: d.n, ratio: d.speedup})),
          {x: "n", y: "ratio", color: color(b), symbol: "square", theme: t}
        )
      );
    }
    const ratios = costs.filter((d) => d.structure !== "dense").map((d) => d.speedup);
    const low = 2 ** Math.floor(Math.log2(Math.min(...ratios)));
    const high = 2 ** Math.ceil(Math.log2(Math.max(...ratios)));
    return paperPlot(context, {
      x: logTwoAxis(sizes, "size n"),
      y: {
        type: "log",
        base: 2,
        domain: [low / 1.3, high * 8],
        ticks: powersOfTwo(low, high),
        tickFormat: (v: number) => String(v),
        label: "speed-up over dense (multiply–adds)"
      },
      marks: [
        ...marks,
        legend(
          [
            {label: "GS, 2 factors: n/2b", color: styleGrey, kind: "line+point"},
            {
              label: "BOFT, dense: n/(m·b)",
              color: styleGrey,
              kind: "line+point",
              strokeDasharray: "3,2",
              symbol: "square"
            },
            ...blockSizes.map((b): LegendItem => ({label: `b = ${b}`, color: color(b), kind: "line"}))
          ],
          {anchor: "top-left", theme: t}
        )
      ]
    });
  }
};

function readCosts(result: ExperimentResult): Cost[] {
  return firstRunRows(result, "costs").map((row) => ({
    n: row.n as number,
    b: row.b as number,
    structure: row.structure as string,
    factors: row.factors as number,
    multiplyAdds: row.multiply_adds as number,
    speedup: row.speedup_vs_dense as number
  }));
}

function logTwoAxis(sizes: number[], label: string) {
  const domain = [sizes[0] / 1.25, sizes[sizes.length - 1] * 1.25];
  return {type: "log" as const, base: 2, domain, ticks: sizes, tickFormat: (n: number) => String(n), label};
}

function powersOfTwo(from: number, to: number): number[] {
  const powers: number[] = [];
  for (let p = from; p <= to; p *= 2) powers.push(p);
  return powers;
}

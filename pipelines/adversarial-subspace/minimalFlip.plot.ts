// Figures of A4: the minimal orthogonal flip r⋆ against the first-order size |N|/‖g⊥‖ (every test point), and the
// median r⋆/‖x‖ against the orthogonal dimension ℓ = d − k, on log axes.
import {firstRunRows, summarizeRows} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {SymbolType} from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";

const symbols: SymbolType[] = ["circle", "triangle", "square", "diamond"];

/** r⋆ (bisection along ĝ⊥) against |N|/‖g⊥‖ for every test point of the first seed at d_ref, one colour per β. */
export const flipScatterPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const rows = firstRunRows(result, "points").filter((row) => row.flipped === true);
    const betas = [...new Set(rows.map((row) => row.beta as number))].sort((a, b) => b - a);
    const values = rows.flatMap((row) => [row.linear as number, row.r as number]);
    const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
    const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
    const d = result.points[0].params.d_ref as number;
    const decades = Array.from({length: Math.round(Math.log10(hi / lo)) + 1}, (_, i) => lo * 10 ** i);
    return paperPlot(context, {
      marginRight: 14,
      x: {
        type: "log",
        label: "first-order size |N(x)| / ‖P⊥∇N(x)‖",
        domain: [lo, hi],
        ticks: decades,
        tickFormat: formatPowerOfTen
      },
      y: {
        type: "log",
        label: `minimal orthogonal flip r⋆ (d = ${d})`,
        domain: [lo, hi],
        ticks: decades,
        tickFormat: formatPowerOfTen
      },
      marks: [
        theoryLine(
          [
            {x: lo, y: lo},
            {x: hi, y: hi}
          ],
          {x: "x", y: "y", theme: t}
        ),
        ...betas.map((beta, i) =>
          Plot.dot(
            rows.filter((row) => row.beta === beta),
            {
              x: "linear",
              y: "r",
              r: 1.4,
              symbol: symbols[i % symbols.length],
              fill: seriesColor(i, t),
              fillOpacity: 0.55,
              stroke: "none"
            }
          )
        ),
        legend(
          [
            {label: "r⋆ = |N|/‖g⊥‖", color: t.ink, kind: "line" as const},
            ...betas.map((beta, i) => ({
              label: `β = ${beta}`,
              color: seriesColor(i, t),
              symbol: symbols[i % symbols.length]
            }))
          ],
          {anchor: "top-left", theme: t}
        )
      ]
    });
  }
};

/**
 * Median r⋆/‖x‖ (bisection) and median |N|/(‖g⊥‖‖x‖) (first order) against ℓ at β = 1, mean ± se over seeds,
 * log-log, with the slope −1/2 of the first-order law through the first-order points.
 */
export const flipDimensionPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const k = result.points[0].params.k as number;
    const r = summarizeRows(result, "medians", ["d", "beta"], "r_over_norm").filter((s) => s.key.beta === 1);
    const lin = summarizeRows(result, "medians", ["d", "beta"], "linear").filter((s) => s.key.beta === 1);
    // |N|/‖g⊥‖ over ‖x‖ = √d: the table holds the median of |N|/‖g⊥‖, and every ‖x‖ is close to √d.
    const rows = [
      ...r.map((s) => ({series: "r", ell: ((s.key.d as number) - k) / 1.04, value: s.summary.mean, se: s.se})),
      ...lin.map((s) => ({
        series: "linear",
        ell: ((s.key.d as number) - k) * 1.04,
        value: s.summary.mean / Math.sqrt(s.key.d as number),
        se: s.se / Math.sqrt(s.key.d as number)
      }))
    ];
    const ells = r.map((s) => (s.key.d as number) - k).sort((a, b) => a - b);
    const linear = rows.filter((row) => row.series === "linear");
    // Least-squares fit of log value = c − ½ log ℓ to the first-order points.
    const c =
      linear.reduce((sum, row) => sum + Math.log(row.value) + 0.5 * Math.log(row.ell / 1.04), 0) / linear.length;
    const lo = ells[0] / 1.4;
    const hi = ells[ells.length - 1] * 1.4;
    const guide = [lo, hi].map((ell) => ({ell, value: Math.exp(c - 0.5 * Math.log(ell))}));
    const values = rows.flatMap((row) => [row.value - row.se, row.value + row.se]);
    // Ends on labelled ticks, with room above the data for the legend (about a third of the axis, in log units).
    const nice = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50];
    const bottom = [...nice].reverse().find((y) => y <= Math.min(...values) / 1.2) ?? nice[0];
    const top = Math.max(...values) * 1.2;
    const yDomain = [bottom, nice.find((y) => y >= top * (top / bottom) ** 0.5) ?? nice[nice.length - 1]];
    const yTicks = nice.filter((y) => y >= yDomain[0] && y <= yDomain[1]);
    return paperPlot(context, {
      marginTop: 12,
      x: {
        type: "log",
        base: 2,
        label: "orthogonal dimension ℓ = d − k",
        domain: [lo, hi],
        ticks: ells,
        tickFormat: (x: number) => String(x)
      },
      y: {
        type: "log",
        label: "median flip size / ‖x‖ (β = 1)",
        domain: yDomain,
        ticks: yTicks,
        tickFormat: (x: number) => String(x)
      },
      marks: [
        theoryLine(guide, {x: "ell", y: "value", strokeDasharray: "4,2", clip: true, theme: t}),
        ...simulationPoints(
          rows.filter((row) => row.series === "r"),
          {x: "ell", y: "value", ySd: "se", color: seriesColor(0, t), theme: t}
        ),
        ...simulationPoints(linear, {
          x: "ell",
          y: "value",
          ySd: "se",
          color: seriesColor(1, t),
          symbol: "triangle",
          theme: t
        }),
        legend(
          [
            {label: "r⋆/‖x‖ (bisection)", color: seriesColor(0, t)},
            {label: "|N|/(‖g⊥‖‖x‖), first order", color: seriesColor(1, t), symbol: "triangle"},
            {label: "slope −½", color: t.ink, kind: "line", strokeDasharray: "4,2"}
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

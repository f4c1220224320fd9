// Figures of A3: the input-gradient norms against d, and Q = ‖g⊥‖²/((β²/d)(1 − ηλ)^{2t}ℓS) against d for each β.
import {meanSe} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {SymbolType} from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";

const symbols: SymbolType[] = ["circle", "triangle", "square", "diamond"];

/**
 * ‖P⊥∇N‖ and ‖P∇N‖ at the test points against d (log axis) at β = 1, mean ± se over seeds, with the law
 * β√(ℓS/d) at S = 1/2 and the initial ratio ‖g⊥‖/‖g∥‖ = √(ℓ/k) for reference.
 */
export const gradientNormsPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const points = result.points
      .filter((p) => p.params.beta === 1)
      .sort((a, b) => (a.params.d as number) - (b.params.d as number));
    const rows = points.flatMap((p) => {
      const d = p.params.d as number;
      const perp = meanSe(p, "g_perp_test");
      const par = meanSe(p, "g_par_test");
      return [
        {series: "perp", d: d / 1.04, value: perp.mean, se: perp.se},
        {series: "par", d: d * 1.04, value: par.mean, se: par.se}
      ];
    });
    const ds = points.map((p) => p.params.d as number);
    const [lo, hi] = dimensionDomain(ds);
    const k = points[0].params.k as number;
    const curve = Array.from({length: 81}, (_, i) => {
      const d = lo * (hi / lo) ** (i / 80);
      return {d, value: Math.sqrt((d - k) / (2 * d))};
    });
    const top = Math.max(...rows.map((r) => r.value + r.se));
    return paperPlot(context, {
      x: dimensionAxis(ds),
      y: {label: "input-gradient norm (β = 1)", domain: [0, top * 1.08]},
      marks: [
        theoryLine(
          curve.filter((c) => c.d > k),
          {x: "d", y: "value", theme: t}
        ),
        ...simulationPoints(
          rows.filter((r) => r.series === "perp"),
          {x: "d", y: "value", ySd: "se", color: seriesColor(0, t), theme: t}
        ),
        ...simulationPoints(
          rows.filter((r) => r.series === "par"),
          {x: "d", y: "value", ySd: "se", color: seriesColor(1, t), symbol: "triangle", theme: t}
        ),
        legend(
          [
            {label: "‖P⊥∇N‖", color: seriesColor(0, t)},
            {label: "‖P∇N‖", color: seriesColor(1, t), symbol: "triangle"},
            {label: "√(ℓ/2d): law at S = ½", color: t.ink, kind: "line"}
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

/** Q against d for each β (mean ± se over seeds, drawn slightly apart), with the exact mean 1. */
export const gradientQPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const betas = [...new Set(result.points.map((p) => p.params.beta as number))].sort((a, b) => b - a);
    const ds = [...new Set(result.points.map((p) => p.params.d as number))].sort((a, b) => a - b);
    const [lo, hi] = dimensionDomain(ds);
    const rows = result.points.map((p) => {
      const q = meanSe(p, "q_mean");
      const i = betas.indexOf(p.params.beta as number);
      return {
        beta: p.params.beta as number,
        d: (p.params.d as number) * 1.06 ** (i - (betas.length - 1) / 2),
        q: q.mean,
        se: q.se
      };
    });
    const spread = Math.max(0.16, ...rows.map((r) => Math.abs(r.q - 1) + r.se));
    return paperPlot(context, {
      x: dimensionAxis(ds),
      y: {label: "Q = ‖g⊥‖² / ((β²/d)(1 − ηλ)²ᵗ ℓ S)", domain: [1 - spread * 2, 1 + spread * 1.15]},
      marks: [
        Plot.ruleY([0.85, 1.15], {stroke: t.ink, strokeOpacity: 0.35, strokeDasharray: "3,2"}),
        theoryLine(
          [
            {d: lo, q: 1},
            {d: hi, q: 1}
          ],
          {x: "d", y: "q", theme: t}
        ),
        ...betas.flatMap((beta, i) =>
          simulationPoints(
            rows.filter((r) => r.beta === beta),
            {x: "d", y: "q", ySd: "se", color: seriesColor(i, t), symbol: symbols[i % symbols.length], theme: t}
          )
        ),
        legend(
          [
            {label: "E[Q] = 1 (exact)", color: t.ink, kind: "line"},
            {label: "spec band 0.85–1.15", color: t.ink, kind: "line", strokeDasharray: "3,2"},
            ...betas.map((beta, i) => ({
              label: `β = ${beta}`,
              color: seriesColor(i, t),
              symbol: symbols[i % symbols.length]
            }))
          ],
          {anchor: "bottom-right", theme: t}
        )
      ]
    });
  }
};

// The range of d shown: the dimensions run, with a margin of 1.3× at both ends.
function dimensionDomain(ds: number[]): [number, number] {
  return [ds[0] / 1.3, ds[ds.length - 1] * 1.3];
}

// The shared x axis: d on a log₂ scale over `dimensionDomain`, ticked at the dimensions run.
function dimensionAxis(ds: number[]) {
  return {
    type: "log" as const,
    base: 2,
    label: "input dimension d",
    domain: dimensionDomain(ds),
    ticks: ds,
    tickFormat: (d: number) => String(d)
  };
}

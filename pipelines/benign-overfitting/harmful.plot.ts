// Figure of B5: test error over signal levels from γ = 0 to 20/n, at both stopping rules, against Theorem 3.4's 1/8.
import {meanSe, seedCount} from "../../src/contract/index.js";
import * as Plot from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";
import {signalLevels} from "./harmful.js";

/** Test error (mean ± se over trials) per signal level, S_err left and S_loss right of each level, with a line at 1/8. */
export const harmfulPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const point = result.points[0];
    const rules = [
      {key: "err", label: "S_err (zero training error)", offset: -0.14},
      {key: "loss", label: "S_loss (zero hinge loss)", offset: 0.14}
    ];
    const rows = rules.map((rule) =>
      signalLevels.map((level, i) => ({x: i + rule.offset, ...meanSe(point, `test_error_${rule.key}_${level.key}`)}))
    );
    return paperPlot(context, {
      marginBottom: 32,
      x: {
        domain: [-0.5, signalLevels.length - 0.5],
        ticks: signalLevels.map((_, i) => i),
        tickFormat: (i: number) => signalLevels[i].label,
        label: `signal strength γ (n = ${point.params.n}, d = ${Math.round((point.params.n as number) * (point.params.d_over_n as number))})`
      },
      y: {
        domain: [0, 0.56],
        ticks: [0, 0.125, 0.25, 0.5],
        tickFormat: (v: number) => (v === 0.125 ? "1/8" : String(v)),
        label: "test error"
      },
      marks: [
        Plot.ruleY([0.125], {stroke: "currentColor", strokeDasharray: "4,2", strokeWidth: 0.75}),
        ...rules.flatMap((_, i) => [
          Plot.line(rows[i], {x: "x", y: "mean", stroke: seriesColor(i, t), strokeWidth: 0.75, strokeOpacity: 0.6}),
          ...simulationPoints(rows[i], {
            x: "x",
            y: "mean",
            ySd: "se",
            color: seriesColor(i, t),
            symbol: i === 0 ? "circle" : "square",
            theme: t
          })
        ]),
        legend(
          [
            ...rules.map((r, i) => ({
              label: r.label,
              color: seriesColor(i, t),
              symbol: i === 0 ? ("circle" as const) : ("square" as const)
            })),
            {label: `mean ± se, ${seedCount(result)} trials`, color: t.ink, kind: "point" as const},
            {label: "Theorem 3.4: error ≥ 1/8", color: t.ink, kind: "line" as const, strokeDasharray: "4,2"}
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

// Figure of B6: test error at the two stopping rules, for both outer-weight conventions, against d/n.
import {meanSe, seedCount} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";

/** Series of the ablation: stopping rule × outer weights, with their colour, symbol and horizontal offset. */
const series = [
  {rule: "err", outer: "alternating", label: "S_err, alternating ±1", color: 0, symbol: "circle", offset: -0.21},
  {rule: "loss", outer: "alternating", label: "S_loss, alternating ±1", color: 1, symbol: "circle", offset: -0.07},
  {
    rule: "err",
    outer: "all-minus",
    label: "S_err, all −1 (published code)",
    color: 0,
    symbol: "triangle",
    offset: 0.07
  },
  {rule: "loss", outer: "all-minus", label: "S_loss, all −1", color: 1, symbol: "triangle", offset: 0.21}
] as const;

/** Mean ± se of the test error per d/n, four series offset around each d/n so that no bars overlap. */
export const stoppingPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const columns = [...new Set(result.points.map((p) => p.params.d_over_n as number))].sort((a, b) => a - b);
    const rows = series.map((s) =>
      result.points
        .filter((p) => p.params.outer === s.outer)
        .map((p) => ({
          x: columns.indexOf(p.params.d_over_n as number) + s.offset,
          ...meanSe(p, `test_error_${s.rule}`)
        }))
    );
    const top = Math.max(...rows.flat().map((r) => r.mean + r.se));
    return paperPlot(context, {
      x: {
        domain: [-0.5, columns.length - 0.5],
        ticks: columns.map((_, i) => i),
        tickFormat: (i: number) => String(columns[i]),
        label: `d/n (n = ${result.points[0].params.n})`
      },
      y: {domain: [0, top / 0.55], label: "test error"},
      marks: [
        ...series.flatMap((s, i) =>
          simulationPoints(rows[i], {
            x: "x",
            y: "mean",
            ySd: "se",
            color: seriesColor(s.color, t),
            symbol: s.symbol,
            theme: t
          })
        ),
        legend(
          [
            ...series.map((s) => ({label: s.label, color: seriesColor(s.color, t), symbol: s.symbol})),
            {label: `mean ± se, ${seedCount(result)} trials`, color: t.ink}
          ],
          {anchor: "top-right", theme: t}
        )
      ]
    });
  }
};

// Figure of A5: robust accuracy under the universal orthogonal perturbation against ε, with the random control.
import {seedCount, summarizeRows} from "../../src/contract/index.js";
import type {SymbolType} from "@observablehq/plot";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";
import {universalSeries} from "./universal.js";

const symbols: SymbolType[] = ["circle", "triangle", "square", "diamond"];

/** Accuracy on x − ε·y·ẑ against ε (log₂ axis; ε = 0 drawn at the left edge), mean ± se over seeds, per series. */
export const robustAccuracyPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const t = context.theme;
    const summaries = summarizeRows(result, "accuracy", ["series", "epsilon"], "accuracy");
    const epsilons = [...new Set(summaries.map((s) => s.key.epsilon as number))]
      .filter((e) => e > 0)
      .sort((a, b) => a - b);
    const zeroAt = epsilons[0] / 2;
    const betaSmall = result.points[0].params.beta_small as number;
    const lambda = result.points[0].params.lambda as number;
    const labels: Record<string, string> = {
      "β = 1": "ẑ, β = 1",
      "small β": `ẑ, β = ${betaSmall}`,
      "weight decay": `ẑ, λ = ${lambda}`,
      "random direction": "random v ⊥ P"
    };
    const rows = summaries.map((s) => {
      const i = universalSeries.indexOf(s.key.series as (typeof universalSeries)[number]);
      const epsilon = s.key.epsilon as number;
      return {
        series: s.key.series as string,
        i,
        x: (epsilon === 0 ? zeroAt : epsilon) * 2 ** (0.07 * (i - 1.5)),
        accuracy: s.summary.mean,
        se: s.se
      };
    });
    const xNorm = Math.sqrt(result.points[0].params.d as number);
    return paperPlot(context, {
      x: {
        type: "log",
        base: 2,
        label: `perturbation size ε (‖x‖ ≈ ${xNorm.toFixed(0)})`,
        domain: [zeroAt / 1.35, epsilons[epsilons.length - 1] * 1.35],
        ticks: [zeroAt, ...epsilons],
        tickFormat: (x: number) => (x === zeroAt ? "0" : String(x))
      },
      y: {
        label: `robust accuracy (${seedCount(result)} ${seedCount(result) === 1 ? "seed" : "seeds"})`,
        domain: [0, 1]
      },
      marks: [
        ...universalSeries.flatMap((series, i) => {
          const data = rows.filter((row) => row.series === series).sort((a, b) => a.x - b.x);
          return [
            theoryLine(data, {x: "x", y: "accuracy", stroke: seriesColor(i, t), theme: {...t, lineWidth: 0.75}}),
            ...simulationPoints(data, {
              x: "x",
              y: "accuracy",
              ySd: "se",
              color: seriesColor(i, t),
              symbol: symbols[i],
              theme: t
            })
          ];
        }),
        legend(
          universalSeries.map((series, i) => ({
            label: labels[series],
            color: seriesColor(i, t),
            symbol: symbols[i],
            kind: "line+point" as const
          })),
          {anchor: "bottom-left", theme: t}
        )
      ]
    });
  }
};

// Figure of A2: ‖W(t)P⊥‖/‖W(0)P⊥‖ under coupled weight decay against the step t, with the law (1 − ηλ)^t.
import {firstRunRows} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {FigureContext} from "../../src/contract/index.js";
import {legend} from "../../src/render/legend.js";
import {simulationPoints, theoryLine} from "../../src/render/marks.js";
import {formatPowerOfTen, paperPlot, seriesColor} from "../../src/render/theme.js";
import type {PlotModule} from "../../src/contract/index.js";

/** The checkpoints of the first seed's weight-decay run (log y) and the curve (1 − ηλ)^t through every step. */
export const decayPlot: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = firstRunRows(result, "decay");
    const point = result.points[0];
    const etaLambda = point.summary.eta_lambda.mean;
    const steps = point.summary.decay_steps.mean;
    const curve = Array.from({length: 101}, (_, i) => ({
      t: (steps * i) / 100,
      ratio: Math.pow(1 - etaLambda, (steps * i) / 100)
    }));
    const lowest = Math.min(...rows.map((row) => row.ratio as number));
    const low = 10 ** Math.floor(Math.log10(lowest));
    const t = context.theme;
    return paperPlot(context, {
      marginTop: 12,
      marginRight: 16,
      x: {label: "gradient-descent step t", domain: [0, steps], ticks: 4, tickFormat: (x: number) => String(x)},
      y: {type: "log", label: "‖W(t)P⊥‖ / ‖W(0)P⊥‖", domain: [low, 1], tickFormat: formatPowerOfTen},
      marks: [
        theoryLine(curve, {x: "t", y: "ratio", theme: t}),
        ...simulationPoints(rows, {x: "t", y: "ratio", color: seriesColor(1, t), theme: t}),
        legend(
          [
            {label: `(1 − ηλ)ᵗ, ηλ = ${etaLambda}`, color: t.ink, kind: "line"},
            {label: "measured in Rᵈ", color: seriesColor(1, t)}
          ],
          {anchor: "bottom-left", theme: t}
        )
      ]
    });
  }
};

// The adversarial-subspace paper's registry entries (A1–A6): pipelines, plot modules and table modules by id.
import type {Pipeline} from "../../src/contract/index.js";
import type {PlotModule, TableModule} from "../../src/contract/index.js";
import {checkerboard} from "./checkerboard.js";
import {checkerboardFlipsPlot} from "./checkerboard.plot.js";
import {diagonal} from "./diagonal.js";
import {decisionRegionsPlot} from "./diagonal.plot.js";
import {flipDistanceTable} from "./diagonal.table.js";
import {gradientLaw} from "./gradientLaw.js";
import {gradientNormsPlot, gradientQPlot} from "./gradientLaw.plot.js";
import {invariance} from "./invariance.js";
import {decayPlot} from "./invariance.plot.js";
import {minimalFlip} from "./minimalFlip.js";
import {flipDimensionPlot, flipScatterPlot} from "./minimalFlip.plot.js";
import {minimalFlipTable} from "./minimalFlip.table.js";
import {universal} from "./universal.js";
import {robustAccuracyPlot} from "./universal.plot.js";
import {robustAccuracyTable} from "./universal.table.js";

/** Pipelines, plots and tables of experiments A1–A6, keyed by id, for the project registry to spread in. */
export const adversarialSubspace: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
  pipelines: Record<string, Pipeline<any>>;
  plots: Record<string, PlotModule>;
  tables: Record<string, TableModule>;
} = {
  pipelines: Object.fromEntries(
    [diagonal, invariance, gradientLaw, minimalFlip, universal, checkerboard].map((p) => [p.id, p])
  ),
  plots: {
    "adversarial-subspace/checkerboard-flips": checkerboardFlipsPlot,
    "adversarial-subspace/decision-regions": decisionRegionsPlot,
    "adversarial-subspace/decay": decayPlot,
    "adversarial-subspace/gradient-norms": gradientNormsPlot,
    "adversarial-subspace/gradient-q": gradientQPlot,
    "adversarial-subspace/flip-scatter": flipScatterPlot,
    "adversarial-subspace/flip-dimension": flipDimensionPlot,
    "adversarial-subspace/robust-accuracy": robustAccuracyPlot
  },
  tables: {
    "adversarial-subspace/flip-distances": flipDistanceTable,
    "adversarial-subspace/minimal-flip": minimalFlipTable,
    "adversarial-subspace/robust-accuracy": robustAccuracyTable
  }
};

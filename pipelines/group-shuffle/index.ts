// The Group-and-Shuffle paper's registry entries (E1–E8): pipelines, plot modules and table modules by id.
import type {Pipeline, PlotModule, TableModule} from "../../src/contract/index.js";
import {densityFactors} from "./densityFactors.js";
import {minimalFactorsPlot, rowNonzerosPlot} from "./densityFactors.plot.js";
import {densityTable} from "./densityFactors.table.js";
import {expressivity} from "./expressivity.js";
import {expressivityPlot} from "./expressivity.plot.js";
import {expressivityTable} from "./expressivity.table.js";
import {finetuning} from "./finetuning.js";
import {finetuningCurvesPlot, finetuningSeedsPlot} from "./finetuning.plot.js";
import {finetuningTable} from "./finetuning.table.js";
import {frobeniusProjection} from "./frobeniusProjection.js";
import {projectionTable} from "./frobeniusProjection.table.js";
import {orthogonality} from "./orthogonality.js";
import {parameterCounts} from "./parameterCounts.js";
import {
  denseLayoutsTable,
  dreamBoothParametersTable,
  glueParametersTable,
  lipConvParametersTable
} from "./parameterCounts.table.js";
import {permutation} from "./permutation.js";
import {shufflePermutationPlot} from "./permutation.plot.js";
import {speed} from "./speed.js";
import {speedCostsPlot, speedRatioPlot} from "./speed.plot.js";
import {speedTable} from "./speed.table.js";

/** Pipelines, plots and tables of experiments E1–E8, keyed by id, for the project registry to spread in. */
export const groupShuffle: {
  // any: parameter types vary per pipeline
  pipelines: Record<string, Pipeline<any>>;
  plots: Record<string, PlotModule>;
  tables: Record<string, TableModule>;
} = {
  pipelines: Object.fromEntries(
    [
      parameterCounts,
      permutation,
      densityFactors,
      orthogonality,
      frobeniusProjection,
      expressivity,
      finetuning,
      speed
    ].map((p) => [p.id, p])
  ),
  plots: {
    "group-shuffle/shuffle-permutation": shufflePermutationPlot,
    "group-shuffle/minimal-factors": minimalFactorsPlot,
    "group-shuffle/row-nonzeros": rowNonzerosPlot,
    "group-shuffle/expressivity": expressivityPlot,
    "group-shuffle/finetuning-curves": finetuningCurvesPlot,
    "group-shuffle/finetuning-seeds": finetuningSeedsPlot,
    "group-shuffle/speed-costs": speedCostsPlot,
    "group-shuffle/speed-ratio": speedRatioPlot
  },
  tables: {
    "group-shuffle/glue-parameters": glueParametersTable,
    "group-shuffle/dreambooth-parameters": dreamBoothParametersTable,
    "group-shuffle/lipconv-parameters": lipConvParametersTable,
    "group-shuffle/dense-layouts": denseLayoutsTable,
    "group-shuffle/density": densityTable,
    "group-shuffle/projection": projectionTable,
    "group-shuffle/expressivity": expressivityTable,
    "group-shuffle/finetuning": finetuningTable,
    "group-shuffle/speed": speedTable
  }
};

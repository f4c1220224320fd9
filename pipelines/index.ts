// The project registry: every pipeline, plot module and table module, by id. Content files refer to these ids.
import type {Registry} from "../src/contract/index.js";
import {featureLearning} from "./feature-learning/index.js";
import {oracles} from "./feature-learning/oracles.js";
import {hermiteCoefficientsPlot} from "./feature-learning/oracles.plot.js";
import {kernelOraclesTable} from "./feature-learning/oracles.table.js";
import {groupShuffle} from "./group-shuffle/index.js";

export const registry: Registry = {
  pipelines: {[oracles.id]: oracles, ...featureLearning.pipelines, ...groupShuffle.pipelines},
  plots: {
    "feature-learning/hermite-coefficients": hermiteCoefficientsPlot,
    ...featureLearning.plots,
    ...groupShuffle.plots
  },
  tables: {"feature-learning/kernel-oracles": kernelOraclesTable, ...featureLearning.tables, ...groupShuffle.tables}
};

// The project registry: every pipeline, plot module and table module, by id. Content files refer to these ids.
import type {Registry} from "../src/contract/index.js";
import {adversarialSubspace} from "./adversarial-subspace/index.js";
import {benignOverfitting} from "./benign-overfitting/index.js";
import {featureLearning} from "./feature-learning/index.js";
import {oracles} from "./feature-learning/oracles.js";
import {hermiteCoefficientsPlot} from "./feature-learning/oracles.plot.js";
import {kernelOraclesTable} from "./feature-learning/oracles.table.js";
import {groupShuffle} from "./group-shuffle/index.js";

export const registry: Registry = {
  pipelines: {
    [oracles.id]: oracles,
    ...featureLearning.pipelines,
    ...groupShuffle.pipelines,
    ...adversarialSubspace.pipelines,
    ...benignOverfitting.pipelines
  },
  plots: {
    "feature-learning/hermite-coefficients": hermiteCoefficientsPlot,
    ...featureLearning.plots,
    ...groupShuffle.plots,
    ...adversarialSubspace.plots,
    ...benignOverfitting.plots
  },
  tables: {
    "feature-learning/kernel-oracles": kernelOraclesTable,
    ...featureLearning.tables,
    ...groupShuffle.tables,
    ...adversarialSubspace.tables,
    ...benignOverfitting.tables
  }
};

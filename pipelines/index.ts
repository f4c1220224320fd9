// The project registry: every pipeline, plot module and table module, by id. Content files refer to these ids.
// Each paper lists its own in pipelines/<paper>/index.ts; `orthogonal new paper` adds the import of a new paper's
// list and its name to `papers` below.
import type {Registry} from "../src/contract/index.js";
import {mergeRegistries} from "../src/contract/index.js";
import {adversarialSubspace} from "./adversarial-subspace/index.js";
import {benignOverfitting} from "./benign-overfitting/index.js";
import {featureLearning} from "./feature-learning/index.js";
import {oracles} from "./feature-learning/oracles.js";
import {hermiteCoefficientsPlot} from "./feature-learning/oracles.plot.js";
import {kernelOraclesTable} from "./feature-learning/oracles.table.js";
import {groupShuffle} from "./group-shuffle/index.js";

const papers: Registry[] = [featureLearning, groupShuffle, adversarialSubspace, benignOverfitting];

export const registry: Registry = mergeRegistries([
  {
    pipelines: {[oracles.id]: oracles},
    plots: {"feature-learning/hermite-coefficients": hermiteCoefficientsPlot},
    tables: {"feature-learning/kernel-oracles": kernelOraclesTable}
  },
  ...papers
]);

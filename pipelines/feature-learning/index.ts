// The feature-learning paper's registry entries (E2–E8): pipelines, plot modules and table modules by id.
import type {Pipeline, PlotModule, TableModule} from "../../src/contract/index.js";
import {degreeAmplification} from "./degreeAmplification.js";
import {degreesPlot} from "./degreeAmplification.plot.js";
import {featureGram} from "./featureGram.js";
import {featureGramErrorPlot, featureGramScatterPlot} from "./featureGram.plot.js";
import {inputSpace} from "./inputSpace.js";
import {ridgePlot} from "./inputSpace.plot.js";
import {linearMode} from "./linearMode.js";
import {amplificationPlot, linearSpectrumPlot} from "./linearMode.plot.js";
import {radialQuadratic} from "./radialQuadratic.js";
import {eigenvectorPlot, mixingPlot} from "./radialQuadratic.plot.js";
import {sectorReference} from "./sectorReference.js";
import {sectorReferenceTable} from "./sectorReference.table.js";
import {spike} from "./spike.js";
import {projectionHistogramPlot, spikeGammaPlot, stepSizePlot} from "./spike.plot.js";
import {targetSpectrum} from "./targetSpectrum.js";
import {targetSpectrumPlot} from "./targetSpectrum.plot.js";
import {
  featureGramValuesTable,
  mixingValuesTable,
  ridgeValuesTable,
  spectrumValuesTable,
  spikeValuesTable
} from "./values.table.js";

/** Pipelines, plots and tables of experiments E2–E8, keyed by id, for the project registry to spread in. */
export const featureLearning: {
  // any: parameter types vary per pipeline
  pipelines: Record<string, Pipeline<any>>;
  plots: Record<string, PlotModule>;
  tables: Record<string, TableModule>;
} = {
  pipelines: Object.fromEntries(
    [
      spike,
      featureGram,
      targetSpectrum,
      sectorReference,
      linearMode,
      radialQuadratic,
      degreeAmplification,
      inputSpace
    ].map((p) => [p.id, p])
  ),
  plots: {
    "feature-learning/spike-gamma": spikeGammaPlot,
    "feature-learning/step-size": stepSizePlot,
    "feature-learning/projection-histogram": projectionHistogramPlot,
    "feature-learning/feature-gram-scatter": featureGramScatterPlot,
    "feature-learning/feature-gram-error": featureGramErrorPlot,
    "feature-learning/target-spectrum": targetSpectrumPlot,
    "feature-learning/amplification": amplificationPlot,
    "feature-learning/linear-spectrum": linearSpectrumPlot,
    "feature-learning/mixing": mixingPlot,
    "feature-learning/top-eigenvector": eigenvectorPlot,
    "feature-learning/degrees": degreesPlot,
    "feature-learning/ridge": ridgePlot
  },
  tables: {
    "feature-learning/sector-reference": sectorReferenceTable,
    "feature-learning/spike-values": spikeValuesTable,
    "feature-learning/feature-gram-values": featureGramValuesTable,
    "feature-learning/spectrum-values": spectrumValuesTable,
    "feature-learning/mixing-values": mixingValuesTable,
    "feature-learning/ridge-values": ridgeValuesTable
  }
};

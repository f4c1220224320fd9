// The benign-overfitting paper's registry entries (B1–B6): pipelines, plot modules and table modules by id.
import type {Pipeline} from "../../src/contract/index.js";
import type {PlotModule, TableModule} from "../../src/contract/index.js";
import {gammaCurves} from "./gammaCurves.js";
import {gammaCurvesPlot} from "./gammaCurves.plot.js";
import {harmful} from "./harmful.js";
import {harmfulPlot} from "./harmful.plot.js";
import {heatmapCell, heatmapColumnMean} from "./heatmap.js";
import {heatmapColumnsPlot, heatmapPlot} from "./heatmap.plot.js";
import {lemmaC1} from "./lemmaC1.js";
import {lemmaC1Plot} from "./lemmaC1.plot.js";
import {marginMaximisation} from "./margin.js";
import {stoppingPlot} from "./stopping.plot.js";
import {gammaTable, harmfulTable, heatmapCellsTable, heatmapTable, marginTable, stoppingTable} from "./tables.js";
import {train} from "./train.js";

/** Pipelines, plots and tables of experiments B1–B6, keyed by id, for the project registry to spread in. */
export const benignOverfitting: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameter types vary per pipeline
  pipelines: Record<string, Pipeline<any>>;
  plots: Record<string, PlotModule>;
  tables: Record<string, TableModule>;
} = {
  pipelines: Object.fromEntries(
    [train, gammaCurves, heatmapCell, heatmapColumnMean, lemmaC1, marginMaximisation, harmful].map((p) => [p.id, p])
  ),
  plots: {
    "benign-overfitting/lemma-c1": lemmaC1Plot,
    "benign-overfitting/gamma-curves": gammaCurvesPlot,
    "benign-overfitting/heatmap": heatmapPlot,
    "benign-overfitting/heatmap-columns": heatmapColumnsPlot,
    "benign-overfitting/harmful": harmfulPlot,
    "benign-overfitting/stopping": stoppingPlot
  },
  tables: {
    "benign-overfitting/gamma": gammaTable,
    "benign-overfitting/heatmap-columns": heatmapTable,
    "benign-overfitting/heatmap-cells": heatmapCellsTable,
    "benign-overfitting/margin": marginTable,
    "benign-overfitting/harmful": harmfulTable,
    "benign-overfitting/stopping": stoppingTable
  }
};

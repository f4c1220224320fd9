// The public API of orthogonal: what a pipeline, plot or table module (in this repository or in another project)
// imports. Numerics (src/linalg, src/random, src/special, src/stats) and the renderers' marks and theme
// (src/render, src/tables) are imported from their own modules.
export type {Claim, ClaimCheck, ClaimResult, ComparisonForm, WithinForm} from "./claims.js";
export type {Content, Experiment, FigureDeclaration, Home, Paper, TableDeclaration} from "./content.js";
export {assertFinite} from "./dataset.js";
export type {Cell, Dataset, Row} from "./dataset.js";
export {CliError, ContentError, ExitCode, PipelineError} from "./error.js";
export {figureSize, figureWidths} from "./figure.js";
export type {FigureContext, FigureSize, FigureWidth, PlotFunction, Theme} from "./figure.js";
export type {Manifest, ManifestEntry} from "./manifest.js";
export type {NumberDeclaration, PrintedNumber} from "./numbers.js";
export {outputDrift} from "./outputs.js";
export type {ConditionalScalar, Outputs, TableOutput} from "./outputs.js";
export {checkParam, choice, defaultParams, describeParam, flag, integer, parseParam, real, reals} from "./params.js";
export type {
  BooleanParam,
  ChoiceParam,
  NumberParam,
  NumbersParam,
  ParamSpec,
  ParamSpecs,
  ParamType,
  ParamValue,
  ParamValues
} from "./params.js";
export {pipeline} from "./pipeline.js";
export type {Pipeline, Rng} from "./pipeline.js";
export {mergeRegistries} from "./registry.js";
export type {PlotModule, Registry, TableModule} from "./registry.js";
export type {ExperimentResult, PointResult, RunResult, Summary} from "./results.js";
export {firstRunRows, meanSe, seedCount, summarizeRows} from "./resultRows.js";
export type {RowSummary} from "./resultRows.js";
export type {Table, TableFunction} from "./table.js";

// `orthogonal params`: the parameters and outputs of a pipeline or an experiment, from the pipeline's own
// declarations.
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {loadProject} from "../build/project.js";
import {CliError, ExitCode} from "../contract/error.js";
import {describeParam} from "../contract/params.js";
import type {ConditionalScalar, Outputs} from "../contract/outputs.js";
import type {ParamSpecs, ParamValue} from "../contract/params.js";

/** Options of `orthogonal params`. */
export interface ParamsOptions {
  root: string;
  profile: string;
  /** An experiment id or a pipeline id. */
  target: string;
}

/**
 * Prints every parameter (name, type, allowed values, default, the experiment's value or sweep, description), then
 * the declared outputs: each scalar and each table with its columns.
 */
export async function paramsCommand(options: ParamsOptions, effects: Effects = fileEffects): Promise<number> {
  const {registry, content} = await loadProject(options.root, options.profile, effects);
  const experiment = content.experiments.find((e) => e.id === options.target);
  const pipelineId = experiment?.pipeline ?? options.target;
  const pipeline = registry.pipelines[pipelineId];
  if (!pipeline) {
    throw new CliError(
      `${options.target} is neither an experiment nor a pipeline (see orthogonal list)`,
      ExitCode.usage
    );
  }
  const show = (value: ParamValue) => (Array.isArray(value) ? value.join(",") : String(value));
  const rows = Object.entries(pipeline.params as ParamSpecs).map(([name, spec]) => {
    const sweep = experiment?.sweep.find((s) => s.name === name);
    const value = !experiment
      ? ""
      : sweep
        ? `sweep ${sweep.values.map(show).join(" | ")}`
        : show(experiment.params[name]);
    return [name, spec.type, describeParam(spec), show(spec.default), value, spec.description];
  });
  const header = ["name", "type", "allowed", "default", experiment ? `value (${options.profile})` : "", "description"];
  const columns = experiment ? [0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 5];
  const widths = columns.map((c) => Math.max(...[header, ...rows].map((row) => row[c].length)));
  const line = (row: string[]) =>
    columns
      .map((c, i) => (i === columns.length - 1 ? row[c] : row[c].padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  effects.log(
    experiment
      ? `${experiment.id}: pipeline ${pipelineId} — ${pipeline.description}`
      : `${pipelineId}: ${pipeline.description}`
  );
  effects.log(line(header));
  for (const row of rows) effects.log(line(row));
  for (const text of outputLines(pipeline.outputs)) effects.log(text);
  return ExitCode.ok;
}

/** The outputs section: scalars, then each table with its columns indented below it. */
function outputLines(outputs: Outputs): string[] {
  const entries = (record: Readonly<Record<string, string | ConditionalScalar>>, indent: string) => {
    const width = Math.max(0, ...Object.keys(record).map((name) => name.length));
    return Object.entries(record).map(([name, entry]) => `${indent}${name.padEnd(width)}  ${describeOutput(entry)}`);
  };
  const names = [outputs.scalars, outputs.tables, ...Object.values(outputs.tables).map((t) => t.columns)].flatMap(
    (record) => Object.keys(record)
  );
  const note = names.some((name) => name.includes("{"))
    ? " ({…} in a name: a part that depends on the parameters)"
    : "";
  const lines = ["", `Outputs${note}:`, "scalars:"];
  lines.push(...(Object.keys(outputs.scalars).length ? entries(outputs.scalars, "  ") : ["  none"]));
  lines.push(`tables:${Object.keys(outputs.tables).length ? "" : " none"}`);
  for (const [name, table] of Object.entries(outputs.tables)) {
    lines.push(`  ${name}  ${describeOutput(table)}`, ...entries(table.columns, "    "));
  }
  return lines;
}

function describeOutput(entry: string | {description: string; when?: string}): string {
  if (typeof entry === "string") return entry;
  return entry.when === undefined ? entry.description : `${entry.description} (only when ${entry.when})`;
}

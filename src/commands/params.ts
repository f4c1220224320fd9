// `orthogonal params`: the parameters of a pipeline or an experiment, from the pipeline's own declarations.
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {loadProject} from "../build/project.js";
import {CliError, ExitCode} from "../contract/error.js";
import {describeParam} from "../contract/params.js";
import type {ParamSpecs, ParamValue} from "../contract/params.js";

/** Options of `orthogonal params`. */
export interface ParamsOptions {
  root: string;
  profile: string;
  /** An experiment id or a pipeline id. */
  target: string;
}

/** Prints every parameter: name, type, allowed values, default, the experiment's value (or sweep) and description. */
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
  return ExitCode.ok;
}

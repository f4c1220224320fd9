// The parameter points `orthogonal run` computes: the experiment's (or the pipeline's default) parameters, with
// `--set key=value` overrides, crossed with every `--sweep key=v1,v2,…` (the first sweep varies slowest).
import type {Experiment} from "../contract/content.js";
import {CliError, ExitCode} from "../contract/error.js";
import {defaultParams, describeParam, parseParam} from "../contract/params.js";
import type {ParamSpec, ParamSpecs, ParamValue} from "../contract/params.js";

/** The grid of a run: the names swept on the command line and one full parameter set per point. */
export interface RunGrid {
  swept: string[];
  points: Record<string, ParamValue>[];
}

/**
 * Resolves `--set` and `--sweep` flags against a pipeline's declarations; throws a usage error naming the flag and
 * what was expected (with the declared range) for an unknown key, a bad value or a key given twice.
 */
export function runGrid(
  specs: ParamSpecs,
  experiment: Experiment | undefined,
  sets: readonly string[],
  sweeps: readonly string[]
): RunGrid {
  const params: Record<string, ParamValue> = experiment ? {...experiment.params} : defaultParams(specs);
  for (const {name, values} of experiment?.sweep ?? []) params[name] = values[0];
  const given = new Set<string>();
  for (const assignment of sets) {
    const {name, spec, text} = splitAssignment(specs, "--set", assignment, given);
    params[name] = parseValue(spec, "--set", assignment, name, text);
  }
  let points = [params];
  const swept: string[] = [];
  for (const assignment of sweeps) {
    const {name, spec, text} = splitAssignment(specs, "--sweep", assignment, given);
    if (spec.type === "numbers") {
      throw new CliError(
        `--sweep ${assignment}: ${name} is a list parameter; give one list with --set`,
        ExitCode.usage
      );
    }
    const values = text.split(",").map((value) => parseValue(spec, "--sweep", assignment, name, value));
    if (new Set(values).size !== values.length) {
      throw new CliError(`--sweep ${assignment}: a value is repeated`, ExitCode.usage);
    }
    swept.push(name);
    points = points.flatMap((point) => values.map((value) => ({...point, [name]: value})));
  }
  return {swept, points};
}

function splitAssignment(
  specs: ParamSpecs,
  flag: string,
  assignment: string,
  given: Set<string>
): {name: string; spec: ParamSpec; text: string} {
  const eq = assignment.indexOf("=");
  const name = assignment.slice(0, eq).trim();
  const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
  if (eq < 1 || !spec) {
    const form = flag === "--sweep" ? "key=v1,v2,…" : "key=value";
    throw new CliError(
      `${flag} ${assignment}: expected ${form} with key one of ${Object.keys(specs).join(", ")}`,
      ExitCode.usage
    );
  }
  if (given.has(name)) throw new CliError(`${flag} ${assignment}: ${name} is given twice`, ExitCode.usage);
  given.add(name);
  return {name, spec, text: assignment.slice(eq + 1)};
}

function parseValue(spec: ParamSpec, flag: string, assignment: string, name: string, text: string): ParamValue {
  try {
    return parseParam(spec, text);
  } catch (error) {
    throw new CliError(
      `${flag} ${assignment}: ${(error as Error).message} (${name}: ${describeParam(spec)})`,
      ExitCode.usage
    );
  }
}

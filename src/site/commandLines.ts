// The commands that reproduce what a page shows: the build of one experiment, and `orthogonal run` at each of
// its points with every parameter spelled out (so the command is exact whatever the profile).
import type {Experiment} from "../contract/content.js";
import type {ParamValue} from "../contract/params.js";
import {formatParam} from "./html.js";

/** `npx orthogonal build --only <experiment>`. */
export function buildCommandLine(experiment: Experiment): string {
  return `npx orthogonal build --only ${experiment.id}`;
}

/** `npx orthogonal run <experiment> --set k=v … --seed S --json` for one point and seed. */
export function runCommandLine(experiment: Experiment, params: Record<string, ParamValue>, seed: number): string {
  const sets = Object.entries(params).map(([name, value]) => `--set ${name}=${shellWord(formatParam(value))}`);
  return ["npx orthogonal run", experiment.id, ...sets, `--seed ${seed}`, "--json"].join(" ");
}

function shellWord(text: string): string {
  return /^[\w.,+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

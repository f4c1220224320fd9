// `orthogonal build`: computes every declared experiment (cached), checks the claims, writes figures, tables and
// the site, and prints the report.
import {build} from "../build/build.js";
import type {BuildOptions, BuildReport} from "../build/build.js";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {ExitCode} from "../contract/error.js";
import {createProgress} from "./progress.js";
import {formatReport} from "./report.js";

/** Options of `orthogonal build` and `orthogonal check`. */
export type BuildCommandOptions = Omit<BuildOptions, "progress" | "publish">;

/** Runs a build with a progress bar on stderr, prints its report on stdout and returns the exit code. */
export async function buildCommand(options: BuildCommandOptions, effects: Effects = fileEffects): Promise<number> {
  return runAndReport({...options, publish: true}, effects);
}

/** Builds (publishing or not), prints the report and maps it to an exit code. */
export async function runAndReport(
  options: BuildCommandOptions & {publish: boolean},
  effects: Effects
): Promise<number> {
  const report = await build({...options, progress: createProgress()}, effects);
  effects.log(formatReport(report).trimEnd());
  return exitCode(report);
}

/** 4 when a pipeline failed, 5 when a claim failed, 0 otherwise. */
export function exitCode(report: BuildReport): number {
  if (report.failures.length > 0) return ExitCode.pipeline;
  if (report.claims.some((claim) => !claim.passed)) return ExitCode.claims;
  return ExitCode.ok;
}

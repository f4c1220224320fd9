// `orthogonal check`: computes what the cache lacks and evaluates every claim, without writing figures or the site.
import {build} from "../build/build.js";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {exitCode, runAndReport} from "./build.js";
import type {BuildCommandOptions} from "./build.js";
import {createProgress} from "./progress.js";

/** Checks every claim; returns 5 when one fails (4 when a pipeline fails). With `json`, prints the claim results. */
export async function checkCommand(
  options: BuildCommandOptions & {json?: boolean},
  effects: Effects = fileEffects
): Promise<number> {
  const {json, ...buildOptions} = options;
  if (!json) return runAndReport({...buildOptions, publish: false}, effects);
  const report = await build({...buildOptions, publish: false, progress: createProgress()}, effects);
  effects.log(
    JSON.stringify(
      {
        claims: report.claims,
        failures: report.failures,
        computed: report.computed,
        cached: report.cached,
        passed: report.claims.filter((c) => c.passed).length,
        failed: report.claims.filter((c) => !c.passed).length
      },
      null,
      1
    )
  );
  return exitCode(report);
}

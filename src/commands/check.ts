// `orthogonal check`: computes what the cache lacks and evaluates every claim, without writing figures or the site.
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {runAndReport} from "./build.js";
import type {BuildCommandOptions} from "./build.js";

/** Checks every claim; returns 5 when one fails (4 when a pipeline fails). */
export async function checkCommand(options: BuildCommandOptions, effects: Effects = fileEffects): Promise<number> {
  return runAndReport({...options, publish: false}, effects);
}

// The task times that earlier builds measured, kept in the cache folder (times.json) and used to balance shards.
// A task's time is keyed by what it computes (pipeline, params, seed), not by its cache key, so that an edit to a
// pipeline's source, which invalidates its entries, keeps the times for the next, sharded, rebuild.
import {join} from "node:path";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256, stableStringify} from "./hash.js";
import type {Task} from "./runner.js";

/** What times.json holds: task time key → milliseconds, and the typical start-up of a build before its first task. */
export interface TaskTimes {
  /** Milliseconds from the start of a build process to the start of its first computed task. */
  startupMs?: number;
  tasks: Record<string, number>;
}

/** The key of a task's recorded time: SHA-256 of its pipeline, params and seed. */
export function timeKey(task: Task): string {
  return sha256(stableStringify({pipeline: task.pipeline, params: task.params, seed: task.seed}));
}

/** The path of the times file of a cache folder. */
export function timesPath(cacheDir: string): string {
  return join(cacheDir, "times.json");
}

/** Reads the recorded task times of a cache folder (empty when there are none or the file is damaged). */
export function readTaskTimes(cacheDir: string, effects: Effects = fileEffects): TaskTimes {
  try {
    const parsed = JSON.parse(readText(effects, timesPath(cacheDir)) ?? "{}") as Partial<TaskTimes>;
    const tasks: Record<string, number> = {};
    for (const [key, ms] of Object.entries(parsed.tasks ?? {}))
      if (typeof ms === "number" && Number.isFinite(ms) && ms >= 0) tasks[key] = ms;
    const startupMs =
      typeof parsed.startupMs === "number" && Number.isFinite(parsed.startupMs) ? parsed.startupMs : undefined;
    return startupMs === undefined ? {tasks} : {startupMs, tasks};
  } catch {
    return {tasks: {}};
  }
}

/**
 * Merges newly measured times into times.json (new values win), written atomically with sorted keys and whole
 * milliseconds, so that equal measurements give equal bytes. Returns false when nothing changed.
 */
export function recordTaskTimes(
  cacheDir: string,
  measured: Map<string, number>,
  startupMs?: number,
  effects: Effects = fileEffects
): boolean {
  if (measured.size === 0 && startupMs === undefined) return false;
  const times = readTaskTimes(cacheDir, effects);
  for (const [key, ms] of measured) times.tasks[key] = ms;
  if (startupMs !== undefined) times.startupMs = startupMs;
  return writeTaskTimes(cacheDir, times, effects);
}

/** Writes times.json: sorted keys, whole milliseconds. Returns false when the file already had these bytes. */
export function writeTaskTimes(cacheDir: string, times: TaskTimes, effects: Effects = fileEffects): boolean {
  const tasks = Object.fromEntries(
    Object.keys(times.tasks)
      .sort()
      .map((key) => [key, Math.round(times.tasks[key])])
  );
  const record = times.startupMs === undefined ? {tasks} : {startupMs: Math.round(times.startupMs), tasks};
  return effects.write(timesPath(cacheDir), `${JSON.stringify(record, null, 1)}\n`);
}

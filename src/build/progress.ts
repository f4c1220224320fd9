// Build progress: the events a build reports (the terminal bar of the orthogonal command receives them).

/** Receives progress events from the build. */
export interface Progress {
  start(total: number): void;
  /** A task began; `label` names the experiment (and sweep point). */
  running(label: string): void;
  /** A task finished (computed or from the cache). */
  tick(): void;
  /** An experiment has all its results; `line` describes it. */
  finished(line: string): void;
  stop(): void;
}

/** Progress that prints nothing (tests, `run --json`). */
export const silentProgress: Progress = {start() {}, running() {}, tick() {}, finished() {}, stop() {}};

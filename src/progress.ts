// Build progress: a live bar on a terminal (done/total, what is running, elapsed time), and one plain line
// per finished experiment otherwise (CI logs).
import {MultiBar} from "cli-progress";
import type {SingleBar} from "cli-progress";

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

/** A progress reporter suited to `stream`: a bar on a TTY, plain lines otherwise. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

/** Progress that prints nothing (tests, `run --json`). */
export const silentProgress: Progress = {start() {}, running() {}, tick() {}, finished() {}, stop() {}};

class LineProgress implements Progress {
  private done = 0;
  private total = 0;
  constructor(private readonly stream: NodeJS.WritableStream) {}
  start(total: number) {
    this.total = total;
  }
  running() {}
  tick() {
    ++this.done;
  }
  finished(line: string) {
    this.stream.write(`[${this.done}/${this.total}] ${line}\n`);
  }
  stop() {}
}

class BarProgress implements Progress {
  private readonly bars: MultiBar;
  private bar: SingleBar | undefined;
  private readonly active: string[] = [];
  constructor(stream: NodeJS.WriteStream) {
    this.bars = new MultiBar({
      stream,
      format: "{bar} {value}/{total} tasks | {duration_formatted} | {running}",
      barsize: 24,
      barCompleteChar: "█",
      barIncompleteChar: "░",
      hideCursor: true,
      clearOnComplete: true
    });
  }
  start(total: number) {
    this.bar = this.bars.create(total, 0, {running: ""});
  }
  running(label: string) {
    this.active.push(label);
    this.bar?.update({running: label});
  }
  tick() {
    this.active.shift();
    this.bar?.increment(1, {running: this.active.at(-1) ?? ""});
  }
  finished(line: string) {
    // Printed above the bar at its next redraw.
    this.bars.log(`${line}\n`);
  }
  stop() {
    this.bars.update(); // flush the lines logged since the last redraw
    this.bars.stop();
  }
}

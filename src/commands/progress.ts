// Build progress on the terminal: a live bar (done/total, what is running, elapsed time), and one plain line
// per finished experiment otherwise (CI logs).
import {MultiBar} from "cli-progress";
import type {SingleBar} from "cli-progress";
import type {Progress} from "../build/progress.js";

/** A progress reporter suited to `stream`: a bar on a TTY, plain lines otherwise. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

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

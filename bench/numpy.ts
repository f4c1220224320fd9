// The numpy peer of the benchmarks (`npm run bench -- --numpy`): times the same operations on the same seeded inputs
// in numpy (and scipy, when importable) in a child Python process, single-threaded, interleaved with our runs so
// that both sides see the same machine load, and collects the ratios for a closing summary.
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Matrix} from "../src/linalg/matrix.js";

/** Whether `--numpy` was given. */
export const numpyRequested = process.argv.includes("--numpy");

/** A Python interpreter with numpy (and whether it has scipy). */
export interface NumpyPeer {
  python: string;
  scipy: boolean;
  description: string;
}

/** One operation timed on both sides, repetition by repetition. */
export interface PeerTiming {
  /** Median of our times, ms. */
  ours: number;
  /** Median of numpy's times, ms. */
  numpy: number;
  /** Median over repetitions of ours/numpy measured back to back. */
  ratio: number;
  /** Smallest and largest ratio over the repetitions (the noise). */
  spread: [number, number];
}

interface SummaryRow {
  label: string;
  timing: PeerTiming;
  goal: number;
  peer: string;
}

const script = fileURLToPath(new URL("numpyPeer.py", import.meta.url));
const summary: SummaryRow[] = [];
let peer: NumpyPeer | null | undefined;
let scratch: string | undefined;

/** The numpy peer, found on first use (null, after saying so once, when no Python with numpy is available). */
export function numpyPeer(): NumpyPeer | null {
  if (!numpyRequested) return null;
  if (peer !== undefined) return peer;
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3", "python"].filter(
    (x): x is string => typeof x === "string" && x.length > 0
  );
  const found: NumpyPeer[] = [];
  for (const python of candidates) {
    const result = spawnSync(python, [script, "info"], {env: peerEnvironment(), encoding: "utf8"});
    if (result.status !== 0) continue;
    const info = JSON.parse(result.stdout) as {
      numpy: string;
      python: string;
      scipy: string | null;
      blas: {internal_api?: string; version?: string; architecture?: string; num_threads?: number}[] | null;
    };
    const blas = (info.blas ?? [])
      .map((b) => [b.internal_api, b.version, b.architecture, b.num_threads && `${b.num_threads} thread(s)`])
      .map((parts) => parts.filter(Boolean).join(" "))
      .join(", ");
    found.push({
      python,
      scipy: info.scipy !== null,
      description:
        `Python ${info.python}, numpy ${info.numpy}${info.scipy ? `, scipy ${info.scipy}` : ", no scipy"}` +
        `${blas ? `, BLAS: ${blas}` : ""}; OPENBLAS_NUM_THREADS=1`
    });
  }
  peer = found.find((p) => p.scipy) ?? found[0] ?? null;
  console.log(
    peer === null
      ? "numpy peer: no Python with numpy found (tried " + candidates.join(", ") + "); numpy columns are left out"
      : `numpy peer: ${peer.python} (${peer.description})`
  );
  return peer;
}

/**
 * Times `ours` and numpy's `op` on `inputs` alternately, `repetitions` times (each side warmed up first), and
 * returns the medians and the ratios; null without a numpy peer.
 */
export function versusNumpy(op: string, inputs: Matrix[], ours: () => unknown, repetitions = 3): PeerTiming | null {
  const python = numpyPeer();
  if (python === null) return null;
  scratch ??= mkdtempSync(join(tmpdir(), "orthogonal-bench-"));
  const specs = inputs.map((A, i) => {
    const file = join(scratch!, `${op}-${i}.f64`);
    writeFileSync(file, new Uint8Array(A.data.buffer, A.data.byteOffset, A.data.byteLength));
    return `${file}:${A.rows}:${A.cols}`;
  });
  ours();
  const oursMs: number[] = [];
  const numpyMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < repetitions; ++r) {
    const start = performance.now();
    ours();
    const mine = performance.now() - start;
    const theirs = numpyTime(python.python, op, specs);
    oursMs.push(mine);
    numpyMs.push(theirs);
    ratios.push(mine / theirs);
  }
  return {
    ours: median(oursMs),
    numpy: median(numpyMs),
    ratio: median(ratios),
    spread: [Math.min(...ratios), Math.max(...ratios)]
  };
}

/** Records a timing for the closing summary, with its goal (ours/numpy at most `goal`). */
export function recordGoal(label: string, timing: PeerTiming | null, goal: number, peerName = "numpy"): void {
  if (timing !== null) summary.push({label, timing, goal, peer: peerName});
}

/** The text "numpy 12.3 ms | 1.45× numpy (1.3–1.6)" for a line of a benchmark, or "" without a peer. */
export function numpyColumn(timing: PeerTiming | null, peerName = "numpy"): string {
  if (timing === null) return "";
  const [lo, hi] = timing.spread;
  return (
    ` | ${peerName} ${timing.numpy.toFixed(1).padStart(7)} ms, ours ${timing.ours.toFixed(1).padStart(7)} ms: ` +
    `${timing.ratio.toFixed(2)}× ${peerName} (${lo.toFixed(2)}–${hi.toFixed(2)})`
  );
}

/** Prints the goals table (and removes the scratch files). */
export function printNumpySummary(): void {
  if (scratch !== undefined) rmSync(scratch, {recursive: true, force: true});
  if (!numpyRequested) return;
  if (peer === null || summary.length === 0) {
    console.log("\nnumpy peer unavailable: no ratios to numpy");
    return;
  }
  console.log("\n# ratios to numpy (ours/numpy, single thread, median of interleaved repetitions; range = noise)");
  console.log(`${"case".padEnd(44)} ${"ours ms".padStart(9)} ${"peer ms".padStart(9)}  ratio (range)       goal`);
  for (const {label, timing, goal, peer: name} of summary) {
    const [lo, hi] = timing.spread;
    const met = timing.ratio <= goal ? "met" : "MISSED";
    console.log(
      `${label.padEnd(44)} ${timing.ours.toFixed(1).padStart(9)} ${timing.numpy.toFixed(1).padStart(9)}  ` +
        `${`${timing.ratio.toFixed(2)}× (${lo.toFixed(2)}–${hi.toFixed(2)})`.padEnd(19)} ≤ ${goal}× ${name}: ${met}`
    );
  }
}

// Runs numpy's `op` once after a warm-up in a fresh child; returns its time in ms.
function numpyTime(python: string, op: string, specs: string[]): number {
  const result = spawnSync(python, [script, op, "1", ...specs], {
    env: peerEnvironment(),
    encoding: "utf8",
    maxBuffer: 1 << 20
  });
  if (result.status !== 0) throw new Error(`numpy peer failed on ${op}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as {ms: number[]}).ms[0];
}

// The child's environment: one BLAS thread, and none of the OpenBLAS core-type or cache-size overrides.
function peerEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENBLAS_NUM_THREADS: "1",
    OMP_NUM_THREADS: "1",
    MKL_NUM_THREADS: "1"
  };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Timing for the benchmarks: one warm-up call, then the median wall time of several runs.

/** Runs `run` once to warm up, then `runs` more times; returns the median time in ms and the last value. */
export function medianTime<T>(run: () => T, runs: number): {ms: number; value: T} {
  let value = run();
  const samples: number[] = [];
  for (let r = 0; r < runs; ++r) {
    const start = performance.now();
    value = run();
    samples.push(performance.now() - start);
  }
  samples.sort((x, y) => x - y);
  return {ms: samples[Math.floor(runs / 2)], value};
}

// The ceiling of the 128-bit WebAssembly SIMD the kernels are written in: GFLOP/s of f64x2 multiplies and adds with no
// memory traffic, compiled like the kernels (AssemblyScript, -O3, SIMD). A product kernel without fused multiply–add
// cannot beat it; the gemm benchmark reports its rate against it.
import {join} from "node:path";
import {compileAssemblyScript} from "../src/build/compileAssemblyScript.js";
import {packageRoot} from "../src/build/project.js";
import {kernelFeatures} from "../src/linalg/kernels.js";
import {webAssembly} from "../src/linalg/webAssembly.js";

// Five chains of multiplies and five of adds. Two ports for each operation with a latency of 3–4 cycles want six or
// more chains, but V8 keeps about 12 vector values in registers: at six chains (12 accumulators plus 2 constants) it
// spills and the rate halves, at three to five it is within 15% of the best (the same limit that keeps the gemm
// micro-kernel at 4×4, 8 accumulators).
const chains = 5;
const lines = (f: (c: number) => string) => Array.from({length: chains}, (_, c) => f(c)).join("\n");
const source = `
export function probe(steps: i32, seed: f64): f64 {
${lines((c) => `  let m${c} = f64x2.splat(seed + ${c});\n  let a${c} = f64x2.splat(seed - ${c});`)}
  const x = f64x2.splat(seed * 1e-9);
  const y = f64x2.splat(1 - seed * 1e-12);
  for (let i = 0; i < steps; i++) {
${lines((c) => `    m${c} = f64x2.mul(m${c}, y);\n    a${c} = f64x2.add(a${c}, x);`)}
  }
  let t = f64x2.splat(0);
${lines((c) => `  t = f64x2.add(t, f64x2.add(m${c}, a${c}));`)}
  return f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
}
`;

/** GFLOP/s of independent f64x2 multiplies and adds (2 flops each), best of five runs of about 0.1 s. */
export function simdPeakGflops(): number {
  const {binary} = compileAssemblyScript(source, {
    cacheDir: join(packageRoot, ".cache", "wasm"),
    name: "simdPeak",
    enable: kernelFeatures
  });
  const {probe} = new webAssembly.Instance(new webAssembly.Module(binary)).exports as unknown as {
    probe(steps: number, seed: number): number;
  };
  const steps = 2_000_000;
  for (let call = 0; call < 50; ++call) probe(steps / 1000, 1); // until V8 has compiled it with TurboFan
  let best = 0;
  for (let run = 0; run < 5; ++run) {
    const start = performance.now();
    probe(steps, run + 1);
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, (steps * chains * 2 * 2 * 2) / seconds / 1e9);
  }
  return best;
}

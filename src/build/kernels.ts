// Prepares linalg's WebAssembly kernels in the current thread: compiles their AssemblyScript sources (binaries
// cached in <package>/.cache/wasm by content hash) and installs the bytes. Called at worker start, by `orthogonal
// run`, by the benchmarks and by the test setup, before any pipeline runs.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {installKernels, kernelFeatures, kernelSources, kernelsInstalled} from "../linalg/kernels.js";
import type {KernelName} from "../linalg/kernels.js";
import {compileAssemblyScript} from "./compileAssemblyScript.js";
import {packageRoot} from "./project.js";

/** Where compiled kernel binaries are cached. */
export const wasmCacheDir = join(packageRoot, ".cache", "wasm");

/** Compiles every kernel (or loads it from the cache) and returns the binaries by name. */
export function compileKernels(cacheDir: string = wasmCacheDir): Record<KernelName, Uint8Array> {
  const entries = (Object.keys(kernelSources) as KernelName[]).map((name) => {
    const source = readFileSync(kernelSources[name], "utf8");
    return [name, compileAssemblyScript(source, {cacheDir, name, enable: kernelFeatures}).binary] as const;
  });
  return Object.fromEntries(entries) as Record<KernelName, Uint8Array>;
}

/** Installs the compiled kernels in this thread, once. */
export function prepareKernels(cacheDir: string = wasmCacheDir): void {
  if (!kernelsInstalled()) installKernels(compileKernels(cacheDir));
}

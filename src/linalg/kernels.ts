// The WebAssembly kernels of linalg: their AssemblyScript sources, and the compiled binaries the engine installs.
// Compiling needs the AssemblyScript compiler (a child process and a file cache), so it happens in the engine, at
// worker or build start (src/build/kernels.ts); linalg only instantiates the bytes it is given.
import {webAssembly} from "./webAssembly.js";
import type {WasmModule} from "./webAssembly.js";

/**
 * The AssemblyScript source of each kernel. Referenced with `new URL(…, import.meta.url)`, so a kernel's source is
 * part of the source closure (and so of the cache key) of every pipeline that uses linalg.
 */
export const kernelSources = {
  gemmKernel: new URL("./gemmKernel.as", import.meta.url),
  reductionKernel: new URL("./reductionKernel.as", import.meta.url)
} as const;

/** A kernel's name, e.g. "gemmKernel". */
export type KernelName = keyof typeof kernelSources;

/** The WebAssembly features the kernels are compiled with, beyond the compiler's defaults. */
export const kernelFeatures: readonly string[] = ["simd"];

const modules = new Map<KernelName, WasmModule>();

/** Installs compiled kernel binaries (each validated and compiled once); later calls replace earlier ones. */
export function installKernels(binaries: Readonly<Record<KernelName, Uint8Array>>): void {
  for (const name of Object.keys(kernelSources) as KernelName[]) {
    const bytes = binaries[name];
    if (!bytes || !webAssembly.validate(bytes))
      throw new Error(`installKernels: ${name} is missing or not valid WebAssembly`);
    modules.set(name, new webAssembly.Module(bytes));
  }
}

/** Whether the kernels have been installed in this thread. */
export function kernelsInstalled(): boolean {
  return modules.size === Object.keys(kernelSources).length;
}

/** Returns a function that instantiates the installed kernel `name` and returns its exports. */
export function kernelInstantiator<T>(name: KernelName): () => T {
  return () => {
    const module = modules.get(name);
    if (!module) {
      throw new Error(
        `linalg: the WebAssembly kernel ${name} is not installed; the engine installs the compiled kernels at worker ` +
          "start (installKernels), and tests load test/setup.ts"
      );
    }
    return new webAssembly.Instance(module).exports as unknown as T;
  };
}

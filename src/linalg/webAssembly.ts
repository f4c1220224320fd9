// Typed access to the part of the WebAssembly JavaScript API that the kernels use (lib ES2022 and @types/node
// declare none of it).

/** A compiled WebAssembly module. */
export interface WasmModule {
  readonly __wasmModule: never;
}

/** A linear memory: `buffer` is replaced (and the old one detached) whenever the memory grows. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grows by `pages` 64 KiB pages; returns the previous size in pages. */
  grow(pages: number): number;
}

/** An instantiated module. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** The global `WebAssembly` namespace, as far as used here. */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  /** Compiles synchronously. */
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports?: Record<string, Record<string, unknown>>) => WasmInstance;
}

/** The runtime's `WebAssembly` namespace. */
export const webAssembly = (globalThis as unknown as {WebAssembly: WasmApi}).WebAssembly;

/** Size of a WebAssembly memory page in bytes. */
export const wasmPageBytes = 65536;

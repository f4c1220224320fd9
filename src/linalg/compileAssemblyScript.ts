// Compiles AssemblyScript to WebAssembly (synchronously, in a child process), caching binaries by content hash.
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {writeFileAtomic} from "../build/atomicWrite.js";
import {sha256, stableStringify} from "../build/hash.js";
import type {WasmModule} from "./webAssembly.js";
import {webAssembly} from "./webAssembly.js";

/** Where and under what name compileAssemblyScript caches a binary, and which WebAssembly features it may use. */
export interface CompileOptions {
  /** The cache folder (created when missing), e.g. "<root>/.cache/wasm". */
  cacheDir: string;
  /** The file-name stem of the cached binary, e.g. "gemmKernel". */
  name: string;
  /** WebAssembly features to enable beyond asc's defaults, e.g. ["simd"]. */
  enable?: readonly string[];
}

/** A compiled module, and whether its binary came from the cache. */
export interface CompileResult {
  module: WasmModule;
  cached: boolean;
  /** The cache file: `${cacheDir}/${name}-${hash}.wasm`. */
  path: string;
}

const child = fileURLToPath(new URL("./compileAssemblyScript.child.js", import.meta.url));

/**
 * Compiles AssemblyScript `source` (optimised, stub runtime, assertions off) into a WebAssembly module.
 * The binary is cached as `${cacheDir}/${name}-${hash}.wasm`, where the hash covers the source, the compiler
 * version and the options, so any change compiles afresh. A cached file that does not validate is recompiled
 * and replaced; the cache is written atomically (temp file, then rename), and a cache folder that cannot be
 * written only costs a recompilation next time. The compiler (assemblyscript's asc) runs in a child Node
 * process, so this call is synchronous: about a second when compiling, milliseconds on a cache hit.
 */
export function compileAssemblyScript(source: string, {cacheDir, name, enable = []}: CompileOptions): CompileResult {
  const options = {optimizeLevel: 3, shrinkLevel: 0, runtime: "stub", noAssert: true, enable: [...enable]};
  const hash = sha256(stableStringify({source, compiler: ascVersion(), options})).slice(0, 16);
  const path = join(cacheDir, `${name}-${hash}.wasm`);
  const cachedBinary = readValidBinary(path);
  if (cachedBinary) return {module: new webAssembly.Module(cachedBinary), cached: true, path};
  const binary = runCompiler(name, source, options);
  try {
    writeFileAtomic(path, binary);
  } catch {
    // An unwritable cache is not an error: the module compiled and the next process compiles again.
  }
  return {module: new webAssembly.Module(binary), cached: false, path};
}

function runCompiler(name: string, source: string, options: object): Uint8Array {
  // Without NODE_OPTIONS, the child does not load a TypeScript loader registered there.
  const {NODE_OPTIONS: _, ...env} = process.env;
  const result = spawnSync(process.execPath, [child], {
    input: JSON.stringify({name, source, options}),
    env,
    maxBuffer: 256 * 1024 * 1024
  });
  if (result.error) throw new Error(`compileAssemblyScript: cannot run the compiler: ${result.error.message}`);
  if (result.status !== 0 || !webAssembly.validate(result.stdout)) {
    throw new Error(`compileAssemblyScript: ${name} failed to compile\n${result.stderr.toString()}`);
  }
  return result.stdout;
}

function ascVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("assemblyscript/package.json") as {version: string}).version;
}

function readValidBinary(path: string): Uint8Array | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  return webAssembly.validate(bytes) ? bytes : undefined;
}

/**
 * The folder holding compiled kernel binaries: `.cache/wasm/` at the project root. (Built with join, not as a
 * `new URL(…, import.meta.url)`, which the source hashing would follow into the cache.)
 */
const wasmCacheDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", ".cache", "wasm");

/**
 * Returns a function that instantiates the SIMD AssemblyScript kernel at `source` (compiled at most once per
 * process, its binary cached in .cache/wasm under `name`) and returns its exports.
 */
export function kernelInstantiator<T>(source: URL, name: string): () => T {
  let module: WasmModule | undefined;
  return () => {
    module ??= compileAssemblyScript(readFileSync(source, "utf8"), {cacheDir: wasmCacheDir, name, enable: ["simd"]}).module;
    return new webAssembly.Instance(module).exports as unknown as T;
  };
}

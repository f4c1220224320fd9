// Compiles AssemblyScript to WebAssembly (synchronously, in a child process), caching binaries by content hash.
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {webAssembly} from "../linalg/webAssembly.js";
import {writeFileAtomic} from "./effects.js";
import {sha256, stableStringify} from "./hash.js";

/** Where and under what name compileAssemblyScript caches a binary, and which WebAssembly features it may use. */
export interface CompileOptions {
  /** The cache folder (created when missing), e.g. "<root>/.cache/wasm". */
  cacheDir: string;
  /** The file-name stem of the cached binary, e.g. "gemmKernel". */
  name: string;
  /** WebAssembly features to enable beyond asc's defaults, e.g. ["simd"]. */
  enable?: readonly string[];
}

/** A compiled binary (validated), and whether it came from the cache. */
export interface CompileResult {
  binary: Uint8Array;
  cached: boolean;
  /** The cache file: `${cacheDir}/${name}-${hash}.wasm`. */
  path: string;
}

const child = fileURLToPath(new URL("./compileAssemblyScript.child.js", import.meta.url));

/**
 * Compiles AssemblyScript `source` (optimised, stub runtime, assertions off) into a WebAssembly binary.
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
  if (cachedBinary) return {binary: cachedBinary, cached: true, path};
  const binary = runCompiler(name, source, options);
  try {
    writeFileAtomic(path, binary);
  } catch {
    // An unwritable cache is not an error: the module compiled and the next process compiles again.
  }
  return {binary, cached: false, path};
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

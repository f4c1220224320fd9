// The random source every pipeline receives: a seeded xoshiro256** stream with named sub-streams.
// A sub-stream's state is SHA-256(root seed, path), so adding a draw in one stage never shifts another,
// and results do not depend on which worker runs what.
import {createHash} from "node:crypto";
import {Xoshiro256} from "./xoshiro256.js";

/** A seeded random source. All draws are deterministic functions of (seed, path, call order). */
export interface Rng {
  /** The seed this stream descends from. */
  readonly seed: number;
  /** Slash-separated names of the forks leading here ("" for the root). */
  readonly path: string;
  /** An independent stream named `name` below this one; the same name always gives the same stream. */
  fork(name: string): Rng;
  /** A double uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** A uniform integer in [0, n), without modulo bias. */
  integer(n: number): number;
  /** A standard normal variate (Box–Muller, cosine branch; two uniforms per draw). */
  normal(): number;
  /** n standard normal variates, using both Box–Muller outputs of each pair of uniforms. */
  normals(n: number): Float64Array;
  /** −1 or +1 with equal probability. */
  rademacher(): number;
  /** The next raw 64-bit output as [hi, lo] uint32 halves (for tests against the reference generator). */
  next64(): [number, number];
}

/** Creates the root stream for an integer seed (0 ≤ seed < 2^53). */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`createRng: seed must be a non-negative safe integer, got ${seed}`);
  return new StreamRng(seed, "");
}

class StreamRng implements Rng {
  private readonly generator: Xoshiro256;

  constructor(
    readonly seed: number,
    readonly path: string
  ) {
    this.generator = new Xoshiro256(stateFor(seed, path));
  }

  fork(name: string): Rng {
    if (name === "" || name.includes("/")) throw new Error(`rng.fork: invalid stream name ${JSON.stringify(name)}`);
    return new StreamRng(this.seed, this.path === "" ? name : `${this.path}/${name}`);
  }

  uniform(): number {
    return this.generator.nextDouble();
  }

  integer(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0 || n > 4294967296)
      throw new Error(`rng.integer: n must be in [1, 2^32], got ${n}`);
    // Lemire-style rejection on 32-bit draws: accept x < 2^32 − (2^32 mod n).
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const x = this.generator.nextPair();
      if (x < limit) return x % n;
    }
  }

  normal(): number {
    const u1 = 1 - this.generator.nextDouble(); // (0, 1]: log is finite
    const u2 = this.generator.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  normals(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i += 2) {
      const u1 = 1 - this.generator.nextDouble();
      const u2 = this.generator.nextDouble();
      const radius = Math.sqrt(-2 * Math.log(u1));
      const angle = 2 * Math.PI * u2;
      out[i] = radius * Math.cos(angle);
      if (i + 1 < n) out[i + 1] = radius * Math.sin(angle);
    }
    return out;
  }

  rademacher(): number {
    return this.generator.nextPair() & 1 ? 1 : -1;
  }

  next64(): [number, number] {
    const lo = this.generator.nextPair();
    return [this.generator.hi, lo];
  }
}

// 256 bits of state from SHA-256 of the seed and the stream path.
function stateFor(seed: number, path: string): Uint32Array {
  const digest = createHash("sha256").update(`orthogonal/xoshiro256**/${seed}/${path}`).digest();
  const state = new Uint32Array(8);
  for (let i = 0; i < 8; ++i) state[i] = digest.readUInt32BE(4 * i);
  if (state.every((x) => x === 0)) state[7] = 1; // unreachable in practice; the all-zero state is invalid
  return state;
}

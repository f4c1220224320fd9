// xoshiro256** (Blackman & Vigna, https://prng.di.unimi.it/xoshiro256starstar.c), on 32-bit halves so that
// no BigInt enters the hot path. State is four 64-bit words stored as eight uint32 (hi, lo) pairs.

/** The raw generator: 64-bit outputs as two uint32 halves, and 53-bit doubles in [0, 1). */
export class Xoshiro256 {
  private readonly s: Uint32Array; // [s0hi, s0lo, s1hi, s1lo, s2hi, s2lo, s3hi, s3lo]
  /** High half of the last 64-bit output; the low half is returned by next32Pair. */
  hi = 0;

  /** Creates a generator from four 64-bit words, given as eight uint32 halves (hi, lo, hi, lo, …). */
  constructor(state: ArrayLike<number>) {
    if (state.length !== 8) throw new Error("xoshiro256: state must be eight uint32 halves");
    this.s = Uint32Array.from(state);
    if (this.s.every((x) => x === 0)) throw new Error("xoshiro256: state must not be all zero");
  }

  /** Advances the state; returns the low 32 bits of the 64-bit output and stores the high 32 bits in `hi`. */
  nextPair(): number {
    const s = this.s;
    // result = rotl(s1 * 5, 7) * 9
    let [h, l] = mulSmall(s[2], s[3], 5);
    [h, l] = rotl(h, l, 7);
    [h, l] = mulSmall(h, l, 9);
    // t = s1 << 17
    const th = ((s[2] << 17) | (s[3] >>> 15)) >>> 0;
    const tl = (s[3] << 17) >>> 0;
    // s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    s[4] ^= s[0];
    s[5] ^= s[1];
    s[6] ^= s[2];
    s[7] ^= s[3];
    s[2] ^= s[4];
    s[3] ^= s[5];
    s[0] ^= s[6];
    s[1] ^= s[7];
    s[4] ^= th;
    s[5] ^= tl;
    const [rh, rl] = rotl(s[6], s[7], 45);
    s[6] = rh;
    s[7] = rl;
    this.hi = h;
    return l;
  }

  /** A double uniform on [0, 1) with 53 random bits (the top 53 bits of the 64-bit output). */
  nextDouble(): number {
    const lo = this.nextPair();
    return (this.hi * 2097152 + (lo >>> 11)) / 9007199254740992; // (hi·2^21 + lo>>11) / 2^53
  }
}

// (h, l) * m mod 2^64 for a small multiplier m (< 2^16).
function mulSmall(h: number, l: number, m: number): [number, number] {
  const lo = l * m; // exact: < 2^48
  const carry = Math.floor(lo / 4294967296);
  return [(Math.imul(h, m) + carry) >>> 0, lo >>> 0];
}

// Rotate the 64-bit word (h, l) left by k bits, 0 < k < 64.
function rotl(h: number, l: number, k: number): [number, number] {
  if (k === 32) return [l, h];
  if (k > 32) {
    [h, l] = [l, h];
    k -= 32;
  }
  return [((h << k) | (l >>> (32 - k))) >>> 0, ((l << k) | (h >>> (32 - k))) >>> 0];
}

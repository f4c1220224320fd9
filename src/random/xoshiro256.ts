// xoshiro256** (Blackman & Vigna, https://prng.di.unimi.it/xoshiro256starstar.c), on 32-bit halves so that
// no BigInt enters the hot path. State is four 64-bit words stored as eight uint32 (hi, lo) pairs; a step works on
// local halves (no intermediate arrays), which roughly halves the cost of a draw.

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
    const s1h = s[2];
    const s1l = s[3];
    // result = rotl(s1·5, 7)·9, each product mod 2^64 on 32-bit halves (the low products are exact below 2^36)
    let low = s1l * 5;
    let h = (Math.imul(s1h, 5) + Math.floor(low / 4294967296)) >>> 0;
    let l = low >>> 0;
    const rh = ((h << 7) | (l >>> 25)) >>> 0;
    const rl = ((l << 7) | (h >>> 25)) >>> 0;
    low = rl * 9;
    h = (Math.imul(rh, 9) + Math.floor(low / 4294967296)) >>> 0;
    l = low >>> 0;
    // t = s1 << 17
    const th = ((s1h << 17) | (s1l >>> 15)) >>> 0;
    const tl = (s1l << 17) >>> 0;
    // s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    s[4] ^= s[0];
    s[5] ^= s[1];
    s[6] ^= s1h;
    s[7] ^= s1l;
    s[2] = s1h ^ s[4];
    s[3] = s1l ^ s[5];
    s[0] ^= s[6];
    s[1] ^= s[7];
    s[4] ^= th;
    s[5] ^= tl;
    const s3h = s[6];
    const s3l = s[7];
    s[6] = ((s3l << 13) | (s3h >>> 19)) >>> 0;
    s[7] = ((s3h << 13) | (s3l >>> 19)) >>> 0;
    this.hi = h;
    return l;
  }

  /** A double uniform on [0, 1) with 53 random bits (the top 53 bits of the 64-bit output). */
  nextDouble(): number {
    const lo = this.nextPair();
    return (this.hi * 2097152 + (lo >>> 11)) / 9007199254740992; // (hi·2^21 + lo>>11) / 2^53
  }
}

// xoshiro256** on 32-bit halves against a direct BigInt transcription of the reference C code.
import assert from "node:assert/strict";
import {test} from "node:test";
import {Xoshiro256} from "../../src/random/xoshiro256.js";

const mask = (1n << 64n) - 1n;
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & mask;

// https://prng.di.unimi.it/xoshiro256starstar.c, transcribed with BigInt.
function referenceOutputs(state: bigint[], count: number): bigint[] {
  const s = [...state];
  const out: bigint[] = [];
  for (let i = 0; i < count; ++i) {
    out.push((rotl((s[1] * 5n) & mask, 7n) * 9n) & mask);
    const t = (s[1] << 17n) & mask;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
  }
  return out;
}

function halves(words: bigint[]): number[] {
  return words.flatMap((w) => [Number(w >> 32n), Number(w & 0xffffffffn)]);
}

test("Xoshiro256 matches the reference algorithm for state {1, 2, 3, 4}", () => {
  const state = [1n, 2n, 3n, 4n];
  const generator = new Xoshiro256(halves(state));
  const expected = referenceOutputs(state, 1000);
  assert.equal(expected[0], 11520n); // rotl(2·5, 7)·9, by hand
  for (const want of expected) {
    const lo = generator.nextPair();
    assert.equal((BigInt(generator.hi) << 32n) | BigInt(lo), want);
  }
});

test("Xoshiro256 matches the reference algorithm for large random-looking states", () => {
  const state = [0x9e3779b97f4a7c15n, 0xbf58476d1ce4e5b9n, 0x94d049bb133111ebn, 0xffffffffffffffffn];
  const generator = new Xoshiro256(halves(state));
  for (const want of referenceOutputs(state, 5000)) {
    const lo = generator.nextPair();
    assert.equal((BigInt(generator.hi) << 32n) | BigInt(lo), want);
  }
});

test("nextDouble is the top 53 bits of the output divided by 2^53", () => {
  const state = [5n, 6n, 7n, 8n];
  const generator = new Xoshiro256(halves(state));
  for (const word of referenceOutputs(state, 100)) {
    assert.equal(generator.nextDouble(), Number(word >> 11n) / 2 ** 53);
  }
});

test("Xoshiro256 rejects the all-zero state", () => {
  assert.throws(() => new Xoshiro256([0, 0, 0, 0, 0, 0, 0, 0]), /all zero/);
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {randomBlockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {gsDense, gsoft} from "../../../pipelines/group-shuffle/gs.js";
import {monarch, monarchShape} from "../../../pipelines/group-shuffle/monarch.js";
import {blockRanks} from "../../../pipelines/group-shuffle/projection.js";
import {inversePermutation, shuffle} from "../../../pipelines/group-shuffle/shuffle.js";
import {createRng} from "../../../src/random/rng.js";

test("monarchShape(1024, k_R) gives the App. C layouts and counts", () => {
  assert.deepEqual(monarchShape(1024, 32), {n: 1024, kR: 32, bR: 32, kL: 32, bL: 32, parameters: 65536});
  assert.deepEqual(monarchShape(1024, 64), {n: 1024, kR: 64, bR: 16, kL: 16, bL: 64, parameters: 81920});
});

test("Monarch with b = r = √n is exactly GSOFT", () => {
  const rng = createRng(41);
  const L = randomBlockDiagonal(4, 4, 4, rng);
  const R = randomBlockDiagonal(4, 4, 4, rng);
  assert.deepEqual(Array.from(gsDense(monarch(L, R)).data), Array.from(gsDense(gsoft(L, R)).data));
});

test("every block of a Monarch matrix has rank 1 (Prop. 1 counts)", () => {
  for (const [n, kR] of [
    [16, 4],
    [32, 4],
    [32, 8],
    [64, 8]
  ]) {
    const shape = monarchShape(n, kR);
    const p = shuffle(shape.kL, n);
    const ranks = blockRanks({
      kL: shape.kL,
      bL1: shape.bL,
      bL2: shape.bL,
      kR: shape.kR,
      bR1: shape.bR,
      bR2: shape.bR,
      pL: inversePermutation(p),
      p,
      pR: null
    });
    assert.ok(
      ranks.every((rank) => rank === 1),
      `n=${n} k_R=${kR}`
    );
  }
});

test("monarch rejects an L that does not match R", () => {
  const rng = createRng(42);
  assert.throws(
    () => monarch(randomBlockDiagonal(4, 8, 8, rng), randomBlockDiagonal(4, 8, 8, rng)),
    /needs L with 8 blocks of 4×4/
  );
});

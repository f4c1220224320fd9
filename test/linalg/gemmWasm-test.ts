// The WebAssembly kernel against the plain-loop kernel: the same GemmTask must give the same bits.
import assert from "node:assert/strict";
import {test} from "node:test";
import {gemmLoop} from "../../src/linalg/gemmLoop.js";
import type {GemmTask} from "../../src/linalg/gemmTask.js";
import {gemmWasm} from "../../src/linalg/gemmWasm.js";
import {createRng} from "../../src/random/rng.js";

test("gemmWasm(task) equals gemmLoop(task) bit for bit for every transpose, α, β and symmetric case", () => {
  const rng = createRng(11);
  // Across the 4×4 tiles and the 128-row, 256-deep and 1024-column cache blocks.
  for (const [m, k, n] of [
    [1, 1, 1],
    [6, 3, 7],
    [130, 300, 45],
    [3, 2, 1030]
  ]) {
    for (const [transA, transB] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true]
    ]) {
      const a = rng.normals(m * k);
      const b = rng.normals(k * n);
      const c0 = rng.normals(m * n);
      for (const [alpha, beta] of [
        [1, 0],
        [-1, 1],
        [0.75, -0.5]
      ]) {
        const task = (c: Float64Array): GemmTask => ({
          m,
          n,
          k,
          a,
          aRowStride: transA ? 1 : k,
          aColStride: transA ? m : 1,
          b,
          bRowStride: transB ? 1 : n,
          bColStride: transB ? k : 1,
          alpha,
          beta,
          c,
          symmetric: false
        });
        const expected = c0.slice();
        gemmLoop(task(expected));
        const actual = c0.slice();
        gemmWasm(task(actual));
        assertSameBits(actual, expected, `${m}×${k}·${k}×${n} ${transA} ${transB} α=${alpha} β=${beta}`);
      }
    }
  }
  for (const [n, k] of [
    [5, 3],
    [133, 260]
  ]) {
    const a = rng.normals(n * k);
    const task = (c: Float64Array): GemmTask => ({
      m: n,
      n,
      k,
      a,
      aRowStride: k,
      aColStride: 1,
      b: a,
      bRowStride: 1,
      bColStride: k,
      alpha: 1,
      beta: 0,
      c,
      symmetric: true
    });
    const expected = new Float64Array(n * n);
    gemmLoop(task(expected));
    const actual = new Float64Array(n * n).fill(NaN);
    gemmWasm(task(actual));
    assertSameBits(actual, expected, `symmetric ${n}×${k}`);
  }
});

test("gemmWasm(task) throws a RangeError when the operands cannot fit in 4 GiB of WebAssembly memory", () => {
  const n = 40_000;
  const a = new Float64Array(n);
  const task: GemmTask = {
    m: n,
    n,
    k: 1,
    a,
    aRowStride: 1,
    aColStride: 1,
    b: a,
    bRowStride: 1,
    bColStride: 1,
    alpha: 1,
    beta: 0,
    c: new Float64Array(0),
    symmetric: false
  };
  assert.throws(() => gemmWasm(task), {name: "RangeError", message: /needs 11\.9 GiB/});
});

function assertSameBits(actual: Float64Array, expected: Float64Array, label: string): void {
  assert.equal(actual.length, expected.length, label);
  for (let q = 0; q < expected.length; ++q) {
    if (!Object.is(actual[q], expected[q])) {
      assert.fail(`${label}: entry ${q} is ${actual[q]}, expected ${expected[q]}`);
    }
  }
}

// Matrix products: exact agreement with the textbook loops, ml-matrix, integer products, identities, odd shapes
// and shape errors.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Matrix as MlMatrix} from "ml-matrix";
import {
  gemmInto,
  gram,
  gramTransposeA,
  loopMaxWork,
  multiply,
  multiplyTransposeA,
  multiplyTransposeB,
  multiplyTransposeVector,
  multiplyVector
} from "../../src/linalg/gemm.js";
import {fromRows, identity, matrix, toMlMatrix, toRows, transpose} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";

// Shapes [m, k, n] for m×k · k×n: tiny ones (plain loops), and ones that cross the kernel's 4×4 tiles and its
// 128-row, 256-deep and 1024-column cache blocks on every side.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [2, 3, 2],
  [4, 4, 4],
  [5, 4, 4],
  [7, 13, 5],
  [1, 300, 1],
  [33, 65, 17],
  [64, 64, 64],
  [130, 259, 37],
  [9, 3, 1030]
];

test("multiply, multiplyTransposeA and multiplyTransposeB equal the textbook triple loop bit for bit", () => {
  const rng = createRng(1);
  for (const [m, k, n] of shapes) {
    const A = random(rng, m, k);
    const B = random(rng, k, n);
    const expected = textbook(A, B);
    assertBitEqual(multiply(A, B), expected, `multiply ${m}×${k}·${k}×${n}`);
    assertBitEqual(multiplyTransposeA(transpose(A), B), expected, `multiplyTransposeA ${m}×${k}·${k}×${n}`);
    assertBitEqual(multiplyTransposeB(A, transpose(B)), expected, `multiplyTransposeB ${m}×${k}·${k}×${n}`);
  }
});

test("multiply(A, B) propagates NaN, ±Infinity and −0 exactly as the textbook loop does", () => {
  const rng = createRng(2);
  for (const [m, k, n] of [
    [3, 2, 3],
    [37, 41, 29]
  ]) {
    const A = random(rng, m, k);
    const B = random(rng, k, n);
    A.data[0] = Infinity;
    A.data[A.data.length - 1] = -0;
    B.data[0] = 0; // Infinity · 0 = NaN
    B.data[B.data.length - 1] = NaN;
    B.data[1] = -Infinity;
    assertBitEqual(multiply(A, B), textbook(A, B), `${m}×${k}·${k}×${n}`);
  }
  assert.ok(Object.is(multiply(fromRows([[-0]]), fromRows([[1]])).data[0], 0)); // 0 + (−0·1) = +0, as in the loop
});

test("multiply(A, B) agrees with ml-matrix's mmul to 1e-12 relative on random inputs", () => {
  const rng = createRng(3);
  for (const [m, k, n] of [
    [50, 70, 30],
    [200, 150, 257]
  ]) {
    const A = random(rng, m, k);
    const B = random(rng, k, n);
    const expected = toMlMatrix(A).mmul(toMlMatrix(B));
    assertClose(multiply(A, B), expected, 1e-12);
    assertClose(multiplyTransposeA(transpose(A), B), expected, 1e-12);
    assertClose(multiplyTransposeB(A, transpose(B)), expected, 1e-12);
    assertClose(gram(A), toMlMatrix(A).mmul(toMlMatrix(A).transpose()), 1e-12);
    assertClose(gramTransposeA(A), toMlMatrix(A).transpose().mmul(toMlMatrix(A)), 1e-12);
  }
});

test("multiply(A, B) of small integer matrices is exact", () => {
  assert.deepEqual(
    toRows(
      multiply(
        fromRows([
          [1, 2],
          [3, 4]
        ]),
        fromRows([
          [5, 6],
          [7, 8]
        ])
      )
    ),
    [
      [19, 22],
      [43, 50]
    ]
  );
  assert.deepEqual(toRows(multiply(fromRows([[1, 2, 3]]), fromRows([[4], [5], [6]]))), [[32]]);
  // Integers below 2^53 throughout, so every rounding is exact and any summation order gives the same result.
  const rng = createRng(4);
  const integers = (rows: number, cols: number) =>
    matrix(
      rows,
      cols,
      Float64Array.from({length: rows * cols}, () => rng.integer(17) - 8)
    );
  const A = integers(67, 300);
  const B = integers(300, 45);
  const expected = toMlMatrix(A).mmul(toMlMatrix(B));
  assert.deepEqual(toRows(multiply(A, B)), expected.to2DArray());
  assert.deepEqual(toRows(gram(A)), toMlMatrix(A).mmul(toMlMatrix(A).transpose()).to2DArray());
});

test("multiply(A, I) = A, multiply(I, A) = A and (A·B)ᵀ = Bᵀ·Aᵀ exactly", () => {
  const rng = createRng(5);
  const A = random(rng, 70, 45);
  const B = random(rng, 45, 33);
  assertBitEqual(multiply(A, identity(45)), A.data, "A·I");
  assertBitEqual(multiply(identity(70), A), A.data, "I·A");
  // The same products in the same order of k, with the factors of each term swapped: IEEE products commute.
  assertBitEqual(transpose(multiply(A, B)), multiply(transpose(B), transpose(A)).data, "(AB)ᵀ");
});

test("gram(A) is exactly symmetric and equals multiplyTransposeB(A, A) bit for bit", () => {
  const rng = createRng(6);
  for (const [m, k] of [
    [1, 1],
    [3, 1],
    [5, 9],
    [131, 260],
    [300, 7],
    [1030, 3]
  ]) {
    const A = random(rng, m, k);
    const G = gram(A);
    assert.equal(G.rows, m);
    assert.equal(G.cols, m);
    assertBitEqual(G, transpose(G).data, `gram ${m}×${k} symmetric`);
    assertBitEqual(G, multiplyTransposeB(A, A).data, `gram ${m}×${k}`);
    assertBitEqual(G, textbook(A, transpose(A)), `gram ${m}×${k} textbook`);
    const H = gramTransposeA(A);
    assert.equal(H.rows, k);
    assertBitEqual(H, transpose(H).data, `gramTransposeA ${m}×${k} symmetric`);
    assertBitEqual(H, multiplyTransposeA(A, A).data, `gramTransposeA ${m}×${k}`);
    assertBitEqual(H, gram(transpose(A)).data, `gramTransposeA ${m}×${k} vs gram`);
  }
});

test("products with an empty dimension have the right shape; k = 0 gives zeros", () => {
  const check = (C: Matrix, rows: number, cols: number) => {
    assert.equal(C.rows, rows);
    assert.equal(C.cols, cols);
    assert.ok(C.data.every((x) => Object.is(x, 0)));
  };
  check(multiply(matrix(0, 3), matrix(3, 4)), 0, 4);
  check(multiply(matrix(3, 4), matrix(4, 0)), 3, 0);
  check(multiply(matrix(3, 0), matrix(0, 4)), 3, 4);
  check(multiply(matrix(0, 0), matrix(0, 0)), 0, 0);
  check(multiplyTransposeA(matrix(0, 3), matrix(0, 2)), 3, 2);
  check(multiplyTransposeB(matrix(2, 0), matrix(5, 0)), 2, 5);
  check(gram(matrix(0, 4)), 0, 0);
  check(gram(matrix(4, 0)), 4, 4);
  check(gramTransposeA(matrix(4, 0)), 0, 0);
  assert.deepEqual(multiplyVector(matrix(0, 3), new Float64Array(3)), new Float64Array(0));
  assert.deepEqual(multiplyVector(matrix(2, 0), new Float64Array(0)), new Float64Array(2));
  assert.deepEqual(multiplyTransposeVector(matrix(0, 3), new Float64Array(0)), new Float64Array(3));
});

test("products throw on mismatched shapes, naming the routine and both shapes", () => {
  assert.throws(() => multiply(matrix(3, 4), matrix(5, 2)), {
    message: "multiply: Matrix dimensions do not match: 3×4 · 5×2"
  });
  assert.throws(() => multiplyTransposeA(matrix(3, 4), matrix(5, 2)), {
    message: "multiplyTransposeA: Matrix dimensions do not match: 3×4ᵀ · 5×2"
  });
  assert.throws(() => multiplyTransposeB(matrix(3, 4), matrix(5, 2)), {
    message: "multiplyTransposeB: Matrix dimensions do not match: 3×4 · 5×2ᵀ"
  });
  assert.throws(() => multiply(matrix(0, 1), matrix(0, 1)), {
    message: "multiply: Matrix dimensions do not match: 0×1 · 0×1"
  });
  assert.throws(() => multiplyVector(matrix(3, 4), new Float64Array(5)), {
    message: "multiplyVector: Matrix dimensions do not match: 3×4 · 5"
  });
  assert.throws(() => multiplyTransposeVector(matrix(3, 4), new Float64Array(4)), {
    message: "multiplyTransposeVector: Matrix dimensions do not match: 3×4ᵀ · 4"
  });
  assert.throws(() => gemmInto(matrix(3, 3), matrix(3, 4), matrix(4, 2)), {
    message: "gemmInto: result is 3×3, expected 3×2 for 3×4 · 4×2"
  });
  assert.throws(() => gemmInto(matrix(4, 2), matrix(3, 4), matrix(4, 2), {transA: true}), {
    message: "gemmInto: Matrix dimensions do not match: 3×4ᵀ · 4×2"
  });
});

test("gemmInto(C, A, B, {alpha, beta, transA, transB}) computes β·C + (α·a_ip)·b_pj term by term", () => {
  const rng = createRng(7);
  for (const [m, k, n] of [
    [2, 2, 2],
    [37, 300, 41]
  ]) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const A = random(rng, transA ? k : m, transA ? m : k);
        const B = random(rng, transB ? n : k, transB ? k : n);
        const C0 = random(rng, m, n);
        for (const [alpha, beta] of [
          [1, 0],
          [-1, 1],
          [0.5, -2]
        ]) {
          const C = matrix(m, n, C0.data.slice());
          assert.equal(gemmInto(C, A, B, {alpha, beta, transA, transB}), C);
          const opA = transA ? transpose(A) : A;
          const opB = transB ? transpose(B) : B;
          const expected = new Float64Array(m * n);
          for (let i = 0; i < m; ++i) {
            for (let j = 0; j < n; ++j) {
              let c = beta === 0 ? 0 : beta * C0.data[i * n + j];
              for (let p = 0; p < k; ++p) c += alpha * opA.data[i * k + p] * opB.data[p * n + j];
              expected[i * n + j] = c;
            }
          }
          const label = `${m}×${k}·${k}×${n} transA=${transA} transB=${transB} α=${alpha} β=${beta}`;
          assertBitEqual(C, expected, label);
        }
      }
    }
  }
});

test("gemmInto with the default β = 0 does not read C; it rejects shared storage and non-finite α, β", () => {
  const A = fromRows([
    [1, 2],
    [3, 4]
  ]);
  const C = fromRows([
    [NaN, Infinity],
    [NaN, NaN]
  ]);
  assert.deepEqual(toRows(gemmInto(C, A, identity(2))), toRows(A));
  assert.throws(() => gemmInto(A, A, identity(2)), {message: "gemmInto: C must not share storage with A or B"});
  const shared = new Float64Array(12);
  const view = matrix(2, 2, shared.subarray(2, 6));
  assert.throws(() => gemmInto(view, matrix(2, 2, shared.subarray(4, 8)), identity(2)), /share storage/);
  assert.doesNotThrow(() => gemmInto(view, matrix(2, 2, shared.subarray(6, 10)), identity(2)));
  assert.throws(() => gemmInto(C, A, A, {alpha: NaN}), {message: "gemmInto: alpha must be finite, got NaN"});
  assert.throws(() => gemmInto(C, A, A, {beta: Infinity}), {message: "gemmInto: beta must be finite, got Infinity"});
});

test("multiplyVector(A, x) and multiplyTransposeVector(A, x) equal the one-column products bit for bit", () => {
  const rng = createRng(8);
  for (const [m, n] of [
    [1, 1],
    [7, 13],
    [130, 257]
  ]) {
    const A = random(rng, m, n);
    const x = rng.normals(n);
    const y = rng.normals(m);
    assertBitEqual(matrix(m, 1, multiplyVector(A, x)), multiply(A, matrix(n, 1, x)).data, `A·x ${m}×${n}`);
    assertBitEqual(matrix(n, 1, multiplyTransposeVector(A, y)), multiplyTransposeA(A, matrix(m, 1, y)).data, `Aᵀ·y`);
  }
  assert.deepEqual(
    multiplyVector(
      fromRows([
        [1, 2],
        [3, 4]
      ]),
      Float64Array.of(1, -1)
    ),
    Float64Array.of(-1, -1)
  );
  assert.deepEqual(
    multiplyTransposeVector(
      fromRows([
        [1, 2],
        [3, 4]
      ]),
      Float64Array.of(1, -1)
    ),
    Float64Array.of(-2, -2)
  );
});

test("products on either side of loopMaxWork give the textbook result, and repeated calls are identical", () => {
  const rng = createRng(9);
  const edge = Math.round(Math.cbrt(loopMaxWork));
  for (const size of [edge, edge + 1]) {
    const A = random(rng, size, size);
    const B = random(rng, size, size);
    assertBitEqual(multiply(A, B), textbook(A, B), `${size}×${size}`);
  }
  const A = random(rng, 300, 200);
  const B = random(rng, 200, 100);
  assertBitEqual(multiply(A, B), multiply(A, B).data, "repeat");
});

function random(rng: ReturnType<typeof createRng>, rows: number, cols: number): Matrix {
  return matrix(rows, cols, rng.normals(rows * cols));
}

// The reference: s = 0; s += a_ip · b_pj for p = 0…k−1, written independently of the library.
function textbook(A: Matrix, B: Matrix): Float64Array {
  const C = new Float64Array(A.rows * B.cols);
  for (let i = 0; i < A.rows; ++i) {
    for (let j = 0; j < B.cols; ++j) {
      let sum = 0;
      for (let p = 0; p < A.cols; ++p) sum += A.data[i * A.cols + p] * B.data[p * B.cols + j];
      C[i * B.cols + j] = sum;
    }
  }
  return C;
}

// Equality of every entry under Object.is: −0 differs from +0, NaN equals NaN.
function assertBitEqual(actual: Matrix, expected: Float64Array, label: string): void {
  assert.equal(actual.data.length, expected.length, `${label}: length`);
  for (let q = 0; q < expected.length; ++q) {
    if (!Object.is(actual.data[q], expected[q])) {
      const at = `(${Math.floor(q / actual.cols)}, ${q % actual.cols})`;
      assert.fail(`${label}: entry ${at} is ${actual.data[q]}, expected ${expected[q]}`);
    }
  }
}

// max |actual − expected| ≤ tolerance · max |expected|.
function assertClose(actual: Matrix, expected: MlMatrix, tolerance: number): void {
  assert.equal(actual.rows, expected.rows);
  assert.equal(actual.cols, expected.columns);
  let scale = 0;
  let error = 0;
  for (let i = 0; i < actual.rows; ++i) {
    for (let j = 0; j < actual.cols; ++j) {
      scale = Math.max(scale, Math.abs(expected.get(i, j)));
      error = Math.max(error, Math.abs(actual.data[i * actual.cols + j] - expected.get(i, j)));
    }
  }
  assert.ok(error <= tolerance * scale, `max error ${error} exceeds ${tolerance} × ${scale}`);
}

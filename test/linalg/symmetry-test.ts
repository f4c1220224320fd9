// Symmetry and skew-symmetry checks with a relative tolerance.
import assert from "node:assert/strict";
import {test} from "node:test";
import {matrix} from "../../src/linalg/matrix.js";
import {assertSkew, assertSymmetric, symmetricLower} from "../../src/linalg/symmetry.js";

test("assertSymmetric(A, routine) accepts rounding-level asymmetry and names the routine otherwise", () => {
  assert.doesNotThrow(() => assertSymmetric(matrix(2, 2, Float64Array.of(1e6, 3, 3 + 1e-9, 1)), "f"));
  assert.throws(
    () => assertSymmetric(matrix(2, 2, Float64Array.of(1, 3, 3.1, 1)), "f"),
    /^Error: f: matrix is not symmetric \(\|A\[1\]\[0\] − A\[0\]\[1\]\| = 1\.000e-1, relative 3\.226e-2 > 1e-10\)$/
  );
  assert.doesNotThrow(() => assertSymmetric(matrix(0, 0), "f"));
});

test("assertSkew(K, routine) needs K_ij = −K_ji and a zero diagonal", () => {
  assert.doesNotThrow(() => assertSkew(matrix(2, 2, Float64Array.of(0, -2, 2, 0)), "g"));
  const symmetric = matrix(2, 2, Float64Array.of(0, 2, 2, 0));
  assert.throws(() => assertSkew(symmetric, "g"), /^Error: g: matrix is not skew-symmetric/);
  assert.throws(() => assertSkew(matrix(1, 1, Float64Array.of(1)), "g"), /g: matrix is not skew-symmetric/);
  assert.throws(() => assertSkew(matrix(1, 2), "g"), /g: expected a square matrix/);
});

test("symmetricLower(A) averages the two triangles into the lower one, checking finiteness and symmetry", () => {
  const L = symmetricLower(matrix(2, 2, Float64Array.of(1, 2, 2 + 1e-12, 5)), "test");
  assert.deepEqual(Array.from(L), [1, 0, 0.5 * (2 + 1e-12) + 0.5 * 2, 5]);
  assert.throws(
    () => symmetricLower(matrix(2, 2, Float64Array.of(1, 2, 4, 5)), "t"),
    /t: matrix is not symmetric \(\|A\[1\]\[0\]/
  );
  assert.throws(
    () => symmetricLower(matrix(2, 2, Float64Array.of(1, 2, NaN, 5)), "t"),
    /t: non-finite input NaN at \(1, 0\)/
  );
  assert.throws(
    () => symmetricLower(matrix(2, 2, Float64Array.of(1, Infinity, 2, 5)), "t"),
    /t: non-finite input Infinity at \(0, 1\)/
  );
});

test("symmetricLower walks 32×32 tiles yet names the first largest gap in row order, as assertSymmetric does", () => {
  const n = 70;
  const A = matrix(n, n);
  for (let i = 0; i < n; ++i)
    for (let j = 0; j <= i; ++j) A.data[i * n + j] = A.data[j * n + i] = ((i + 3 * j) % 7) / 8;
  // Two equal gaps (exactly 1: the entries are multiples of 1/8): (40, 35) comes first in row order, (45, 2) first
  // in tile order (tile column 0 before 1).
  A.data[40 * n + 35] += 1;
  A.data[45 * n + 2] += 1;
  assert.throws(() => assertSymmetric(A, "t"), /\|A\[40\]\[35\]/);
  assert.throws(() => symmetricLower(A, "t"), /\|A\[40\]\[35\] − A\[35\]\[40\]\| = 1\.000e\+0/);
});

test("symmetricLower(A, routine, out) overwrites every entry of a used buffer, zeroing the strict upper triangle", () => {
  const n = 45;
  const A = matrix(n, n);
  for (let i = 0; i < n; ++i) for (let j = 0; j <= i; ++j) A.data[i * n + j] = A.data[j * n + i] = Math.cos(2 * i - j);
  const used = new Float64Array(n * n).fill(Number.NaN);
  assert.equal(symmetricLower(A, "t", used), used);
  assert.deepEqual(used, symmetricLower(A, "t"));
  for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) assert.equal(used[i * n + j], j > i ? 0 : A.data[i * n + j]);
});

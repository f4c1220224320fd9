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

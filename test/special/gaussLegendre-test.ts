// Gauss–Legendre rules: weights, exactness for polynomials, symmetry.
import assert from "node:assert/strict";
import {test} from "node:test";
import {gaussLegendre} from "../../src/special/gaussLegendre.js";

test("gaussLegendre(n) integrates x^m exactly on [−1, 1] for m ≤ 2n − 1, with symmetric nodes", () => {
  for (const n of [1, 2, 5, 24]) {
    const {nodes, weights} = gaussLegendre(n);
    for (let m = 0; m <= 2 * n - 1; ++m) {
      const sum = nodes.reduce((s, x, j) => s + weights[j] * x ** m, 0);
      const exact = m % 2 === 1 ? 0 : 2 / (m + 1);
      assert.ok(Math.abs(sum - exact) < 1e-14, `n=${n} m=${m}: ${sum} vs ${exact}`);
    }
    for (let j = 0; j < n; ++j) assert.ok(nodes[j] === -nodes[n - 1 - j], `n=${n}: node ${j}`);
  }
  assert.throws(() => gaussLegendre(0), /positive integer/);
});

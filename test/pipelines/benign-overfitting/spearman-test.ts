import assert from "node:assert/strict";
import {test} from "node:test";
import {ranks, spearman} from "../../../pipelines/benign-overfitting/spearman.js";

test("ranks gives tied values their mean rank", () => {
  assert.deepEqual(ranks([5, 6, 7, 8, 7]), [1, 2, 3.5, 5, 3.5]);
});

test("spearman on hand-computed examples", () => {
  // Ranks of y: 1, 2, 3.5, 5, 3.5 against 1 … 5: Σdxdy = 8, Σdx² = 10, Σdy² = 9.5, so ρ = 8/√95.
  assert.ok(Math.abs(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) - 8 / Math.sqrt(95)) < 1e-15);
  // No ties: Σd² = 18, ρ = 1 − 6·18/(4·15) = −0.8.
  assert.ok(Math.abs(spearman([10, 20, 30, 40], [0.4, 0.3, 0.35, 0.1]) + 0.8) < 1e-15);
  assert.equal(spearman([1, 2, 3], [30, 20, 10]), -1);
  assert.throws(() => spearman([1, 1], [1, 2]), /no spread/);
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {blockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {boft, butterflyPermutation} from "../../../pipelines/group-shuffle/butterfly.js";
import {gsDense, gsoft} from "../../../pipelines/group-shuffle/gs.js";
import {fitOrthogonalProduct} from "../../../pipelines/group-shuffle/procrustesFit.js";
import {shuffle} from "../../../pipelines/group-shuffle/shuffle.js";
import {haarOrthogonal} from "../../../src/linalg/haar.js";
import {createRng} from "../../../src/random/rng.js";

const n = 32;
const c = 4;
const r = n / c;
const gsStructure = [
  {permutation: null, block: c},
  {permutation: shuffle(r, n), block: c}
];
const boftStructure = [
  {permutation: null, block: c},
  {permutation: butterflyPermutation(n, c, 1), block: c}
];

test("fitOrthogonalProduct recovers members of its own class and not of the other", () => {
  const rng = createRng(61);
  const haar = () => blockDiagonal(Array.from({length: r}, () => haarOrthogonal(c, rng)));
  const gsTarget = gsDense(gsoft(haar(), haar()));
  const boftTarget = gsDense(boft([haar(), haar()]));
  assert.ok(fitOrthogonalProduct(gsStructure, gsTarget, 50).errors.at(-1)! < 1e-10);
  assert.ok(fitOrthogonalProduct(boftStructure, boftTarget, 50).errors.at(-1)! < 1e-10);
  assert.ok(fitOrthogonalProduct(gsStructure, boftTarget, 50).errors.at(-1)! > 0.1);
  assert.ok(fitOrthogonalProduct(boftStructure, gsTarget, 50).errors.at(-1)! > 0.1);
});

test("the error never increases across sweeps and the fitted product is orthogonal", () => {
  const T = haarOrthogonal(n, createRng(62));
  const fit = fitOrthogonalProduct(gsStructure, T, 30);
  for (let t = 1; t < fit.errors.length; ++t) assert.ok(fit.errors[t] <= fit.errors[t - 1] * (1 + 1e-12));
  assert.ok(
    Math.abs(fit.errors[0] - Math.sqrt(2 - (2 * T.data.reduce((s, x, q) => s + (q % (n + 1) === 0 ? x : 0), 0)) / n)) <
      1e-12
  );
  const Q = gsDense(fit.product);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) {
      let dot = 0;
      for (let k = 0; k < n; ++k) dot += Q.data[k * n + i] * Q.data[k * n + j];
      assert.ok(Math.abs(dot - (i === j ? 1 : 0)) < 1e-12);
    }
  }
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";
import {relu} from "../../../pipelines/two-layer/activation.js";
import type {TwoLayerNetwork} from "../../../pipelines/two-layer/network.js";
import {inputGradients, outputs} from "../../../pipelines/two-layer/network.js";
import {firstSignChange, lineFlips, projectedFlips} from "../../../pipelines/adversarial-subspace/flip.js";
import {
  embed,
  projectOut,
  randomSubspace,
  rowNorms,
  subspaceSample
} from "../../../pipelines/adversarial-subspace/subspace.js";

// A ReLU network that is linear on the region of interest: every bias is so large that no unit switches off.
function linearNetwork(m: number, d: number, seed: number): TwoLayerNetwork {
  const W = matrix(
    m,
    d,
    createRng(seed)
      .normals(m * d)
      .map((x) => x / Math.sqrt(d))
  );
  return {W, b: new Float64Array(m).fill(1e4), u: createRng(seed + 1).normals(m), c: -1e4 * 0};
}

test("firstSignChange finds the root of a linear function exactly, by bisection", () => {
  const z = Float64Array.from([2, 3]);
  const a = Float64Array.from([1, 1]);
  const u = Float64Array.from([1, -2]);
  // N(r) = (2 + r) − 2(3 + r) = −4 − r < 0 for r ≥ 0: never flips; shift by c = 5: N(r) = 1 − r.
  assert.deepEqual(firstSignChange(z, a, u, 0, 10), {r: 10, flipped: false});
  const found = firstSignChange(z, a, u, 5, 10);
  assert.ok(found.flipped && Math.abs(found.r - 1) < 1e-12, `${found.r}`);
});

test("firstSignChange stops at the first of two sign changes across a kink", () => {
  // N(r) = 1 − relu(r) + 2·relu(r − 2): positive on [0, 1), negative on (1, 4), positive again after 4.
  const found = firstSignChange(
    Float64Array.from([0, -2]),
    Float64Array.from([1, 1]),
    Float64Array.from([-1, 2]),
    1,
    10
  );
  assert.ok(found.flipped && Math.abs(found.r - 1) < 1e-12);
  const late = firstSignChange(
    Float64Array.from([0, -2]),
    Float64Array.from([1, 1]),
    Float64Array.from([-1, 2]),
    1,
    0.5
  );
  assert.equal(late.flipped, false);
});

test("on a linear model the flip along −sign(N)ĝ⊥ and the projected-step flip are both |N|/‖g⊥‖", () => {
  const d = 40;
  const space = randomSubspace(d, 5, createRng(7));
  const X = embed(subspaceSample(space, 12, createRng(8)).F, space.U);
  const net = linearNetwork(30, d, 9);
  const shifted: TwoLayerNetwork = {...net, c: -outputs(net, matrix(1, d), relu)[0]}; // N(0) = 0: outputs of order 1
  const f = outputs(shifted, X, relu);
  const G = projectOut(inputGradients(shifted, X, relu), space.U);
  const norms = rowNorms(G);
  const V = matrix(
    12,
    d,
    G.data.map((g, q) => (-Math.sign(f[Math.floor(q / d)]) * g) / norms[Math.floor(q / d)])
  );
  const line = lineFlips(shifted, X, V, 1e3);
  const projected = projectedFlips(shifted, X, space.U);
  for (let i = 0; i < 12; ++i) {
    const predicted = Math.abs(f[i]) / norms[i];
    assert.ok(line.flipped[i] && Math.abs(line.r[i] / predicted - 1) < 1e-10, `line ${line.r[i]} vs ${predicted}`);
    assert.ok(
      projected.flipped[i] && Math.abs(projected.r[i] / predicted - 1) < 1e-9,
      `projected ${projected.r[i]} vs ${predicted}`
    );
  }
});

test("lineFlips(net, X, V, rMax) changes the sign of N just past r and not before", () => {
  const d = 6;
  const net: TwoLayerNetwork = {
    W: matrix(20, d, createRng(11).normals(20 * d)),
    b: createRng(12).normals(20),
    u: createRng(13).normals(20),
    c: 0.1
  };
  const X = matrix(8, d, createRng(14).normals(8 * d));
  const V = matrix(8, d, createRng(15).normals(8 * d));
  const norms = rowNorms(V);
  for (let q = 0; q < V.data.length; ++q) V.data[q] /= norms[Math.floor(q / d)];
  const flips = lineFlips(net, X, V, 50);
  const start = outputs(net, X, relu);
  for (let i = 0; i < 8; ++i) {
    if (!flips.flipped[i]) continue;
    const at = (r: number) =>
      outputs(
        net,
        matrix(
          1,
          d,
          X.data.slice(i * d, (i + 1) * d).map((x, q) => x + r * V.data[i * d + q])
        ),
        relu
      )[0];
    assert.ok(at(flips.r[i] * (1 + 1e-9)) * start[i] <= 0);
    for (let s = 1; s < 200; ++s) assert.ok(at((flips.r[i] * s) / 200) * start[i] > 0);
  }
});

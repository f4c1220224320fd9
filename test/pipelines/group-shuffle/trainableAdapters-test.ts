import assert from "node:assert/strict";
import {test} from "node:test";
import {loraAdapter, orthogonalAdapter} from "../../../pipelines/group-shuffle/trainableAdapters.js";
import type {TrainableAdapter} from "../../../pipelines/group-shuffle/trainableAdapters.js";
import {matrix} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {createRng} from "../../../src/random/rng.js";

function inner(A: Matrix, B: Matrix): number {
  return A.data.reduce((s, x, q) => s + x * B.data[q], 0);
}

function adapters(W: Matrix): TrainableAdapter[] {
  return [
    orthogonalAdapter("gsoft", W, 4),
    orthogonalAdapter("oft", W, 8),
    orthogonalAdapter("boft", W, 4, 2),
    loraAdapter(W, 4, createRng(72))
  ];
}

test("every adapter starts at the pretrained weight exactly and has the equal budget 2·d·b", () => {
  const W = matrix(6, 16, createRng(71).normals(96));
  for (const adapter of adapters(W)) {
    assert.deepEqual(Array.from(adapter.evaluate().weight.data), Array.from(W.data), adapter.kind);
  }
  assert.deepEqual(
    adapters(W).map((a) => a.parameterCount),
    [128, 128, 128, 4 * (6 + 16)]
  );
});

test("adapter gradients match central differences of ⟨G, W′⟩ away from the start", () => {
  const rng = createRng(73);
  const W = matrix(6, 16, rng.normals(96));
  const G = matrix(6, 16, rng.normals(96));
  for (const adapter of adapters(W)) {
    for (const p of adapter.parameters) for (let q = 0; q < p.length; ++q) p[q] = 0.3 * rng.normal();
    const grads = adapter.evaluate().backward(G);
    const h = 1e-5;
    adapter.parameters.forEach((p, a) => {
      for (let q = 0; q < p.length; q += 3) {
        const saved = p[q];
        p[q] = saved + h;
        const plus = inner(G, adapter.evaluate().weight);
        p[q] = saved - h;
        const minus = inner(G, adapter.evaluate().weight);
        p[q] = saved;
        assert.ok(Math.abs((plus - minus) / (2 * h) - grads[a][q]) < 1e-7, `${adapter.kind} array ${a} entry ${q}`);
      }
    });
  }
});

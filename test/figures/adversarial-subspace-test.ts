// Snapshots of the adversarial-subspace figures and tables from small runs.
import assert from "node:assert/strict";
import {test} from "node:test";
import {adversarialSubspace} from "../../pipelines/adversarial-subspace/index.js";
import type {ExperimentResult, FigureWidth} from "../../src/contract/index.js";
import {normalizeTable} from "../../src/tables/table.js";
import {assertFileSnapshot} from "../snapshot.js";
import {renderPlot, smallResult} from "./smallRuns.js";
import type {SmallRun} from "./smallRuns.js";

// Small parameters per pipeline, and the sweep points of each (every point runs two seeds).
const small: Record<string, SmallRun> = {
  "adversarial-subspace/diagonal": {params: {width: 20, max_steps: 3000}},
  "adversarial-subspace/invariance": {params: {d: 40, k: 4, n: 24, width: 16, steps: 200, every: 50, max_steps: 2000}},
  "adversarial-subspace/gradient-law": {
    params: {k: 4, n: 24, width: 16, n_test: 20, max_steps: 2000},
    sweep: [{d: 20, beta: 1}, {d: 40, beta: 1}, {d: 20, beta: 0.1}, {d: 40, beta: 0.1}]
  },
  "adversarial-subspace/minimal-flip": {params: {dims: [20, 40], betas: [1, 0.1], d_ref: 40, k: 4, n: 24, width: 16, n_test: 12, max_steps: 2000}},
  "adversarial-subspace/universal": {params: {d: 40, k: 4, n: 24, width: 16, n_test: 40, decay_steps: 200, epsilons: [1, 4], epsilon_ref: 4, max_steps: 2000}},
  "adversarial-subspace/checkerboard": {params: {width: 20, max_steps: 2000, decay_steps: 500}}
};

function result(id: string): ExperimentResult {
  return smallResult(adversarialSubspace, id, small[id], 2);
}

function render(plot: string, experiment: ExperimentResult, width: FigureWidth, aspect?: number): string {
  return renderPlot(adversarialSubspace, plot, experiment, width, aspect);
}

const figures: [string, string, string, FigureWidth, number?][] = [
  ["decisionRegions", "adversarial-subspace/decision-regions", "adversarial-subspace/diagonal", "double", 0.38],
  ["decay", "adversarial-subspace/decay", "adversarial-subspace/invariance", "single"],
  ["gradientNorms", "adversarial-subspace/gradient-norms", "adversarial-subspace/gradient-law", "single"],
  ["gradientQ", "adversarial-subspace/gradient-q", "adversarial-subspace/gradient-law", "single"],
  ["flipScatter", "adversarial-subspace/flip-scatter", "adversarial-subspace/minimal-flip", "single"],
  ["flipDimension", "adversarial-subspace/flip-dimension", "adversarial-subspace/minimal-flip", "single"],
  ["robustAccuracy", "adversarial-subspace/robust-accuracy", "adversarial-subspace/universal", "single"],
  ["checkerboardFlips", "adversarial-subspace/checkerboard-flips", "adversarial-subspace/checkerboard", "single"]
];

for (const [name, plot, pipeline, width, aspect] of figures) {
  test(`${plot} plot(result) matches its snapshot`, async () => {
    await assertFileSnapshot(`adversarial-subspace/${name}`, render(plot, result(pipeline), width, aspect), "svg");
  });
}

test("every adversarial-subspace plot is registered, a standalone SVG, with its legend entries", () => {
  assert.deepEqual(figures.map(([, plot]) => plot).sort(), Object.keys(adversarialSubspace.plots).sort());
  const legends: Record<string, string[]> = {
    "adversarial-subspace/decay": ["measured in Rᵈ"],
    "adversarial-subspace/gradient-norms": ["‖P⊥∇N‖", "‖P∇N‖"],
    "adversarial-subspace/gradient-q": ["E[Q] = 1 (exact)", "β = 0.1"],
    "adversarial-subspace/flip-scatter": ["β = 1", "β = 0.1"],
    "adversarial-subspace/flip-dimension": ["r⋆/‖x‖ (bisection)", "slope −½"],
    "adversarial-subspace/robust-accuracy": ["ẑ, β = 1", "random v ⊥ P"]
  };
  for (const [, plot, pipeline, width, aspect] of figures) {
    const svg = render(plot, result(pipeline), width, aspect);
    assert.match(svg, /^<svg /, plot);
    assert.doesNotMatch(svg, /<figure|<div|NaN/, plot);
    for (const label of legends[plot] ?? []) assert.ok(svg.includes(`>${label}</text>`), `${plot}: no legend entry ${label}`);
  }
});

test("adversarial-subspace tables: one row per configuration, every cell finite", () => {
  const flips = adversarialSubspace.tables["adversarial-subspace/flip-distances"].table(result("adversarial-subspace/diagonal"));
  normalizeTable(flips);
  assert.equal(flips.rows.length, 7);
  const minimal = adversarialSubspace.tables["adversarial-subspace/minimal-flip"].table(result("adversarial-subspace/minimal-flip"));
  normalizeTable(minimal);
  assert.deepEqual(minimal.rows.map((row) => [row.d, row.beta]), [[20, 1], [40, 1], [40, 0.1]]);
  const robust = adversarialSubspace.tables["adversarial-subspace/robust-accuracy"].table(result("adversarial-subspace/universal"));
  normalizeTable(robust);
  assert.equal(robust.rows.length, 4);
  assert.deepEqual(robust.columns.map((c) => c.key), ["attack", "e0", "e1", "e4"]);
});

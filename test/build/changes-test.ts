// compareBuilds: what a reader of the paper would see change between two builds, and which experiment explains it.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {BuildState} from "../../src/build/changes.js";
import {compareBuilds, emptyState, formatChanges, rebuildLines} from "../../src/build/changes.js";

const before: BuildState = {
  claims: {
    "e: a < 1": {experiment: "e", claim: "a < 1", passed: true},
    "f: b > 0": {experiment: "f", claim: "b > 0", passed: true}
  },
  numbers: {aValue: {experiment: "e", text: "0.512"}, bValue: {experiment: "f", text: "3"}},
  items: {
    "e-fig": {kind: "figure", experiment: "e", data: "d1", code: "c1"},
    "f-tbl": {kind: "table", experiment: "f", data: "d2", code: "c2"}
  },
  experiments: {
    e: {
      paper: "p",
      results: "r1",
      params: [
        {d: 100, alpha: 1},
        {d: 100, alpha: 2}
      ],
      seeds: [0, 1],
      pipelineHash: "h1"
    },
    f: {paper: "p", results: "r2", params: [{n: 5}], seeds: [0]}
  }
};

test("compareBuilds(a, a) finds nothing printed in the paper changed", () => {
  const changes = compareBuilds(before, before);
  assert.equal(changes.changed, false);
  assert.equal(formatChanges(changes), "nothing printed in the paper changed\n");
  assert.deepEqual(rebuildLines(changes), []);
});

test("compareBuilds names claims whose status changed, moved numbers, redrawn figures and the parameter responsible", () => {
  const after: BuildState = structuredClone(before);
  after.claims["e: a < 1"].passed = false;
  after.numbers.aValue.text = "0.498";
  after.items["e-fig"].data = "d3";
  after.items["f-tbl"].code = "c3";
  after.experiments.e = {
    ...after.experiments.e,
    results: "r3",
    params: [
      {d: 200, alpha: 1},
      {d: 200, alpha: 2}
    ]
  };
  after.experiments.f = {...after.experiments.f};
  const changes = compareBuilds(before, after);
  assert.equal(changes.changed, true);
  assert.deepEqual(changes.claims, [{experiment: "e", claim: "a < 1", before: "passed", after: "failed"}]);
  assert.deepEqual(changes.numbers, [{name: "aValue", experiment: "e", before: "0.512", after: "0.498"}]);
  assert.deepEqual(
    changes.items.map((i) => [i.id, i.change]),
    [
      ["e-fig", "data"],
      ["f-tbl", "code"]
    ]
  );
  assert.deepEqual(changes.experiments, [
    {experiment: "e", reasons: ["parameter d: 100 → 200"]},
    {experiment: "f", reasons: ["same results (declarations or drawing changed)"]}
  ]);
  assert.match(formatChanges(changes), /^ {2}aValue \(e\): 0\.512 → 0\.498$/m);
  assert.deepEqual(rebuildLines(changes).slice(0, 2), ["  claim ✓ → ✗ e: a < 1", "  number aValue: 0.512 → 0.498"]);
});

test("compareBuilds against an empty build lists every claim, number and figure as new", () => {
  const changes = compareBuilds(emptyState, before);
  assert.equal(changes.claims.length, 2);
  assert.ok(changes.numbers.every((n) => n.before === null));
  assert.ok(changes.items.every((i) => i.change === "added"));
  assert.deepEqual(
    changes.experiments.map((e) => e.reasons),
    [["new experiment"], ["new experiment"]]
  );
});

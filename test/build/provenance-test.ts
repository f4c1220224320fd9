// The provenance record against in-memory effects: the clock, the commit read from .git, versions, what ran.
import assert from "node:assert/strict";
import {test} from "node:test";
import {MemoryEffects} from "../../src/build/effects.js";
import {writeProvenance} from "../../src/build/provenance.js";

const input = {
  root: "/p",
  out: "/o",
  profile: "quick",
  jobs: 2,
  experiments: ["a"],
  computed: 1,
  cached: 2,
  ms: 1500.4
};

test("writeProvenance(input, effects) records the clock, the commit of a branch, and what was run", () => {
  const effects = new MemoryEffects(
    {"/p/.git/HEAD": "ref: refs/heads/main\n", "/p/.git/packed-refs": "# pack\n0123abc refs/heads/main\n"},
    new Date("2030-05-06T07:08:09Z")
  );
  writeProvenance(input, effects);
  const record = JSON.parse(effects.text("/o/figures/provenance.json")!);
  assert.equal(record.builtAt, "2030-05-06T07:08:09.000Z");
  assert.equal(record.commit, "0123abc");
  assert.equal(record.versions.node, process.versions.node);
  assert.deepEqual(
    [record.profile, record.jobs, record.experiments, record.computed, record.cached, record.seconds],
    ["quick", 2, ["a"], 1, 2, 1.5]
  );
});

test("writeProvenance takes a detached HEAD as the commit, and none outside a repository", () => {
  const detached = new MemoryEffects({"/p/.git/HEAD": "fedcba9\n"});
  writeProvenance(input, detached);
  assert.equal(JSON.parse(detached.text("/o/figures/provenance.json")!).commit, "fedcba9");
  const none = new MemoryEffects();
  writeProvenance(input, none);
  assert.equal(JSON.parse(none.text("/o/figures/provenance.json")!).commit, undefined);
});

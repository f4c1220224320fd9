// The end-of-build report: counts, failures, failed claims with measured and expected values, slowest tasks.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {BuildReport} from "../../src/build/build.js";
import {formatCheck, formatReport} from "../../src/commands/report.js";

const report = {
  computed: 3,
  cached: 9,
  failures: [{experiment: "gs-speed", message: "output scalars.ratio is NaN"}],
  claims: [
    {
      experiment: "fl-spike",
      claim: "gamma within 2% of theory",
      passed: false,
      checks: [{params: {d: 400, grid: [1, 2]}, measured: 0.74, expected: 0.72, tolerance: 0.0144, passed: false}]
    },
    {experiment: "fl-spike", claim: "x < 1", passed: true, checks: []},
    {
      experiment: "fl-spike",
      claim: "y < 1",
      passed: false,
      checks: [],
      error: "unknown name y: not an output scalar or parameter"
    }
  ],
  slowest: [{label: "fl-spike", ms: 1234}],
  published: ["figures/a.svg"],
  ms: 4321
} as unknown as BuildReport;

test("formatReport(report) lists failures, failed claims, counts, files written and the slowest experiments", () => {
  assert.equal(
    formatReport(report),
    [
      "✗ experiment gs-speed failed: output scalars.ratio is NaN",
      '✗ claim "gamma within 2% of theory" (experiment fl-spike)',
      "    measured 0.740000, expected 0.720000 ± 0.0144000 at d=400",
      '✗ claim "y < 1" (experiment fl-spike): unknown name y: not an output scalar or parameter',
      "computed 3, cached 9, failed 1; claims 1 passed, 2 failed; 4.3s",
      "wrote 1 file to figures/ and site/",
      "slowest: fl-spike (1.23s)",
      ""
    ].join("\n")
  );
});

test("formatCheck(check) writes integers as they are and leaves out list parameters", () => {
  assert.equal(
    formatCheck({params: {n: 3, grid: [1]}, measured: 2, expected: 3, passed: true}),
    "measured 2, expected 3 at n=3"
  );
});

// Claims: parsing the two forms, evaluating against point summaries, filters and errors.
import assert from "node:assert/strict";
import {test} from "node:test";
import {evaluateClaim, parseClaim} from "../../src/build/claims.js";
import type {PointResult} from "../../src/contract/results.js";

function point(params: PointResult["params"], scalars: Record<string, number[]>): PointResult {
  const summary = Object.fromEntries(
    Object.entries(scalars).map(([name, values]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd =
        values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
      return [name, {mean, sd, min: Math.min(...values), max: Math.max(...values), n: values.length}];
    })
  );
  return {params, runs: [], summary};
}

test("parseClaim accepts comparisons and 'within' with relative or absolute tolerances", () => {
  assert.equal(parseClaim("drift < 1e-10").form.kind, "compare");
  const relative = parseClaim("slope within 2% of theory").form;
  assert.ok(relative.kind === "within" && relative.relative === 0.02);
  const absolute = parseClaim("gamma within 2 * sd(gamma) of gamma_theory").form;
  assert.ok(absolute.kind === "within" && absolute.absolute);
  assert.throws(() => parseClaim("gamma is about 1"), /expected "A < B"/);
  assert.throws(() => parseClaim("a < (b"), /cannot parse/);
});

test("evaluateClaim checks every point and reports measured, expected and tolerance", () => {
  const points = [point({d: 200}, {x: [1.01, 0.99]}), point({d: 400}, {x: [1.2, 1.3]})];
  const result = evaluateClaim("e", parseClaim("x within 5% of 1"), points);
  assert.equal(result.passed, false);
  assert.deepEqual(
    result.checks.map((c) => [c.params.d, c.passed]),
    [
      [200, true],
      [400, false]
    ]
  );
  assert.equal(result.checks[1].measured, 1.25);
  assert.equal(result.checks[1].expected, 1);
  assert.ok(Math.abs(result.checks[1].tolerance! - 0.05) < 1e-15);
});

test("evaluateClaim: sd(), se(), min(), max() summarise over seeds; where filters points", () => {
  const points = [point({alpha: 0.5}, {g: [0.5, 0.7]}), point({alpha: 2}, {g: [0.7, 0.72]})];
  const sd = Math.SQRT2 * 0.01;
  const claim = parseClaim("g within 2 * sd(g) of 0.7071", {where: "alpha >= 1"});
  const result = evaluateClaim("e", claim, points);
  assert.equal(result.checks.length, 1);
  assert.ok(Math.abs(result.checks[0].tolerance! - 2 * sd) < 1e-15);
  assert.equal(result.passed, true);
  assert.equal(evaluateClaim("e", parseClaim("max(g) - min(g) < 0.05"), points).passed, false);
  assert.equal(evaluateClaim("e", parseClaim("se(g) <= sd(g)"), points).passed, true);
  assert.equal(evaluateClaim("e", parseClaim("abs(log(g)) < 1"), points).passed, true);
  assert.throws(() => parseClaim("g < 1 && g > 0"), /expected "A < B"/);
});

test("evaluateClaim reports unknown names and empty filters as errors", () => {
  const points = [point({d: 1}, {x: [1]})];
  assert.match(evaluateClaim("e", parseClaim("y < 1"), points).error!, /unknown name y/);
  assert.match(evaluateClaim("e", parseClaim("x < 2", {where: "d > 5"}), points).error!, /no point matches/);
  assert.match(evaluateClaim("e", parseClaim("sd(d) < 2"), points).error!, /unknown output scalar d/);
});

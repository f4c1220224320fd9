import assert from "node:assert/strict";
import {test} from "node:test";
import {adamState, adamStep} from "../../../pipelines/group-shuffle/adam.js";

test("adamStep moves each coordinate by the learning rate on its first step", () => {
  const theta = Float64Array.from([1, -2, 3]);
  const state = adamState([theta]);
  adamStep(state, [theta], [Float64Array.from([0.5, -4, 1e-3])], {learningRate: 0.1});
  // m̂ = g and v̂ = g², so the step is η·g/(|g| + ε).
  assert.ok(Math.abs(theta[0] - 0.9) < 1e-7);
  assert.ok(Math.abs(theta[1] + 1.9) < 1e-7);
  assert.ok(Math.abs(theta[2] - 2.9) < 1e-4);
});

test("adamStep minimises a quadratic", () => {
  const theta = Float64Array.from([5, -3]);
  const state = adamState([theta]);
  for (let t = 0; t < 2000; ++t)
    adamStep(state, [theta], [Float64Array.from([2 * theta[0], 4 * theta[1]])], {learningRate: 0.05});
  assert.ok(Math.abs(theta[0]) < 1e-3 && Math.abs(theta[1]) < 1e-3);
  assert.throws(
    () => adamStep(state, [theta], [Float64Array.from([NaN, 0])], {learningRate: 0.1}),
    /non-finite gradient/
  );
});

// Parameter declarations: checking content values and parsing --set strings.
import assert from "node:assert/strict";
import {test} from "node:test";
import {checkParam, choice, flag, integer, parseParam, real, reals} from "../../src/contract/params.js";

test("checkParam accepts values of the declared type and range and says what it expected otherwise", () => {
  assert.equal(checkParam(integer(4, "d", {min: 1}), 7), 7);
  assert.throws(() => checkParam(integer(4, "d", {min: 1}), 2.5), /expected an integer ≥ 1, got 2.5/);
  assert.throws(() => checkParam(real(1, "eta", {min: 0, max: 3}), 4), /expected a number in \[0, 3\], got 4/);
  assert.throws(
    () => checkParam(choice(["relu", "tanh"], "relu", "σ"), "gelu"),
    /expected one of relu, tanh, got "gelu"/
  );
  assert.throws(() => checkParam(flag(false, "x"), "yes"), /expected true or false/);
  assert.deepEqual(checkParam(reals([1], "grid", {min: 0}), [0, 2]), [0, 2]);
  assert.throws(() => checkParam(reals([1], "grid", {min: 0}), [1, -1]), /expected a list of numbers ≥ 0/);
});

test("parseParam reads numbers, booleans, keywords and comma-separated lists", () => {
  assert.equal(parseParam(real(1, "eta"), "0.25"), 0.25);
  assert.equal(parseParam(integer(1, "d"), "1e3"), 1000);
  assert.throws(() => parseParam(integer(1, "d"), ""), /expected an integer/);
  assert.equal(parseParam(flag(false, "x"), "true"), true);
  assert.equal(parseParam(choice(["relu", "tanh"], "relu", "σ"), "tanh"), "tanh");
  assert.deepEqual(parseParam(reals([], "grid"), "1, 2,4"), [1, 2, 4]);
});

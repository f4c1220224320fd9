// Claims as readers see them: enough significant digits to show the tolerance, integers in full, the margin
// |gap| ÷ tolerance, and counts that say what was checked.
import assert from "node:assert/strict";
import {test} from "node:test";
import {checkDigits, checkMargin, countsText, formatDigits} from "../../src/site/claims.js";

test("checkDigits(check) gives a value checked to 1e-12 thirteen significant digits, and at least four", () => {
  assert.equal(checkDigits({params: {}, measured: 0.25, expected: 0.25, tolerance: 1e-12, passed: true}), 12);
  assert.equal(checkDigits({params: {}, measured: 1.0000000000004, expected: 1, tolerance: 1e-12, passed: true}), 13);
  assert.equal(checkDigits({params: {}, measured: 2.915, expected: 2.914, tolerance: 0.146, passed: true}), 4);
  // One-sided: enough digits to show the gap to the bound.
  assert.equal(checkDigits({params: {}, measured: 0.9995, expected: 0.999, passed: true}), 5);
});

test("formatDigits(x, n) writes integers in full, n significant digits otherwise, and powers of ten outside 10⁻³…10⁶", () => {
  assert.equal(formatDigits(123456789, 4), "123456789");
  assert.equal(formatDigits(-3, 4), "−3");
  assert.equal(formatDigits(1.0000000000004, 13), "1.000000000000");
  assert.equal(formatDigits(0.0070016, 4), "0.007002");
  assert.equal(formatDigits(4.2e-16, 3), "4.20×10<sup>−16</sup>");
});

test("checkMargin(check) is |measured − expected| ÷ tolerance, undefined for one-sided claims", () => {
  assert.equal(checkMargin({params: {}, measured: 1.5, expected: 1, tolerance: 1, passed: true}), 0.5);
  assert.equal(checkMargin({params: {}, measured: 1, expected: 1, tolerance: 0, passed: true}), 0);
  assert.equal(checkMargin({params: {}, measured: 2, expected: 1, passed: true}), undefined);
});

test("countsText(counts) says how many of how many claims hold or fail", () => {
  assert.equal(countsText({passed: 64, total: 64}), "64 of 64 claims hold");
  assert.equal(countsText({passed: 1, total: 1}), "1 of 1 claim holds");
  assert.equal(countsText({passed: 62, total: 64}), "2 of 64 claims fail");
  assert.equal(countsText({passed: 0, total: 0}), "no claims");
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {formatMeanSd, formatNumber, writeFull, writeMeanSd, writeNumber} from "../../src/tables/format.js";
import type {NumberFormat, Target} from "../../src/tables/format.js";

function write(x: number, target: Target = "text", format?: NumberFormat): string {
  return writeNumber(formatNumber(x, format), target);
}

function writePair(mean: number, sd: number, target: Target = "text", format?: NumberFormat): string {
  return writeMeanSd(formatMeanSd(mean, sd, format), target);
}

test("formatNumber(x) keeps 3 significant digits with trailing zeros", () => {
  assert.equal(write(1), "1.00");
  assert.equal(write(0.1), "0.100");
  assert.equal(write(1 / 3), "0.333");
  assert.equal(write(2 / 3), "0.667");
  assert.equal(write(9.9996), "10.0");
  assert.equal(write(123.456), "123");
  assert.equal(write(1234.5), "1230");
  assert.equal(write(0.001), "0.00100");
  assert.equal(write(0.5, "text", {type: "significant", digits: 1}), "0.5");
});

test("formatNumber(x) writes zero and −0 without a sign, and negatives with a minus sign", () => {
  assert.equal(write(0), "0");
  assert.equal(write(-0), "0");
  assert.equal(write(-0.25), "−0.250");
  assert.equal(write(-0.25, "latex"), "$-0.250$");
  assert.equal(write(-0.0001, "text", {type: "fixed", decimals: 2}), "0.00");
  assert.equal(write(-0, "latex", {type: "fixed", decimals: 1}), "0.0");
});

test("formatNumber(x) is scientific below 10⁻³ and from 10⁵, in each target", () => {
  assert.equal(write(0.00099949), "9.99×10⁻⁴");
  assert.equal(write(1.2345e-7), "1.23×10⁻⁷");
  assert.equal(write(1.2345e-7, "html"), "1.23×10<sup>−7</sup>");
  assert.equal(write(1.2345e-7, "latex"), "$1.23\\times10^{-7}$");
  assert.equal(write(-2.5e-8, "latex"), "$-2.50\\times10^{-8}$");
  assert.equal(write(99999.6), "1.00×10⁵");
  assert.equal(write(6.02e23, "html"), "6.02×10<sup>23</sup>");
  assert.equal(write(1e21), "1.00×10²¹");
});

test("formatNumber(x) groups five or more integer digits with thin spaces", () => {
  assert.equal(write(12345.678), "12\u202f300");
  assert.equal(write(12345.678, "latex"), "12\\,300");
  assert.equal(write(1234), "1230");
  assert.equal(write(1234567, "text", {type: "integer"}), "1\u202f234\u202f567");
  assert.equal(write(12.5, "text", {type: "fixed", decimals: 3}), "12.500");
});

test("formatNumber(x) throws on NaN, infinities, fractional integers and bad formats", () => {
  assert.throws(() => formatNumber(NaN), /NaN/);
  assert.throws(() => formatNumber(Infinity), /Infinity/);
  assert.throws(() => formatNumber(1.5, {type: "integer"}), /integer/);
  assert.throws(() => formatNumber(1, {type: "significant", digits: 0}), /significant digits/);
  assert.throws(() => formatNumber(1, {type: "fixed", decimals: -1}), /decimals/);
});

test("formatMeanSd(mean, sd) rounds the mean to the sd's second significant digit", () => {
  assert.equal(writePair(0.51234, 0.0131), "0.512 ± 0.013");
  assert.equal(writePair(0.51234, 0.0131, "latex"), "$0.512 \\pm 0.013$");
  assert.equal(writePair(0.51234, 0.131), "0.51 ± 0.13");
  assert.equal(writePair(5, 12), "5 ± 12");
  assert.equal(writePair(3, 0), "3.00 ± 0");
  assert.equal(writePair(-0.25, 0.01, "html"), "−0.250 ± 0.010");
});

test("formatMeanSd(mean, sd) shares the power of ten of a scientific mean", () => {
  assert.equal(writePair(-1.234e-5, 2.1e-7), "(−1.23 ± 0.02)×10⁻⁵");
  assert.equal(writePair(-1.234e-5, 2.1e-7, "latex"), "$(-1.23 \\pm 0.02)\\times10^{-5}$");
  assert.equal(writePair(1.234e-5, 2.1e-7, "html"), "(1.23 ± 0.02)×10<sup>−5</sup>");
  assert.equal(writePair(123456, 789), "(1.23 ± 0.01)×10⁵");
});

test("formatMeanSd(mean, sd) writes a negligible sd with its own significant digits", () => {
  assert.equal(writePair(0.5, 1e-9), "0.500 ± 1.0×10⁻⁹");
  assert.throws(() => formatMeanSd(1, -1), /negative standard deviation/);
  assert.throws(() => formatMeanSd(NaN, 1), /NaN/);
});

test("formatMeanSd(mean, sd) in fixed and integer formats", () => {
  assert.equal(writePair(0.51234, 0.0131, "text", {type: "fixed", decimals: 1}), "0.5 ± 0.0");
  assert.equal(writePair(12.4, 1.26, "text", {type: "integer"}), "12.4 ± 1.3");
  assert.equal(writePair(12, 2, "text", {type: "integer"}), "12 ± 2");
});

test("writeFull(x) keeps full precision for CSV", () => {
  assert.equal(writeFull(0.1 + 0.2), "0.30000000000000004");
  assert.equal(writeFull(1.2345e-7), "1.2345e-7");
  assert.equal(writeFull(-0), "0");
  assert.equal(Number(writeFull(Math.PI)), Math.PI);
  assert.throws(() => writeFull(NaN), /NaN/);
});

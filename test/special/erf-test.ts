// The error function family against tabulated values (Abramowitz & Stegun table 7.1; 40-digit references).
import assert from "node:assert/strict";
import {test} from "node:test";
import {erf, erfc, erfcx, normalCdf, normalPdf, normalTail} from "../../src/special/erf.js";

// Reference values to 17 significant digits (A&S table 7.1 where it reaches; mpmath at 40 digits beyond).
const ERF: [number, number][] = [
  [1e-5, 1.1283791670578999e-5],
  [0.3, 0.32862675945912745],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [2, 0.9953222650189527]
];
const ERFC: [number, number][] = [
  [0.1, 0.8875370839817152],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [2, 0.004677734981047266],
  [3, 2.209049699858544e-5],
  [4, 1.541725790028002e-8],
  [5, 1.5374597944280349e-12],
  [10, 2.088487583762545e-45],
  [20, 5.395865611607901e-176],
  [26, 5.663192408856143e-296]
];
const PHI: [number, number][] = [
  [-1, 0.15865525393145705],
  [-3, 0.0013498980316300946],
  [-5, 2.866515718791939e-7],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
  [-37, 5.725571222524577e-300],
  [1.5, 0.9331927987311419]
];

test("erf(x) matches tabulated values to 1e-14 relative and is odd", () => {
  for (const [x, expected] of ERF) {
    assertRelative(erf(x), expected, 1e-14, `erf(${x})`);
    assert.equal(erf(-x), -erf(x));
  }
  assert.equal(erf(0), 0);
  assert.equal(erf(Infinity), 1);
  assert.equal(erf(-Infinity), -1);
  assert.ok(Number.isNaN(erf(NaN)));
});

test("erfc(x) matches tabulated values to 1e-14 relative far into the tail", () => {
  for (const [x, expected] of ERFC) assertRelative(erfc(x), expected, 1e-14, `erfc(${x})`);
  assert.equal(erfc(30), 0);
  assert.equal(erfc(-30), 2);
  assertRelative(erfc(-1), 2 - 0.15729920705028513, 1e-15, "erfc(−1)");
});

test("erfcx(x) = e^{x²}erfc(x) matches reference values to 1e-14", () => {
  const values: [number, number][] = [
    [0.2, 0.8090195199015807],
    [1, 0.427583576155807],
    [3, 0.17900115118138996],
    [5, 0.11070463773306863],
    [10, 0.05614099274382259],
    [30, 0.01879588886141675]
  ];
  for (const [x, expected] of values) assertRelative(erfcx(x), expected, 1e-14, `erfcx(${x})`);
  assert.ok(Number.isNaN(erfcx(-1)));
});

test("normalCdf(x) matches reference values to 1e-14 relative, with Φ(−x) + Φ(x) = 1 and Q = 1 − Φ", () => {
  for (const [x, expected] of PHI) {
    assertRelative(normalCdf(x), expected, 1e-14, `Φ(${x})`);
    assertRelative(normalTail(-x), expected, 1e-14, `Q(${-x})`);
  }
  for (let x = -8; x <= 8; x += 0.125) {
    assert.ok(Math.abs(normalCdf(-x) + normalCdf(x) - 1) < 2e-16, `Φ(−x) + Φ(x) at ${x}`);
    assert.ok(Math.abs(normalTail(x) - (1 - normalCdf(x))) < 2e-16, `Q(x) at ${x}`);
  }
  assert.equal(normalCdf(0), 0.5);
  assert.equal(normalCdf(-40), 0);
  assert.equal(normalCdf(40), 1);
});

test("erf and normalCdf agree through Φ(x) = (1 + erf(x/√2))/2, and erf + erfc = 1", () => {
  for (let x = -5; x <= 5; x += 0.0625) {
    assert.ok(Math.abs(normalCdf(x) - 0.5 * (1 + erf(x / Math.SQRT2))) < 3e-16);
    assert.ok(Math.abs(erf(x) + erfc(x) - 1) < 3e-16);
  }
});

test("normalPdf(x) is e^{−x²/2}/√(2π) with full relative accuracy in the tail", () => {
  assertRelative(normalPdf(0), 0.3989422804014327, 1e-16, "φ(0)");
  assertRelative(normalPdf(1), 0.24197072451914334, 1e-15, "φ(1)");
  assertRelative(normalPdf(-30), 1.4736461348785476e-196, 1e-14, "φ(−30)");
  assert.equal(normalPdf(Infinity), 0);
});

function assertRelative(actual: number, expected: number, tolerance: number, label: string): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(error <= tolerance, `${label}: ${actual} vs ${expected} (relative error ${error})`);
}

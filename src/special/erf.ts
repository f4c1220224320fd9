// The error function family to near machine precision: erf, erfc, erfcx and the standard normal CDF Φ and tail.
//
// W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of Computation 23
// (1969) 631–637, with the double-precision coefficients of his SPECFUN routine CALERF
// (https://www.netlib.org/specfun/erf). Three regions:
//   |x| ≤ 0.46875:      erf(x) = x·A(x²)/B(x²);
//   0.46875 < x ≤ 4:    erfc(x) = e^{−x²}·C(x)/D(x);
//   x > 4:              erfc(x) = (e^{−x²}/x)·(1/√π − x^{−2}·P(x^{−2})/Q(x^{−2})).
// The factor e^{−x²} is evaluated as e^{−h²}·e^{−(x−h)(x+h)} with h = ⌊16x⌋/16 (h² is exact), so the
// rounding of x² never reaches the exponent; relative errors stay within a few ulps far into the tail.

/** The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt. NaN for NaN. */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL) return erfSmall(x);
  const r = y >= ERFC_UNDERFLOW ? 1 : 1 - expNegSquare(y) * erfcxRational(y);
  return x < 0 ? -r : r;
}

/** The complementary error function erfc(x) = 1 − erf(x), with full relative accuracy for large x. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL) return 1 - erfSmall(x);
  const r = y >= ERFC_UNDERFLOW ? 0 : expNegSquare(y) * erfcxRational(y);
  return x < 0 ? 2 - r : r;
}

/** The scaled complementary error function erfcx(x) = e^{x²}·erfc(x), for x ≥ 0 (NaN for negative x). */
export function erfcx(x: number): number {
  if (!(x >= 0)) return NaN;
  if (x <= SMALL) return Math.exp(x * x) * (1 - erfSmall(x));
  return erfcxRational(x);
}

/** The standard normal CDF Φ(x) = P(G ≤ x) for G ~ N(0, 1), with full relative accuracy in the lower tail. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x >= 0 ? 1 - normalTail(x) : normalTail(-x);
}

/** The standard normal upper tail Q(x) = 1 − Φ(x) = P(G > x), with full relative accuracy for large x. */
export function normalTail(x: number): number {
  const a = Math.abs(x);
  const y = a * Math.SQRT1_2;
  if (y <= SMALL) return 0.5 * (1 - erfSmall(x * Math.SQRT1_2));
  // e^{−x²/2} from x itself, not from the rounded y = x/√2.
  const r = a >= NORMAL_UNDERFLOW ? 0 : 0.5 * expNegHalfSquare(a) * erfcxRational(y);
  return x < 0 ? 1 - r : r;
}

/** The standard normal density φ(x) = e^{−x²/2}/√(2π), with the exponent evaluated without rounding loss. */
export function normalPdf(x: number): number {
  const a = Math.abs(x);
  return a >= NORMAL_UNDERFLOW ? 0 : expNegHalfSquare(a) * INV_SQRT_2PI;
}

const SMALL = 0.46875;
const ERFC_UNDERFLOW = 26.7; // erfc(26.7) < 2^−1074
const NORMAL_UNDERFLOW = 38.6; // Q(38.6) < 2^−1074
const INV_SQRT_PI = 0.56418958354775628695; // 1/√π
const INV_SQRT_2PI = 0.3989422804014326779; // 1/√(2π)

// Cody's first region: erf(x) = x·A(x²)/B(x²) for |x| ≤ 0.46875.
const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];

// Second region: erfcx(x) = C(x)/D(x) for 0.46875 < x ≤ 4.
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942
];

// Third region: erfcx(x) = (1/√π − t·P(t)/Q(t))/x with t = 1/x² for x > 4.
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4,
  0.0163153871373020978
];
const Q = [
  2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185
];

function erfSmall(x: number): number {
  const t = x * x;
  let num = A[4] * t;
  let den = t;
  for (let i = 0; i < 3; ++i) {
    num = (num + A[i]) * t;
    den = (den + B[i]) * t;
  }
  return (x * (num + A[3])) / (den + B[3]);
}

// e^{x²}·erfc(x) for x > 0.46875.
function erfcxRational(x: number): number {
  if (x <= 4) {
    let num = C[8] * x;
    let den = x;
    for (let i = 0; i < 7; ++i) {
      num = (num + C[i]) * x;
      den = (den + D[i]) * x;
    }
    return (num + C[7]) / (den + D[7]);
  }
  const t = 1 / (x * x);
  let num = P[5] * t;
  let den = t;
  for (let i = 0; i < 4; ++i) {
    num = (num + P[i]) * t;
    den = (den + Q[i]) * t;
  }
  return (INV_SQRT_PI - (t * (num + P[4])) / (den + Q[4])) / x;
}

// e^{−x²} for x ≥ 0 as e^{−h²}·e^{−(x−h)(x+h)}, h = ⌊16x⌋/16, so that h² is exact.
function expNegSquare(x: number): number {
  const h = Math.trunc(16 * x) / 16;
  return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
}

// e^{−x²/2} for x ≥ 0, split the same way.
function expNegHalfSquare(x: number): number {
  const h = Math.trunc(16 * x) / 16;
  return Math.exp(-0.5 * h * h) * Math.exp(-0.5 * (x - h) * (x + h));
}

// Exact scaling by powers of two, with which the eigensolvers and the SVD bring a matrix's largest entry into [1, 2)
// before iterating (no overflow or underflow, and results that scale exactly with the input).

/** x·2^k, exact unless the result leaves the normal range; split in two steps so 2^k itself never overflows. */
export function ldexp(x: number, k: number): number {
  const h = Math.trunc(k / 2);
  return x * 2 ** h * 2 ** (k - h);
}

/** The k for which the largest |x|·2^k over the arrays lies in [1, 2), or null when every entry is zero. */
export function unitScaleExponent(...arrays: ArrayLike<number>[]): number | null {
  let amax = 0;
  for (const values of arrays) for (let i = 0; i < values.length; ++i) amax = Math.max(amax, Math.abs(values[i]));
  return amax === 0 ? null : -Math.floor(Math.log2(amax));
}

// Spearman's rank correlation: the Pearson correlation of the ranks, with tied values given their mean rank.

/** Ranks 1 … n of the values, ties sharing the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  for (const x of values) if (!Number.isFinite(x)) throw new Error(`ranks: non-finite value ${x}`);
  const order = values.map((x, i) => ({x, i})).sort((a, b) => a.x - b.x);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].x === order[start].x) end += 1;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; ++k) out[order[k].i] = mean;
    start = end + 1;
  }
  return out;
}

/** Spearman's ρ of two equally long lists; throws if either has fewer than two distinct values. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error(`spearman: lengths ${x.length} and ${y.length} differ`);
  return pearson(ranks(x), ranks(y));
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) throw new Error("spearman: a list has no spread");
  return sxy / Math.sqrt(sxx * syy);
}

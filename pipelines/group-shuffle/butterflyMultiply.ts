// The official GS multiply (BlockdiagButterflyMultiply of HazyResearch/fly) transcribed as an independent reference.

/**
 * The forward pass of `BlockdiagButterflyMultiply` on one vector x of length k·p, with w1 of shape (k, q, p) and
 * w2 of shape (l, s, r), l·r = k·q; weights are given block by block, row-major. The tensor steps are
 * `x.reshape(k, p)`, a batched product with w1, `reshape(r, l).transpose`, a batched product with w2, and the
 * final `permute(1, 2, 0).reshape(s·l)`; each is written out as an index map below, without any GS helper.
 */
export function butterflyMultiply(
  x: Float64Array,
  w1: readonly Float64Array[],
  shape1: {q: number; p: number},
  w2: readonly Float64Array[],
  shape2: {s: number; r: number}
): Float64Array {
  const k = w1.length;
  const l = w2.length;
  const {q, p} = shape1;
  const {s, r} = shape2;
  if (x.length !== k * p) throw new Error(`butterflyMultiply: x has length ${x.length}, expected k·p = ${k * p}`);
  if (l * r !== k * q) throw new Error(`butterflyMultiply: l·r = ${l * r} must equal k·q = ${k * q}`);
  // out1[i][a] = Σ_c w1[i][a][c] · x[i·p + c]   (x.reshape(k, p) @ w1ᵀ)
  const out1 = new Float64Array(k * q);
  for (let i = 0; i < k; ++i) {
    for (let a = 0; a < q; ++a) {
      let sum = 0;
      for (let c = 0; c < p; ++c) sum += w1[i][a * p + c] * x[i * p + c];
      out1[i * q + a] = sum;
    }
  }
  // out1.reshape(r, l).transpose(): element (row, col) of the r×l view goes to (col, row) of an l×r array.
  const mid = new Float64Array(l * r);
  for (let row = 0; row < r; ++row) for (let col = 0; col < l; ++col) mid[col * r + row] = out1[row * l + col];
  // out2[j][a] = Σ_c w2[j][a][c] · mid[j·r + c]
  const out2 = new Float64Array(l * s);
  for (let j = 0; j < l; ++j) {
    for (let a = 0; a < s; ++a) {
      let sum = 0;
      for (let c = 0; c < r; ++c) sum += w2[j][a * r + c] * mid[j * r + c];
      out2[j * s + a] = sum;
    }
  }
  // out2 of shape (l, s) → permute to (s, l) → flatten: y[a·l + j] = out2[j][a].
  const y = new Float64Array(s * l);
  for (let j = 0; j < l; ++j) for (let a = 0; a < s; ++a) y[a * l + j] = out2[j * s + a];
  return y;
}

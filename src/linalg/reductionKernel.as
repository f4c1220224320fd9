// AssemblyScript source of the WebAssembly SIMD (f64x2) kernels behind src/linalg/reductionWasm.ts: Householder
// tridiagonalisation (eigh), Householder bidiagonalisation (svd) and chains of plane rotations (the SVD's QR sweeps).
//
// The algorithms, their references and their conventions are documented with the TypeScript callers
// (src/linalg/eigh.ts and src/linalg/svd.ts); this file only runs their hot loops over linear memory. All matrices
// are row-major f64 arrays addressed in bytes; vectors are contiguous. Every operation is a plain IEEE-754 multiply
// or add (no fused multiply-add), in a fixed order, so results are the same on every run and machine.

/** The first byte after static data: the caller's buffers start at or after this address. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Householder tridiagonalisation of the symmetric n×n matrix whose lower triangle is at `a` (overwritten): writes
 * the diagonal to d (n), the off-diagonal to e (n − 1), τ_k to tau and, when `refl` is not 0, v_k to row k of the
 * n×n array at refl (coordinates k + 1 … n − 1, v_k[k + 1] = 1). `work` needs 4n + 2 doubles. The trailing rank-2
 * update of step k is applied during the sweep of step k + 1 that forms A₂₂v (see eigh.ts).
 */
export function tridiagonalize(n: i32, a: usize, d: usize, e: usize, refl: usize, tau: usize, work: usize): void {
  const N = <usize>n;
  const row = N << 3;
  let v = work;
  let w = v + row;
  let vp = w + row;
  let wp = vp + row;
  const hh = wp + row;
  memory.fill(work, 0, 4 * row + 16);
  let k = 0;
  for (; k < n - 2; k++) {
    const K = <usize>k << 3;
    // Bring column k (rows k … n − 1) up to date.
    const vpk = load<f64>(vp + K);
    const wpk = load<f64>(wp + K);
    for (let i = k; i < n; i++) {
      const I = <usize>i << 3;
      const p = a + <usize>i * row + K;
      store<f64>(p, load<f64>(p) - (load<f64>(vp + I) * wpk + load<f64>(wp + I) * vpk));
    }
    store<f64>(d + K, load<f64>(a + <usize>k * row + K));

    householder(a + <usize>(k + 1) * row + K, row, n - k - 1, hh);
    const t = load<f64>(hh);
    store<f64>(e + K, load<f64>(hh, 8));
    store<f64>(tau + K, t);
    store<f64>(v + K + 8, 1.0);
    for (let i = k + 2; i < n; i++) {
      store<f64>(v + (<usize>i << 3), t == 0 ? 0 : load<f64>(a + <usize>i * row + K));
    }
    if (refl != 0) memory.copy(refl + <usize>k * row + K + 8, v + K + 8, (N - <usize>k - 1) << 3);

    memory.fill(w + K + 8, 0, (N - <usize>k - 1) << 3);
    sweep(n, a, k + 1, v, w, vp, wp);

    // w = τp − (τ²/2)(pᵀv)v.
    let pv: f64 = 0;
    for (let i = k + 1; i < n; i++) {
      const I = <usize>i << 3;
      const x = load<f64>(w + I) * t;
      store<f64>(w + I, x);
      pv += x * load<f64>(v + I);
    }
    const c = 0.5 * t * pv;
    for (let i = k + 1; i < n; i++) {
      const I = <usize>i << 3;
      store<f64>(w + I, load<f64>(w + I) - c * load<f64>(v + I));
    }
    let swap = vp;
    vp = v;
    v = swap;
    swap = wp;
    wp = w;
    w = swap;
  }
  // The last (at most 2×2) block.
  for (let i = k; i < n; i++) {
    const I = <usize>i << 3;
    for (let j = k; j <= i; j++) {
      const J = <usize>j << 3;
      const p = a + <usize>i * row + J;
      store<f64>(p, load<f64>(p) - (load<f64>(vp + I) * load<f64>(wp + J) + load<f64>(wp + I) * load<f64>(vp + J)));
    }
    store<f64>(d + I, load<f64>(a + <usize>i * row + I));
  }
  if (n >= 2) store<f64>(e + (<usize>(n - 2) << 3), load<f64>(a + <usize>(n - 1) * row + (<usize>(n - 2) << 3)));
}

/**
 * Householder bidiagonalisation of the m×n matrix at `a` (m ≥ n, overwritten): writes the diagonal to d (n), the
 * superdiagonal to e (n − 1), the left vectors to the rows of the n×m array at `left` (coordinates k … m − 1) with
 * τ in leftTau, and the right vectors to the rows of the n×n array at `right` (coordinates k + 1 … n − 1) with τ in
 * rightTau. `work` needs m + n + 2 doubles.
 */
export function bidiagonalize(
  m: i32,
  n: i32,
  a: usize,
  d: usize,
  e: usize,
  left: usize,
  leftTau: usize,
  right: usize,
  rightTau: usize,
  work: usize
): void {
  const row = (<usize>n) << 3;
  const leftRow = (<usize>m) << 3;
  const u = work;
  const z = u + leftRow;
  const hh = z + row;
  for (let k = 0; k < n; k++) {
    const K = <usize>k << 3;
    const rowK = a + <usize>k * row;
    householder(rowK + K, row, m - k, hh);
    const tl = load<f64>(hh);
    store<f64>(d + K, load<f64>(hh, 8));
    store<f64>(leftTau + K, tl);
    store<f64>(u + K, 1.0);
    for (let i = k + 1; i < m; i++) store<f64>(u + (<usize>i << 3), load<f64>(a + <usize>i * row + K));
    memory.copy(left + <usize>k * leftRow + K, u + K, (<usize>(m - k)) << 3);
    if (k + 1 >= n) break;

    memory.fill(z + K + 8, 0, (<usize>(n - k - 1)) << 3);
    if (tl != 0) {
      accumulateRows(a, n, u, k, m, k + 1, z);
      for (let j = k + 1; j < n; j++) {
        const J = <usize>j << 3;
        store<f64>(z + J, load<f64>(z + J) * tl);
      }
      for (let j = k + 1; j < n; j++) {
        const J = <usize>j << 3;
        store<f64>(rowK + J, load<f64>(rowK + J) - load<f64>(z + J));
      }
    }

    if (k + 2 >= n) {
      store<f64>(e + K, load<f64>(rowK + K + 8));
      for (let i = k + 1; i < m; i++) {
        const r = a + <usize>i * row;
        const ui = load<f64>(u + (<usize>i << 3));
        for (let j = k + 1; j < n; j++) {
          const J = <usize>j << 3;
          store<f64>(r + J, load<f64>(r + J) - ui * load<f64>(z + J));
        }
      }
      continue;
    }

    householder(rowK + K + 8, 8, n - k - 1, hh);
    const tr = load<f64>(hh);
    store<f64>(e + K, load<f64>(hh, 8));
    store<f64>(rightTau + K, tr);
    store<f64>(rowK + K + 8, 1.0);
    memory.copy(right + <usize>k * row + K + 8, rowK + K + 8, (<usize>(n - k - 1)) << 3);
    updateRows(a, n, u, z, k + 1, m, k + 1, rowK, tr);
  }
}

/**
 * Applies rotations j = from … to (in that order) to the rows of the row-major array at z (rows of w doubles):
 * rotation j maps (row j, row j + 1) to (c_j·row j + s_j·row j+1, −s_j·row j + c_j·row j+1), four per pass.
 */
export function rotateChain(z: usize, w: i32, c: usize, s: usize, from: i32, to: i32): void {
  const W = <usize>w;
  const row = W << 3;
  const even = W & ~(<usize>1);
  let j = from;
  for (; j + 3 <= to; j += 4) {
    const J = <usize>j << 3;
    const c0 = load<f64>(c + J);
    const s0 = load<f64>(s + J);
    const c1 = load<f64>(c + J, 8);
    const s1 = load<f64>(s + J, 8);
    const c2 = load<f64>(c + J, 16);
    const s2 = load<f64>(s + J, 16);
    const c3 = load<f64>(c + J, 24);
    const s3 = load<f64>(s + J, 24);
    const C0 = f64x2.splat(c0);
    const S0 = f64x2.splat(s0);
    const C1 = f64x2.splat(c1);
    const S1 = f64x2.splat(s1);
    const C2 = f64x2.splat(c2);
    const S2 = f64x2.splat(s2);
    const C3 = f64x2.splat(c3);
    const S3 = f64x2.splat(s3);
    const o0 = z + <usize>j * row;
    const o1 = o0 + row;
    const o2 = o1 + row;
    const o3 = o2 + row;
    const o4 = o3 + row;
    let q: usize = 0;
    for (; q < even; q += 2) {
      const Q = q << 3;
      let x = v128.load(o0 + Q);
      let y = v128.load(o1 + Q);
      v128.store(o0 + Q, f64x2.add(f64x2.mul(C0, x), f64x2.mul(S0, y)));
      x = f64x2.sub(f64x2.mul(C0, y), f64x2.mul(S0, x));
      y = v128.load(o2 + Q);
      v128.store(o1 + Q, f64x2.add(f64x2.mul(C1, x), f64x2.mul(S1, y)));
      x = f64x2.sub(f64x2.mul(C1, y), f64x2.mul(S1, x));
      y = v128.load(o3 + Q);
      v128.store(o2 + Q, f64x2.add(f64x2.mul(C2, x), f64x2.mul(S2, y)));
      x = f64x2.sub(f64x2.mul(C2, y), f64x2.mul(S2, x));
      y = v128.load(o4 + Q);
      v128.store(o3 + Q, f64x2.add(f64x2.mul(C3, x), f64x2.mul(S3, y)));
      v128.store(o4 + Q, f64x2.sub(f64x2.mul(C3, y), f64x2.mul(S3, x)));
    }
    for (; q < W; q++) {
      const Q = q << 3;
      let x = load<f64>(o0 + Q);
      let y = load<f64>(o1 + Q);
      store<f64>(o0 + Q, c0 * x + s0 * y);
      x = c0 * y - s0 * x;
      y = load<f64>(o2 + Q);
      store<f64>(o1 + Q, c1 * x + s1 * y);
      x = c1 * y - s1 * x;
      y = load<f64>(o3 + Q);
      store<f64>(o2 + Q, c2 * x + s2 * y);
      x = c2 * y - s2 * x;
      y = load<f64>(o4 + Q);
      store<f64>(o3 + Q, c3 * x + s3 * y);
      store<f64>(o4 + Q, c3 * y - s3 * x);
    }
  }
  for (; j <= to; j++) {
    const J = <usize>j << 3;
    const cj = load<f64>(c + J);
    const sj = load<f64>(s + J);
    const C = f64x2.splat(cj);
    const S = f64x2.splat(sj);
    const o0 = z + <usize>j * row;
    const o1 = o0 + row;
    let q: usize = 0;
    for (; q < even; q += 2) {
      const Q = q << 3;
      const x = v128.load(o0 + Q);
      const y = v128.load(o1 + Q);
      v128.store(o0 + Q, f64x2.add(f64x2.mul(C, x), f64x2.mul(S, y)));
      v128.store(o1 + Q, f64x2.sub(f64x2.mul(C, y), f64x2.mul(S, x)));
    }
    for (; q < W; q++) {
      const Q = q << 3;
      const x = load<f64>(o0 + Q);
      const y = load<f64>(o1 + Q);
      store<f64>(o0 + Q, cj * x + sj * y);
      store<f64>(o1 + Q, cj * y - sj * x);
    }
  }
}

// The Householder reflection for the `length` doubles at x, x + stride, …: writes v₁ … over x₁ …, leaves x₀, and
// stores τ at out and β at out + 8 (LAPACK dlarfg; see householderVector in householder.ts, which it mirrors).
function householder(x: usize, stride: usize, length: i32, out: usize): void {
  const alpha = load<f64>(x);
  let scale: f64 = 0;
  let p = x + stride;
  for (let i = 1; i < length; i++) {
    scale = max<f64>(scale, abs<f64>(load<f64>(p)));
    p += stride;
  }
  if (scale == 0) {
    store<f64>(out, 0);
    store<f64>(out, alpha, 8);
    return;
  }
  scale = max<f64>(scale, abs<f64>(alpha));
  let sum: f64 = 0;
  p = x;
  for (let i = 0; i < length; i++) {
    const y = load<f64>(p) / scale;
    sum += y * y;
    p += stride;
  }
  const norm = scale * sqrt<f64>(sum);
  const beta = alpha >= 0 ? -norm : norm;
  const f = 1 / (alpha - beta);
  p = x + stride;
  for (let i = 1; i < length; i++) {
    store<f64>(p, load<f64>(p) * f);
    p += stride;
  }
  store<f64>(out, (beta - alpha) / beta);
  store<f64>(out, beta, 8);
}

// For rows i ≥ j ≥ lo of the lower triangle at a: a_ij ← a_ij − vp_i wp_j − wp_i vp_j, and w += A₂₂v over the updated
// block. Four rows at a time, two columns per f64x2 lane pair.
function sweep(n: i32, a: usize, lo: i32, v: usize, w: usize, vp: usize, wp: usize): void {
  const row = (<usize>n) << 3;
  let i = lo;
  for (; i + 3 < n; i += 4) {
    const I = <usize>i << 3;
    const r0 = a + <usize>i * row;
    const r1 = r0 + row;
    const r2 = r1 + row;
    const r3 = r2 + row;
    const V0 = f64x2.splat(load<f64>(v + I));
    const V1 = f64x2.splat(load<f64>(v + I, 8));
    const V2 = f64x2.splat(load<f64>(v + I, 16));
    const V3 = f64x2.splat(load<f64>(v + I, 24));
    const P0 = f64x2.splat(load<f64>(vp + I));
    const P1 = f64x2.splat(load<f64>(vp + I, 8));
    const P2 = f64x2.splat(load<f64>(vp + I, 16));
    const P3 = f64x2.splat(load<f64>(vp + I, 24));
    const Q0 = f64x2.splat(load<f64>(wp + I));
    const Q1 = f64x2.splat(load<f64>(wp + I, 8));
    const Q2 = f64x2.splat(load<f64>(wp + I, 16));
    const Q3 = f64x2.splat(load<f64>(wp + I, 24));
    let S0 = f64x2.splat(0);
    let S1 = f64x2.splat(0);
    let S2 = f64x2.splat(0);
    let S3 = f64x2.splat(0);
    let j = lo;
    for (; j + 1 < i; j += 2) {
      const J = <usize>j << 3;
      const vpj = v128.load(vp + J);
      const wpj = v128.load(wp + J);
      const vj = v128.load(v + J);
      const x0 = f64x2.sub(f64x2.sub(v128.load(r0 + J), f64x2.mul(P0, wpj)), f64x2.mul(Q0, vpj));
      const x1 = f64x2.sub(f64x2.sub(v128.load(r1 + J), f64x2.mul(P1, wpj)), f64x2.mul(Q1, vpj));
      const x2 = f64x2.sub(f64x2.sub(v128.load(r2 + J), f64x2.mul(P2, wpj)), f64x2.mul(Q2, vpj));
      const x3 = f64x2.sub(f64x2.sub(v128.load(r3 + J), f64x2.mul(P3, wpj)), f64x2.mul(Q3, vpj));
      v128.store(r0 + J, x0);
      v128.store(r1 + J, x1);
      v128.store(r2 + J, x2);
      v128.store(r3 + J, x3);
      S0 = f64x2.add(S0, f64x2.mul(x0, vj));
      S1 = f64x2.add(S1, f64x2.mul(x1, vj));
      S2 = f64x2.add(S2, f64x2.mul(x2, vj));
      S3 = f64x2.add(S3, f64x2.mul(x3, vj));
      const sum01 = f64x2.add(f64x2.mul(x0, V0), f64x2.mul(x1, V1));
      const sum = f64x2.add(f64x2.add(sum01, f64x2.mul(x2, V2)), f64x2.mul(x3, V3));
      v128.store(w + J, f64x2.add(v128.load(w + J), sum));
    }
    let s0 = f64x2.extract_lane(S0, 0) + f64x2.extract_lane(S0, 1);
    let s1 = f64x2.extract_lane(S1, 0) + f64x2.extract_lane(S1, 1);
    let s2 = f64x2.extract_lane(S2, 0) + f64x2.extract_lane(S2, 1);
    let s3 = f64x2.extract_lane(S3, 0) + f64x2.extract_lane(S3, 1);
    if (j < i) {
      const J = <usize>j << 3;
      const vpj = load<f64>(vp + J);
      const wpj = load<f64>(wp + J);
      const vj = load<f64>(v + J);
      const x0 = load<f64>(r0 + J) - f64x2.extract_lane(P0, 0) * wpj - f64x2.extract_lane(Q0, 0) * vpj;
      const x1 = load<f64>(r1 + J) - f64x2.extract_lane(P1, 0) * wpj - f64x2.extract_lane(Q1, 0) * vpj;
      const x2 = load<f64>(r2 + J) - f64x2.extract_lane(P2, 0) * wpj - f64x2.extract_lane(Q2, 0) * vpj;
      const x3 = load<f64>(r3 + J) - f64x2.extract_lane(P3, 0) * wpj - f64x2.extract_lane(Q3, 0) * vpj;
      store<f64>(r0 + J, x0);
      store<f64>(r1 + J, x1);
      store<f64>(r2 + J, x2);
      store<f64>(r3 + J, x3);
      s0 += x0 * vj;
      s1 += x1 * vj;
      s2 += x2 * vj;
      s3 += x3 * vj;
      const v0 = f64x2.extract_lane(V0, 0);
      const v1 = f64x2.extract_lane(V1, 0);
      const v2 = f64x2.extract_lane(V2, 0);
      const v3 = f64x2.extract_lane(V3, 0);
      store<f64>(w + J, load<f64>(w + J) + (x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3));
    }
    store<f64>(w + I, load<f64>(w + I) + s0);
    store<f64>(w + I, load<f64>(w + I, 8) + s1, 8);
    store<f64>(w + I, load<f64>(w + I, 16) + s2, 16);
    store<f64>(w + I, load<f64>(w + I, 24) + s3, 24);
    for (let t = i; t < i + 4; t++) triangleRow(n, a, t, i, v, w, vp, wp);
  }
  for (; i < n; i++) triangleRow(n, a, i, lo, v, w, vp, wp);
}

// Row i of `sweep` for columns from … i, one entry at a time.
function triangleRow(n: i32, a: usize, i: i32, from: i32, v: usize, w: usize, vp: usize, wp: usize): void {
  const I = <usize>i << 3;
  const r = a + <usize>i * ((<usize>n) << 3);
  const vi = load<f64>(v + I);
  const vpi = load<f64>(vp + I);
  const wpi = load<f64>(wp + I);
  let s: f64 = 0;
  for (let j = from; j < i; j++) {
    const J = <usize>j << 3;
    const x = load<f64>(r + J) - vpi * load<f64>(wp + J) - wpi * load<f64>(vp + J);
    store<f64>(r + J, x);
    s += x * load<f64>(v + J);
    store<f64>(w + J, load<f64>(w + J) + x * vi);
  }
  const x = load<f64>(r + I) - 2 * vpi * wpi;
  store<f64>(r + I, x);
  store<f64>(w + I, load<f64>(w + I) + (s + x * vi));
}

// z[j] += Σ_{i = lo … hi − 1} u_i a[i][j] for j = from … n − 1, four rows per pass over z.
function accumulateRows(a: usize, n: i32, u: usize, lo: i32, hi: i32, from: i32, z: usize): void {
  const row = (<usize>n) << 3;
  const F = <usize>from << 3;
  const span = <usize>(n - from);
  const even = span & ~(<usize>1);
  let i = lo;
  for (; i + 3 < hi; i += 4) {
    const I = <usize>i << 3;
    const r0 = a + <usize>i * row + F;
    const r1 = r0 + row;
    const r2 = r1 + row;
    const r3 = r2 + row;
    const u0 = load<f64>(u + I);
    const u1 = load<f64>(u + I, 8);
    const u2 = load<f64>(u + I, 16);
    const u3 = load<f64>(u + I, 24);
    const U0 = f64x2.splat(u0);
    const U1 = f64x2.splat(u1);
    const U2 = f64x2.splat(u2);
    const U3 = f64x2.splat(u3);
    const zz = z + F;
    let q: usize = 0;
    for (; q < even; q += 2) {
      const Q = q << 3;
      const sum01 = f64x2.add(f64x2.mul(U0, v128.load(r0 + Q)), f64x2.mul(U1, v128.load(r1 + Q)));
      const sum = f64x2.add(f64x2.add(sum01, f64x2.mul(U2, v128.load(r2 + Q))), f64x2.mul(U3, v128.load(r3 + Q)));
      v128.store(zz + Q, f64x2.add(v128.load(zz + Q), sum));
    }
    for (; q < span; q++) {
      const Q = q << 3;
      const sum = u0 * load<f64>(r0 + Q) + u1 * load<f64>(r1 + Q) + u2 * load<f64>(r2 + Q) + u3 * load<f64>(r3 + Q);
      store<f64>(zz + Q, load<f64>(zz + Q) + sum);
    }
  }
  for (; i < hi; i++) {
    const r = a + <usize>i * row + F;
    const ui = load<f64>(u + (<usize>i << 3));
    const zz = z + F;
    for (let q: usize = 0; q < span; q++) {
      const Q = q << 3;
      store<f64>(zz + Q, load<f64>(zz + Q) + ui * load<f64>(r + Q));
    }
  }
}

// For rows i = lo … hi − 1, columns j ≥ from: x = a_ij − u_i z_j (the left update), then a_ij = x − τ(x·y)y_j with
// y_j = y[j] (the right reflection), two rows per pass.
function updateRows(a: usize, n: i32, u: usize, z: usize, lo: i32, hi: i32, from: i32, y: usize, tau: f64): void {
  const row = (<usize>n) << 3;
  const F = <usize>from << 3;
  const span = <usize>(n - from);
  const even = span & ~(<usize>1);
  const zz = z + F;
  const yy = y + F;
  let i = lo;
  for (; i + 1 < hi; i += 2) {
    const I = <usize>i << 3;
    const r0 = a + <usize>i * row + F;
    const r1 = r0 + row;
    const u0 = load<f64>(u + I);
    const u1 = load<f64>(u + I, 8);
    const U0 = f64x2.splat(u0);
    const U1 = f64x2.splat(u1);
    let S0 = f64x2.splat(0);
    let S1 = f64x2.splat(0);
    let q: usize = 0;
    for (; q < even; q += 2) {
      const Q = q << 3;
      const zj = v128.load(zz + Q);
      const yj = v128.load(yy + Q);
      const x0 = f64x2.sub(v128.load(r0 + Q), f64x2.mul(U0, zj));
      const x1 = f64x2.sub(v128.load(r1 + Q), f64x2.mul(U1, zj));
      v128.store(r0 + Q, x0);
      v128.store(r1 + Q, x1);
      S0 = f64x2.add(S0, f64x2.mul(x0, yj));
      S1 = f64x2.add(S1, f64x2.mul(x1, yj));
    }
    let s0 = f64x2.extract_lane(S0, 0) + f64x2.extract_lane(S0, 1);
    let s1 = f64x2.extract_lane(S1, 0) + f64x2.extract_lane(S1, 1);
    for (; q < span; q++) {
      const Q = q << 3;
      const zj = load<f64>(zz + Q);
      const yj = load<f64>(yy + Q);
      const x0 = load<f64>(r0 + Q) - u0 * zj;
      const x1 = load<f64>(r1 + Q) - u1 * zj;
      store<f64>(r0 + Q, x0);
      store<f64>(r1 + Q, x1);
      s0 += x0 * yj;
      s1 += x1 * yj;
    }
    s0 *= tau;
    s1 *= tau;
    const T0 = f64x2.splat(s0);
    const T1 = f64x2.splat(s1);
    q = 0;
    for (; q < even; q += 2) {
      const Q = q << 3;
      const yj = v128.load(yy + Q);
      v128.store(r0 + Q, f64x2.sub(v128.load(r0 + Q), f64x2.mul(T0, yj)));
      v128.store(r1 + Q, f64x2.sub(v128.load(r1 + Q), f64x2.mul(T1, yj)));
    }
    for (; q < span; q++) {
      const Q = q << 3;
      const yj = load<f64>(yy + Q);
      store<f64>(r0 + Q, load<f64>(r0 + Q) - s0 * yj);
      store<f64>(r1 + Q, load<f64>(r1 + Q) - s1 * yj);
    }
  }
  for (; i < hi; i++) {
    const r = a + <usize>i * row + F;
    const ui = load<f64>(u + (<usize>i << 3));
    let s: f64 = 0;
    for (let q: usize = 0; q < span; q++) {
      const Q = q << 3;
      const x = load<f64>(r + Q) - ui * load<f64>(zz + Q);
      store<f64>(r + Q, x);
      s += x * load<f64>(yy + Q);
    }
    s *= tau;
    for (let q: usize = 0; q < span; q++) {
      const Q = q << 3;
      store<f64>(r + Q, load<f64>(r + Q) - s * load<f64>(yy + Q));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Blocked Householder tridiagonalisation (LAPACK dsytrd with dlatrd, lower triangle; Golub & Van Loan §8.3.1 and
// §5.2.3 for the blocked form): panels of NB columns are reduced with the trailing matrix left untouched except
// for the symmetric products A₂₂v it needs (read only), and the panel's reflectors are then applied to the trailing
// triangle at once as A₂₂ ← A₂₂ − VWᵀ − WVᵀ, a level-3 update by a register-tiled SIMD kernel. The last TAIL or
// fewer columns are reduced by `tridiagonalize`.

const NB: i32 = 32;
const TAIL: i32 = 96;

/** Doubles of `work` that `tridiagonalizeBlocked` needs for an n×n matrix. */
export function tridiagonalizeBlockedWork(n: i32): i32 {
  const m = min(n, TAIL + NB);
  return 2 * NB * n + 4 * NB * (n + 4) + n + 2 * m * m + 3 * m + 4 * m + 16;
}

/**
 * Householder tridiagonalisation with the outputs and conventions of `tridiagonalize` (the same reflectors up to
 * rounding), blocked: `work` needs `tridiagonalizeBlockedWork(n)` doubles.
 */
export function tridiagonalizeBlocked(
  n: i32,
  a: usize,
  d: usize,
  e: usize,
  refl: usize,
  tau: usize,
  work: usize
): void {
  const N = <usize>n;
  const row = N << 3;
  const V = work; // NB columns of length n: V[p] at V + p·row
  const W = V + <usize>NB * row;
  const X = W + <usize>NB * row; // packed −[V W], 4-row slivers
  const Y = X + ((<usize>(2 * NB) * (N + 4)) << 3); // packed [W V]
  const y = Y + ((<usize>(2 * NB) * (N + 4)) << 3);
  const tail = y + row;
  const hh = tail; // τ and β of one reflection (reuses the tail area before it is needed)
  let k0 = 0;
  for (; n - k0 > TAIL + NB; k0 += NB) {
    memory.fill(V, 0, <usize>(2 * NB) * row);
    for (let i = 0; i < NB; i++) {
      const c = k0 + i;
      const C = <usize>c << 3;
      // 1. Bring column c (rows c … n − 1) up to date with the panel's earlier reflectors: gathered into y, updated
      // one reflector at a time (for each entry, p ascending), scattered back.
      for (let r = c; r < n; r++) store<f64>(y + (<usize>r << 3), load<f64>(a + <usize>r * row + C));
      for (let p = 0; p < i; p++) {
        const P = <usize>p * row;
        axpy2(y, V + P, -load<f64>(W + P + C), W + P, -load<f64>(V + P + C), c, n);
      }
      for (let r = c; r < n; r++) store<f64>(a + <usize>r * row + C, load<f64>(y + (<usize>r << 3)));
      store<f64>(d + C, load<f64>(a + <usize>c * row + C));
      // 2. The reflection that annihilates column c below the subdiagonal.
      householder(a + <usize>(c + 1) * row + C, row, n - c - 1, hh);
      const t = load<f64>(hh);
      store<f64>(e + C, load<f64>(hh, 8));
      store<f64>(tau + C, t);
      const v = V + <usize>i * row;
      store<f64>(v + C + 8, 1.0);
      for (let r = c + 2; r < n; r++) store<f64>(v + (<usize>r << 3), t == 0 ? 0 : load<f64>(a + <usize>r * row + C));
      if (refl != 0) memory.copy(refl + <usize>c * row + C + 8, v + C + 8, (N - <usize>c - 1) << 3);
      // 3. y = A₂₂v over the (not yet updated) trailing block, minus the panel's corrections W(Vᵀv) + V(Wᵀv).
      memory.fill(y, 0, row);
      symvLower(n, a, c + 1, v, y);
      for (let p = 0; p < i; p++) {
        const P = <usize>p * row;
        const alpha = dot(V + P, v, c + 1, n);
        const beta = dot(W + P, v, c + 1, n);
        axpy2(y, W + P, -alpha, V + P, -beta, c + 1, n);
      }
      // 4. w = τy − (τ/2)(τyᵀv)v.
      const w = W + <usize>i * row;
      let yv: f64 = 0;
      for (let r = c + 1; r < n; r++) {
        const R = <usize>r << 3;
        const x = load<f64>(y + R) * t;
        store<f64>(w + R, x);
        yv += x * load<f64>(v + R);
      }
      const half = 0.5 * t * yv;
      for (let r = c + 1; r < n; r++) {
        const R = <usize>r << 3;
        store<f64>(w + R, load<f64>(w + R) - half * load<f64>(v + R));
      }
    }
    // The trailing triangle from row and column k0 + NB: A ← A − VWᵀ − WVᵀ.
    syr2kLower(n, a, k0 + NB, V, W, X, Y);
  }
  // The remaining m×m block, unblocked, on a contiguous copy.
  const m = n - k0;
  const M = <usize>m;
  const b = tail;
  const reflB = b + ((M * M) << 3);
  const dB = reflB + ((M * M) << 3);
  const eB = dB + (M << 3);
  const tauB = eB + (M << 3);
  const workB = tauB + (M << 3);
  const K0 = <usize>k0 << 3;
  for (let i = 0; i < m; i++) {
    memory.copy(b + <usize>i * (M << 3), a + <usize>(k0 + i) * row + K0, (<usize>(i + 1)) << 3);
  }
  memory.fill(dB, 0, (3 * M) << 3);
  memory.fill(reflB, 0, (M * M) << 3);
  tridiagonalize(m, b, dB, eB, refl != 0 ? reflB : 0, tauB, workB);
  memory.copy(d + K0, dB, M << 3);
  if (m >= 2) memory.copy(e + K0, eB, (M - 1) << 3);
  memory.copy(tau + K0, tauB, M << 3);
  if (refl != 0) {
    for (let i = 0; i + 2 < m; i++) {
      memory.copy(refl + <usize>(k0 + i) * row + K0, reflB + <usize>i * (M << 3), M << 3);
    }
  }
}

// Σ_{r = lo … hi − 1} x_r y_r: two interleaved partial sums (even and odd r) added at the end.
function dot(x: usize, y: usize, lo: i32, hi: i32): f64 {
  let S = f64x2.splat(0);
  let r = lo;
  for (; r + 1 < hi; r += 2) {
    const R = <usize>r << 3;
    S = f64x2.add(S, f64x2.mul(v128.load(x + R), v128.load(y + R)));
  }
  let s = f64x2.extract_lane(S, 0) + f64x2.extract_lane(S, 1);
  if (r < hi) s += load<f64>(x + (<usize>r << 3)) * load<f64>(y + (<usize>r << 3));
  return s;
}

// z_r ← z_r + α·x_r + β·y_r (in that order) for r = lo … hi − 1.
function axpy2(z: usize, x: usize, alpha: f64, y: usize, beta: f64, lo: i32, hi: i32): void {
  const A = f64x2.splat(alpha);
  const B = f64x2.splat(beta);
  let r = lo;
  for (; r + 1 < hi; r += 2) {
    const R = <usize>r << 3;
    const t = f64x2.add(v128.load(z + R), f64x2.mul(A, v128.load(x + R)));
    v128.store(z + R, f64x2.add(t, f64x2.mul(B, v128.load(y + R))));
  }
  if (r < hi) {
    const R = <usize>r << 3;
    store<f64>(z + R, load<f64>(z + R) + alpha * load<f64>(x + R) + beta * load<f64>(y + R));
  }
}

// y += A₂₂v for the symmetric block of rows and columns lo … n − 1 whose lower triangle is at a (read only). Four
// rows at a time: row i contributes a_ij v_j to y_i and a_ij v_i to y_j (j < i), two columns per f64x2.
function symvLower(n: i32, a: usize, lo: i32, v: usize, y: usize): void {
  const row = (<usize>n) << 3;
  let i = lo;
  for (; i + 3 < n; i += 4) {
    const I = <usize>i << 3;
    const r0 = a + <usize>i * row;
    const r1 = r0 + row;
    const r2 = r1 + row;
    const r3 = r2 + row;
    const V0 = f64x2.splat(load<f64>(v + I));
    const V1 = f64x2.splat(load<f64>(v + I, 8));
    const V2 = f64x2.splat(load<f64>(v + I, 16));
    const V3 = f64x2.splat(load<f64>(v + I, 24));
    let S0 = f64x2.splat(0);
    let S1 = f64x2.splat(0);
    let S2 = f64x2.splat(0);
    let S3 = f64x2.splat(0);
    let j = lo;
    for (; j + 1 < i; j += 2) {
      const J = <usize>j << 3;
      const vj = v128.load(v + J);
      const x0 = v128.load(r0 + J);
      const x1 = v128.load(r1 + J);
      const x2 = v128.load(r2 + J);
      const x3 = v128.load(r3 + J);
      S0 = f64x2.add(S0, f64x2.mul(x0, vj));
      S1 = f64x2.add(S1, f64x2.mul(x1, vj));
      S2 = f64x2.add(S2, f64x2.mul(x2, vj));
      S3 = f64x2.add(S3, f64x2.mul(x3, vj));
      const sum01 = f64x2.add(f64x2.mul(x0, V0), f64x2.mul(x1, V1));
      const sum = f64x2.add(f64x2.add(sum01, f64x2.mul(x2, V2)), f64x2.mul(x3, V3));
      v128.store(y + J, f64x2.add(v128.load(y + J), sum));
    }
    let s0 = f64x2.extract_lane(S0, 0) + f64x2.extract_lane(S0, 1);
    let s1 = f64x2.extract_lane(S1, 0) + f64x2.extract_lane(S1, 1);
    let s2 = f64x2.extract_lane(S2, 0) + f64x2.extract_lane(S2, 1);
    let s3 = f64x2.extract_lane(S3, 0) + f64x2.extract_lane(S3, 1);
    if (j < i) {
      const J = <usize>j << 3;
      const vj = load<f64>(v + J);
      const x0 = load<f64>(r0 + J);
      const x1 = load<f64>(r1 + J);
      const x2 = load<f64>(r2 + J);
      const x3 = load<f64>(r3 + J);
      s0 += x0 * vj;
      s1 += x1 * vj;
      s2 += x2 * vj;
      s3 += x3 * vj;
      const v0 = f64x2.extract_lane(V0, 0);
      const v1 = f64x2.extract_lane(V1, 0);
      const v2 = f64x2.extract_lane(V2, 0);
      const v3 = f64x2.extract_lane(V3, 0);
      store<f64>(y + J, load<f64>(y + J) + (x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3));
    }
    store<f64>(y + I, load<f64>(y + I) + s0);
    store<f64>(y + I, load<f64>(y + I, 8) + s1, 8);
    store<f64>(y + I, load<f64>(y + I, 16) + s2, 16);
    store<f64>(y + I, load<f64>(y + I, 24) + s3, 24);
    for (let t = i; t < i + 4; t++) symvRow(n, a, t, i, v, y);
  }
  for (; i < n; i++) symvRow(n, a, i, lo, v, y);
}

// Row i of `symvLower` for columns from … i, one entry at a time.
function symvRow(n: i32, a: usize, i: i32, from: i32, v: usize, y: usize): void {
  const I = <usize>i << 3;
  const r = a + <usize>i * ((<usize>n) << 3);
  const vi = load<f64>(v + I);
  let s: f64 = 0;
  for (let j = from; j < i; j++) {
    const J = <usize>j << 3;
    const x = load<f64>(r + J);
    s += x * load<f64>(v + J);
    store<f64>(y + J, load<f64>(y + J) + x * vi);
  }
  store<f64>(y + I, load<f64>(y + I) + (s + load<f64>(r + I) * vi));
}

// a_ij ← a_ij − Σ_p (V_p[i] W_p[j] + W_p[i] V_p[j]) for lo ≤ j ≤ i < n, p = 0 … NB − 1 in order (the V terms, then the
// W terms): −[V W] and [W V] are packed into 4-row slivers and 4×4 tiles on and below the diagonal are updated by
// the micro-kernel (upper entries of diagonal tiles are outside the lower triangle and never read).
function syr2kLower(n: i32, a: usize, lo: i32, V: usize, W: usize, X: usize, Y: usize): void {
  const row = (<usize>n) << 3;
  const K = 2 * NB;
  const rows = n - lo;
  const slivers = (rows + 3) >> 2;
  const sliverBytes = (<usize>(K * 4)) << 3;
  for (let s = 0; s < slivers; s++) {
    const xs = X + <usize>s * sliverBytes;
    const ys = Y + <usize>s * sliverBytes;
    for (let r = 0; r < 4; r++) {
      const i = lo + 4 * s + r;
      const I = <usize>i << 3;
      const R = (<usize>r) << 3;
      for (let p = 0; p < K; p++) {
        const P = (<usize>(p * 4)) << 3;
        let xv: f64 = 0;
        let yv: f64 = 0;
        if (i < n) {
          const q = <usize>(p < NB ? p : p - NB) * row + I;
          xv = p < NB ? -load<f64>(V + q) : -load<f64>(W + q);
          yv = p < NB ? load<f64>(W + q) : load<f64>(V + q);
        }
        store<f64>(xs + P + R, xv);
        store<f64>(ys + P + R, yv);
      }
    }
  }
  const full = rows >> 2;
  for (let s = 0; s < full; s++) {
    const i0 = lo + 4 * s;
    const xs = X + <usize>s * sliverBytes;
    for (let t = 0; t <= s; t++) {
      const j0 = lo + 4 * t;
      tileUpdate(K, xs, Y + <usize>t * sliverBytes, a + <usize>i0 * row + ((<usize>j0) << 3), row);
    }
  }
  // Rows of the last, partial sliver, entry by entry.
  for (let i = lo + 4 * full; i < n; i++) {
    const I = <usize>i << 3;
    for (let j = lo; j <= i; j++) {
      const J = <usize>j << 3;
      let x = load<f64>(a + <usize>i * row + J);
      for (let p = 0; p < NB; p++) {
        const P = <usize>p * row;
        x = x + -load<f64>(V + P + I) * load<f64>(W + P + J);
      }
      for (let p = 0; p < NB; p++) {
        const P = <usize>p * row;
        x = x + -load<f64>(W + P + I) * load<f64>(V + P + J);
      }
      store<f64>(a + <usize>i * row + J, x);
    }
  }
}

// C[0:4, 0:4] += Σ_p x_p y_pᵀ over kc packed steps (the 4×4 micro-kernel of gemmKernel.as).
@inline
function tileUpdate(kc: i32, x: usize, y: usize, c: usize, ldc: usize): void {
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  let c00 = v128.load(c);
  let c01 = v128.load(c, 16);
  let c10 = v128.load(c1);
  let c11 = v128.load(c1, 16);
  let c20 = v128.load(c2);
  let c21 = v128.load(c2, 16);
  let c30 = v128.load(c3);
  let c31 = v128.load(c3, 16);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(y);
    const b1 = v128.load(y, 16);
    const a0 = v128.load64_splat(x);
    c00 = f64x2.add(c00, f64x2.mul(a0, b0));
    c01 = f64x2.add(c01, f64x2.mul(a0, b1));
    const a1 = v128.load64_splat(x, 8);
    c10 = f64x2.add(c10, f64x2.mul(a1, b0));
    c11 = f64x2.add(c11, f64x2.mul(a1, b1));
    const a2 = v128.load64_splat(x, 16);
    c20 = f64x2.add(c20, f64x2.mul(a2, b0));
    c21 = f64x2.add(c21, f64x2.mul(a2, b1));
    const a3 = v128.load64_splat(x, 24);
    c30 = f64x2.add(c30, f64x2.mul(a3, b0));
    c31 = f64x2.add(c31, f64x2.mul(a3, b1));
    x += 32;
    y += 32;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c2, c20);
  v128.store(c2, c21, 16);
  v128.store(c3, c30);
  v128.store(c3, c31, 16);
}

// AssemblyScript source of the WebAssembly SIMD (f64x2) matrix-product kernel behind src/linalg/gemmWasm.ts.
//
// Computes C ← C + op(A)·op(B) for a row-major C, with the loop structure of GotoBLAS/BLIS: B is packed into
// KC×NR column slivers, A into MC×KC blocks of MR-row slivers, and a 4×4 register-tiled micro-kernel walks k.
// (K. Goto and R. A. van de Geijn, "Anatomy of High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008;
// F. G. Van Zee and R. A. van de Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality",
// ACM TOMS 41(3), 2015.)
//
// The arithmetic contract of src/linalg/gemmTask.ts holds: every entry is updated as c ← c + (α·a_ik)·b_kj for
// k = 0, 1, …, K−1 in that order, with a separate multiply and add per step (no fused multiply-add, no split
// of the k-sum). Blocking over k only stores the running sum in C between blocks, so the result is the same
// bit for bit as the plain loop, whatever the block sizes.
//
// Operands are addressed by byte strides: entry (i, p) of op(A) is at a + i·ars + p·acs, entry (p, j) of
// op(B) at b + p·brs + j·bcs, entry (i, j) of C at c + i·ldc + 8j.

// Micro-tile: MR rows × NR columns of C held in MR·NR/2 = 8 f64x2 registers.
const MR: i32 = 4;
const NR: i32 = 4;
// Cache blocks: an MC×KC block of packed A (256 KiB) stays in L2, a KC×NR sliver of packed B (8 KiB) in L1.
// MC and NC are multiples of MR and NR, so tiles never straddle blocks.
const MC: i32 = 128;
const KC: i32 = 256;
const NC: i32 = 1024;

/** The first byte after static data: the caller's buffers start at or after this address. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes of scratch space `gemm` needs at its `work` address: packed A, packed B and one edge tile. */
export function workBytes(): usize {
  return (<usize>(MC * KC + KC * NC + MR * NR)) << 3;
}

/**
 * C ← C + op(A)·op(B) for m×k op(A) and k×n op(B), with α folded into the packed copy of A.
 * When `lower` is set (a symmetric rank-k update, op(B) = op(A)ᵀ), only the tiles that reach on or below the
 * diagonal are computed; `mirrorLower` then completes C.
 */
export function gemm(
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  ars: usize,
  acs: usize,
  b: usize,
  brs: usize,
  bcs: usize,
  alpha: f64,
  c: usize,
  ldc: usize,
  lower: bool,
  work: usize
): void {
  const packedA = work;
  const packedB = packedA + ((<usize>(MC * KC)) << 3);
  const tile = packedB + ((<usize>(KC * NC)) << 3);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB(kc, nc, b + <usize>pc * brs + <usize>jc * bcs, brs, bcs, packedB);
      blockPanel(m, kc, nc, jc, a + <usize>pc * acs, ars, acs, alpha, packedA, packedB, c, ldc, lower, tile);
    }
  }
}

// C[:, jc … jc + nc − 1] += α·A[:, block]·B[block, jc … jc + nc − 1] for one packed kc×nc block of B: the row blocks of
// A are packed in turn and the micro-kernel runs over their tiles. With `lower`, tiles wholly above the diagonal
// are skipped (and row blocks above it are not visited).
function blockPanel(
  m: i32,
  kc: i32,
  nc: i32,
  jc: i32,
  a: usize,
  ars: usize,
  acs: usize,
  alpha: f64,
  packedA: usize,
  packedB: usize,
  c: usize,
  ldc: usize,
  lower: bool,
  tile: usize
): void {
  const icStart = lower ? (jc / MC) * MC : 0;
  for (let ic = icStart; ic < m; ic += MC) {
    const mc = min(MC, m - ic);
    packA(mc, kc, a + <usize>ic * ars, ars, acs, alpha, packedA);
    for (let jr = 0; jr < nc; jr += NR) {
      const w = min(NR, nc - jr);
      const bp = packedB + ((<usize>(jr * kc)) << 3);
      for (let ir = 0; ir < mc; ir += MR) {
        const h = min(MR, mc - ir);
        if (lower && ic + ir + h <= jc + jr) continue;
        const ap = packedA + ((<usize>(ir * kc)) << 3);
        const cp = c + <usize>(ic + ir) * ldc + ((<usize>(jc + jr)) << 3);
        if (h == MR && w == NR) {
          micro(kc, ap, bp, cp, ldc);
        } else {
          edgeTile(kc, ap, bp, cp, ldc, h, w, tile);
        }
      }
    }
  }
}

/** Copies the strictly lower triangle of the n×n row-major matrix at c onto the upper one. */
export function mirrorLower(n: i32, c: usize): void {
  const ld = (<usize>n) << 3;
  for (let i = 1; i < n; i++) {
    const row = c + <usize>i * ld;
    let col = c + ((<usize>i) << 3);
    for (let j = 0; j < i; j++) {
      store<f64>(col, load<f64>(row + ((<usize>j) << 3)));
      col += ld;
    }
  }
}

// Packs the mc×kc block of α·op(A) at a into MR-row slivers: sliver s holds, for p = 0…kc−1, the MR entries
// (s·MR + r, p); rows past mc are zero.
function packA(mc: i32, kc: i32, a: usize, ars: usize, acs: usize, alpha: f64, dst: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const h = min(MR, mc - ir);
    let src = a + <usize>ir * ars;
    if (h == MR) {
      for (let p = 0; p < kc; p++) {
        store<f64>(dst, alpha * load<f64>(src));
        store<f64>(dst, alpha * load<f64>(src + ars), 8);
        store<f64>(dst, alpha * load<f64>(src + 2 * ars), 16);
        store<f64>(dst, alpha * load<f64>(src + 3 * ars), 24);
        src += acs;
        dst += MR << 3;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          store<f64>(dst + ((<usize>r) << 3), r < h ? alpha * load<f64>(src + <usize>r * ars) : 0);
        }
        src += acs;
        dst += MR << 3;
      }
    }
  }
}

// Packs the kc×nc block of op(B) at b into NR-column slivers: sliver s holds, for p = 0…kc−1, the NR entries
// (p, s·NR + j); columns past nc are zero.
function packB(kc: i32, nc: i32, b: usize, brs: usize, bcs: usize, dst: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const w = min(NR, nc - jr);
    let src = b + <usize>jr * bcs;
    if (w == NR) {
      for (let p = 0; p < kc; p++) {
        store<f64>(dst, load<f64>(src));
        store<f64>(dst, load<f64>(src + bcs), 8);
        store<f64>(dst, load<f64>(src + 2 * bcs), 16);
        store<f64>(dst, load<f64>(src + 3 * bcs), 24);
        src += brs;
        dst += NR << 3;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let j = 0; j < NR; j++) {
          store<f64>(dst + ((<usize>j) << 3), j < w ? load<f64>(src + <usize>j * bcs) : 0);
        }
        src += brs;
        dst += NR << 3;
      }
    }
  }
}

// A partial h×w tile at the bottom or right edge: runs the micro-kernel on a zero-padded MR×NR copy of it.
// The padding rows and columns of the packed slivers are zero and their results are discarded.
function edgeTile(kc: i32, ap: usize, bp: usize, cp: usize, ldc: usize, h: i32, w: i32, tile: usize): void {
  for (let r = 0; r < MR; r++) {
    for (let j = 0; j < NR; j++) {
      const t = tile + ((<usize>(r * NR + j)) << 3);
      store<f64>(t, r < h && j < w ? load<f64>(cp + <usize>r * ldc + ((<usize>j) << 3)) : 0);
    }
  }
  micro(kc, ap, bp, tile, (<usize>NR) << 3);
  for (let r = 0; r < h; r++) {
    for (let j = 0; j < w; j++) {
      store<f64>(cp + <usize>r * ldc + ((<usize>j) << 3), load<f64>(tile + ((<usize>(r * NR + j)) << 3)));
    }
  }
}

// The 4×4 micro-kernel: C[0:4, 0:4] += Σ_p a_p b_pᵀ over kc packed steps, where a_p (4 entries of an A sliver)
// and b_p (4 entries of a B sliver) are consecutive in memory. The tile is held along its 2×2 blocks' diagonals,
// so that no entry of A or B is splatted: for rows 2i, 2i+1 and columns 2j, 2j+1, one register holds
// (c[2i][2j], c[2i+1][2j+1]) and gains (a_2i·b_2j, a_2i+1·b_2j+1), the other holds (c[2i][2j+1], c[2i+1][2j]) and
// gains the products with b's halves swapped. Splat loads cost a shuffle each on this kind of core; the swap is
// one shuffle per half of b_p, shared by both row pairs. Every entry still gets c ← c + a·b, in the order of p.
@inline
function micro(kc: i32, a: usize, b: usize, c: usize, ldc: usize): void {
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  const r00 = v128.load(c);
  const r01 = v128.load(c, 16);
  const r10 = v128.load(c1);
  const r11 = v128.load(c1, 16);
  const r20 = v128.load(c2);
  const r21 = v128.load(c2, 16);
  const r30 = v128.load(c3);
  const r31 = v128.load(c3, 16);
  // dIJ: the diagonal of the 2×2 block (row pair I, column pair J); sIJ: its anti-diagonal, top row first.
  let d00 = i64x2.shuffle(r00, r10, 0, 3);
  let s00 = i64x2.shuffle(r00, r10, 1, 2);
  let d01 = i64x2.shuffle(r01, r11, 0, 3);
  let s01 = i64x2.shuffle(r01, r11, 1, 2);
  let d10 = i64x2.shuffle(r20, r30, 0, 3);
  let s10 = i64x2.shuffle(r20, r30, 1, 2);
  let d11 = i64x2.shuffle(r21, r31, 0, 3);
  let s11 = i64x2.shuffle(r21, r31, 1, 2);
  for (let p = 0; p < kc; p++) {
    const a0 = v128.load(a);
    const a1 = v128.load(a, 16);
    const b0 = v128.load(b);
    const w0 = i64x2.shuffle(b0, b0, 1, 0);
    const b1 = v128.load(b, 16);
    const w1 = i64x2.shuffle(b1, b1, 1, 0);
    d00 = f64x2.add(d00, f64x2.mul(a0, b0));
    s00 = f64x2.add(s00, f64x2.mul(a0, w0));
    d10 = f64x2.add(d10, f64x2.mul(a1, b0));
    s10 = f64x2.add(s10, f64x2.mul(a1, w0));
    d01 = f64x2.add(d01, f64x2.mul(a0, b1));
    s01 = f64x2.add(s01, f64x2.mul(a0, w1));
    d11 = f64x2.add(d11, f64x2.mul(a1, b1));
    s11 = f64x2.add(s11, f64x2.mul(a1, w1));
    a += MR << 3;
    b += NR << 3;
  }
  v128.store(c, i64x2.shuffle(d00, s00, 0, 2));
  v128.store(c1, i64x2.shuffle(s00, d00, 1, 3));
  v128.store(c, i64x2.shuffle(d01, s01, 0, 2), 16);
  v128.store(c1, i64x2.shuffle(s01, d01, 1, 3), 16);
  v128.store(c2, i64x2.shuffle(d10, s10, 0, 2));
  v128.store(c3, i64x2.shuffle(s10, d10, 1, 3));
  v128.store(c2, i64x2.shuffle(d11, s11, 0, 2), 16);
  v128.store(c3, i64x2.shuffle(s11, d11, 1, 3), 16);
}

/**
 * y ← A·x for an m×k row-major A at a (rows lda bytes apart, read in place, unpacked) and four vectors x stored
 * interleaved (k×4: the four entries p of the vectors are consecutive), giving y interleaved (m×4). Every entry is
 * Σ_p a_ip·x_p summed for p = 0, 1, …, k−1 in that order with a separate multiply and add, as in `gemm`. Four rows
 * of A share each load of x; 8 f64x2 registers hold their sums. For products of a resident matrix with a few
 * vectors (Lanczos), where packing A would cost as much as reading it.
 */
export function matrixTimesFour(m: i32, k: i32, a: usize, lda: usize, x: usize, y: usize): void {
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    let s00 = f64x2.splat(0);
    let s01 = f64x2.splat(0);
    let s10 = f64x2.splat(0);
    let s11 = f64x2.splat(0);
    let s20 = f64x2.splat(0);
    let s21 = f64x2.splat(0);
    let s30 = f64x2.splat(0);
    let s31 = f64x2.splat(0);
    let ap = a + <usize>i * lda;
    let xp = x;
    for (let p = 0; p < k; p++) {
      const x0 = v128.load(xp);
      const x1 = v128.load(xp, 16);
      const a0 = v128.load64_splat(ap);
      s00 = f64x2.add(s00, f64x2.mul(a0, x0));
      s01 = f64x2.add(s01, f64x2.mul(a0, x1));
      const a1 = v128.load64_splat(ap + lda);
      s10 = f64x2.add(s10, f64x2.mul(a1, x0));
      s11 = f64x2.add(s11, f64x2.mul(a1, x1));
      const a2 = v128.load64_splat(ap + 2 * lda);
      s20 = f64x2.add(s20, f64x2.mul(a2, x0));
      s21 = f64x2.add(s21, f64x2.mul(a2, x1));
      const a3 = v128.load64_splat(ap + 3 * lda);
      s30 = f64x2.add(s30, f64x2.mul(a3, x0));
      s31 = f64x2.add(s31, f64x2.mul(a3, x1));
      ap += 8;
      xp += 32;
    }
    const yp = y + ((<usize>i) << 5);
    v128.store(yp, s00);
    v128.store(yp, s01, 16);
    v128.store(yp, s10, 32);
    v128.store(yp, s11, 48);
    v128.store(yp, s20, 64);
    v128.store(yp, s21, 80);
    v128.store(yp, s30, 96);
    v128.store(yp, s31, 112);
  }
  for (; i < m; i++) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let ap = a + <usize>i * lda;
    let xp = x;
    for (let p = 0; p < k; p++) {
      const a0 = v128.load64_splat(ap);
      s0 = f64x2.add(s0, f64x2.mul(a0, v128.load(xp)));
      s1 = f64x2.add(s1, f64x2.mul(a0, v128.load(xp, 16)));
      ap += 8;
      xp += 32;
    }
    const yp = y + ((<usize>i) << 5);
    v128.store(yp, s0);
    v128.store(yp, s1, 16);
  }
}

/** max |a_q| over the `count` doubles at a; NaN if any is NaN (f64x2.max propagates it), +∞ if any is infinite. */
export function maxAbs(count: i32, a: usize): f64 {
  let m0 = f64x2.splat(0);
  let m1 = f64x2.splat(0);
  let q = 0;
  for (; q + 4 <= count; q += 4) {
    const p = a + ((<usize>q) << 3);
    m0 = f64x2.max(m0, f64x2.abs(v128.load(p)));
    m1 = f64x2.max(m1, f64x2.abs(v128.load(p, 16)));
  }
  const m = f64x2.max(m0, m1);
  let result = max<f64>(f64x2.extract_lane(m, 0), f64x2.extract_lane(m, 1));
  for (; q < count; q++) result = max<f64>(result, abs<f64>(load<f64>(a + ((<usize>q) << 3))));
  return result;
}

/**
 * The largest |a_ij − a_ji| over the n×n row-major matrix at a (i > j), visiting 16×16 tiles below the diagonal
 * with their mirror images so that the column-wise reads stay in cache; the first (i, j) attaining it, in that
 * visiting order, is stored as two f64 at `where`.
 */
export function largestAsymmetry(n: i32, a: usize, where: usize): f64 {
  const ld = (<usize>n) << 3;
  let worst: f64 = 0;
  let worstI = 0;
  let worstJ = 0;
  for (let i0 = 0; i0 < n; i0 += 16) {
    const i1 = min(n, i0 + 16);
    for (let j0 = 0; j0 <= i0; j0 += 16) {
      for (let i = i0; i < i1; i++) {
        const j1 = min(i, j0 + 16);
        const row = a + <usize>i * ld;
        for (let j = j0; j < j1; j++) {
          const gap = abs<f64>(load<f64>(row + ((<usize>j) << 3)) - load<f64>(a + <usize>j * ld + ((<usize>i) << 3)));
          if (gap > worst) {
            worst = gap;
            worstI = i;
            worstJ = j;
          }
        }
      }
    }
  }
  store<f64>(where, <f64>worstI);
  store<f64>(where, <f64>worstJ, 8);
  return worst;
}

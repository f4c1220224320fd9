import assert from "node:assert/strict";
import {test} from "node:test";
import {blockDiagonal, randomBlockDiagonal} from "../../../pipelines/group-shuffle/blockDiagonal.js";
import {gs, gsDense, gsoft} from "../../../pipelines/group-shuffle/gs.js";
import {
  blockRanks,
  gsoftLayout,
  orthonormalizeFactors,
  projectGs
} from "../../../pipelines/group-shuffle/projection.js";
import type {GsLayout} from "../../../pipelines/group-shuffle/projection.js";
import {randomPermutation, shuffle} from "../../../pipelines/group-shuffle/shuffle.js";
import {gramTransposeA} from "../../../src/linalg/gemm.js";
import {haarOrthogonal} from "../../../src/linalg/haar.js";
import {matrix} from "../../../src/linalg/matrix.js";
import type {Matrix} from "../../../src/linalg/matrix.js";
import {svd} from "../../../src/linalg/svd.js";
import {createRng} from "../../../src/random/rng.js";

const fig2: GsLayout = {kL: 4, bL1: 3, bL2: 3, kR: 2, bR1: 6, bR2: 6, pL: null, p: shuffle(4, 12), pR: null};

function frobenius(A: Matrix, B?: Matrix): number {
  let sum = 0;
  for (let q = 0; q < A.data.length; ++q) sum += (A.data[q] - (B ? B.data[q] : 0)) ** 2;
  return Math.sqrt(sum);
}

test("blockRanks counts the inner indices of each block (Prop. 1, Fig. 2 layout)", () => {
  // σ = P_(4,12): L block ⌊σ(i)/3⌋ = i mod 4, R block ⌊i/6⌋.
  assert.deepEqual(Array.from(blockRanks(fig2)), [2, 1, 2, 1, 1, 2, 1, 2]);
  // GSOFT with b ≥ r: every block is nonzero.
  for (const [r, b] of [
    [4, 4],
    [4, 8],
    [3, 5],
    [2, 16]
  ])
    assert.ok(blockRanks(gsoftLayout(r, b, shuffle(r, r * b))).every((x) => x > 0));
  // b < r leaves some blocks zero.
  assert.ok(blockRanks(gsoftLayout(8, 4, shuffle(8, 32))).some((x) => x === 0));
});

test("the blocks of a random GS matrix have exactly the ranks of Prop. 1", () => {
  const rng = createRng(51);
  const A = gsDense(gs(randomBlockDiagonal(4, 3, 3, rng), randomBlockDiagonal(2, 6, 6, rng), {p: fig2.p}));
  const counts = blockRanks(fig2);
  for (let k1 = 0; k1 < 4; ++k1) {
    for (let k2 = 0; k2 < 2; ++k2) {
      const block = matrix(3, 6);
      for (let a = 0; a < 3; ++a)
        for (let c = 0; c < 6; ++c) block.data[a * 6 + c] = A.data[(k1 * 3 + a) * 12 + k2 * 6 + c];
      const {s} = svd(block);
      assert.equal(s.filter((x) => x > 1e-10 * s[0]).length, counts[k1 * 2 + k2]);
    }
  }
});

test("projectGs(A) = A for A in GS, with square and rectangular blocks and outer permutations", () => {
  const rng = createRng(52);
  const layouts: GsLayout[] = [
    gsoftLayout(4, 4, shuffle(4, 16)),
    gsoftLayout(8, 4, shuffle(8, 32)),
    gsoftLayout(3, 5, shuffle(3, 15)),
    fig2,
    {
      kL: 4,
      bL1: 3,
      bL2: 5,
      kR: 5,
      bR1: 4,
      bR2: 6,
      pL: randomPermutation(12, rng),
      p: shuffle(4, 20),
      pR: randomPermutation(30, rng)
    },
    {kL: 2, bL1: 7, bL2: 6, kR: 4, bR1: 3, bR2: 5, pL: randomPermutation(14, rng), p: shuffle(2, 12), pR: null}
  ];
  for (const layout of layouts) {
    const {kL, bL1, bL2, kR, bR1, bR2, pL, p, pR} = layout;
    const A = gsDense(gs(randomBlockDiagonal(kL, bL1, bL2, rng), randomBlockDiagonal(kR, bR1, bR2, rng), {pL, p, pR}));
    const projection = projectGs(A, layout);
    assert.ok(frobenius(gsDense(projection.product), A) < 1e-12 * frobenius(A));
    assert.ok(projection.discarded < 1e-20 * frobenius(A) ** 2);

    // A random dense matrix: ‖A − π(A)‖²_F is the sum of the discarded σ², and perturbing π(A) only hurts.
    const B = matrix(A.rows, A.cols, rng.normals(A.rows * A.cols));
    const pi = projectGs(B, layout);
    const error = frobenius(gsDense(pi.product), B);
    assert.ok(Math.abs(error ** 2 - pi.discarded) < 1e-10 * frobenius(B) ** 2);
    for (let t = 0; t < 10; ++t) {
      const jiggle = (D: typeof pi.left) =>
        blockDiagonal(
          D.blocks.map((M) =>
            matrix(
              M.rows,
              M.cols,
              M.data.map((x) => x + 1e-2 * rng.normal())
            )
          )
        );
      assert.ok(frobenius(gsDense(gs(jiggle(pi.left), jiggle(pi.right), {pL, p, pR})), B) >= error);
    }
  }
});

test("orthonormalizeFactors (Theorem 1) turns Algorithm 1's factors of an orthogonal GS matrix into orthogonal blocks", () => {
  const rng = createRng(53);
  for (const [r, b] of [
    [4, 4],
    [2, 8],
    [8, 4],
    [4, 16]
  ]) {
    const n = r * b;
    const haar = () => blockDiagonal(Array.from({length: r}, () => haarOrthogonal(b, rng)));
    const A = gsDense(gsoft(haar(), haar()));
    const layout = gsoftLayout(r, b, shuffle(r, n));
    const projection = projectGs(A, layout);
    const {left, right} = orthonormalizeFactors(projection.left, projection.right);
    for (const B of [...left.blocks, ...right.blocks]) {
      const G = gramTransposeA(B);
      for (let i = 0; i < b; ++i)
        for (let j = 0; j < b; ++j) assert.ok(Math.abs(G.data[i * b + j] - (i === j ? 1 : 0)) < 1e-10);
    }
    assert.ok(frobenius(gsDense(gs(left, right, {pL: layout.pL, p: layout.p})), A) < 1e-10);
  }
});

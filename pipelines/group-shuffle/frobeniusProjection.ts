// E5 of the Group-and-Shuffle paper: Algorithm 1 (Frobenius projection onto GS) and the block ranks of Prop. 1.
import {integer, pipeline, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {frobeniusDistance, frobeniusNorm, vectorNorm} from "../../src/linalg/norms.js";
import {svd} from "../../src/linalg/svd.js";
import type {Rng} from "../../src/random/rng.js";
import {blockDiagonal, randomBlockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";
import {gs, gsDense} from "./gs.js";
import {monarchShape} from "./monarch.js";
import {blockRanks, gsoftLayout, projectGs} from "./projection.js";
import type {GsLayout} from "./projection.js";
import {inversePermutation, randomPermutation, shuffle} from "./shuffle.js";

/** A named layout family of the checks. */
interface NamedLayout {
  name: string;
  layout: GsLayout;
}

/**
 * Spec E5: for GSOFT layouts GS(Pᵀ, P, I) with P = P_(r,n), the Fig. 2 example GS(I, P_(4,12), I) with L of four
 * 3×3 blocks and R of two 6×6 blocks, Monarch layouts, and rectangular layouts with random outer permutations:
 * π(A) = A for random A ∈ GS; for random dense A, ‖A − π(A)‖²_F against the sum of discarded σ², and π(A) against
 * random perturbations of its factors; the numerical rank of every block of P_Lᵀ·A·P_Rᵀ against the counts of
 * Prop. 1, every block nonzero for GSOFT with b ≥ r, and every Monarch block of rank 1.
 */
export const frobeniusProjection = pipeline({
  id: "group-shuffle/frobenius-projection",
  description: "Algorithm 1: exact Frobenius projection onto GS matrices, and the block ranks of Proposition 1.",
  source: import.meta.url,
  params: {
    blocks: reals([4, 8, 4, 16, 3, 2], "numbers of blocks r of the GSOFT layouts", {min: 1, max: 256}),
    block_sizes: reals([4, 4, 8, 8, 5, 16], "block sizes b paired with `blocks`", {min: 1, max: 256}),
    monarch_sizes: reals([16, 64, 32], "sizes n of the Monarch layouts", {min: 1, max: 1024}),
    monarch_blocks: reals([4, 8, 4], "numbers of R blocks k_R paired with `monarch_sizes`", {min: 1}),
    perturbations: integer(100, "random perturbations of π(A) per layout", {min: 0, max: 10000}),
    perturbation_scales: reals([1e-3, 1e-2, 1e-1], "relative sizes of the factor perturbations (cycled)", {min: 0})
  },
  outputs: {
    scalars: {
      projection_exactness_error: "max ‖π(A) − A‖_F/‖A‖_F for A already in the GS class (0 expected)",
      discarded_identity_error: "max |‖A − π(A)‖²_F − Σ discarded σ²|/‖A‖²_F for random dense A",
      perturbations_better: "random factor perturbations of π(A) that came closer to A (0 expected)",
      perturbations_tried: "perturbations tried over all layouts",
      block_rank_mismatches: "blocks of P_Lᵀ·A·P_Rᵀ whose numerical rank differs from Proposition 1's count",
      dense_block_violations: "GSOFT blocks with b ≥ r that Proposition 1 counts as zero",
      monarch_rank_mismatches: "Monarch blocks whose numerical rank is not 1",
      layouts: "number of layouts checked (GSOFT, Fig. 2, Monarch, rectangular)"
    },
    tables: {
      layouts: {
        description: "one row per layout",
        columns: {
          layout: "the layout's name and shape",
          rows: "rows of the matrices",
          cols: "columns",
          parameters: "entries of L and R together",
          exactness_error: "‖π(A) − A‖_F/‖A‖_F for A in the class",
          relative_projection_error: "‖π(A) − A‖_F/‖A‖_F for a random dense A",
          discarded_identity_error: "|‖A − π(A)‖²_F − Σ discarded σ²|/‖A‖²_F",
          perturbations_better: "perturbations that came closer to A"
        }
      },
      fig2_block_ranks: {
        description: "the Fig. 2 layout GS(I, P_(4,12), I): block ranks of a class member",
        columns: {
          k1: "L block index",
          k2: "R block index",
          count: "Proposition 1's count of connections",
          numeric_rank: "numerical rank of the (k1, k2) block (σ > 1e-10·σ₁)"
        }
      }
    }
  },
  run(params, rng) {
    if (
      params.blocks.length !== params.block_sizes.length ||
      params.monarch_sizes.length !== params.monarch_blocks.length
    ) {
      throw new Error("frobenius-projection: paired lists must have equal lengths");
    }
    const layouts: NamedLayout[] = [];
    params.blocks.forEach((r, i) => {
      const b = params.block_sizes[i];
      layouts.push({name: `GSOFT r=${r} b=${b}`, layout: gsoftLayout(r, b, shuffle(r, r * b))});
    });
    layouts.push({
      name: "Fig. 2: L 4×(3×3), R 2×(6×6)",
      layout: {kL: 4, bL1: 3, bL2: 3, kR: 2, bR1: 6, bR2: 6, pL: null, p: shuffle(4, 12), pR: null}
    });
    const monarchNames = new Set<string>();
    params.monarch_sizes.forEach((n, i) => {
      const shape = monarchShape(n, params.monarch_blocks[i]);
      const p = shuffle(shape.kL, n);
      const name = `Monarch n=${n} R ${shape.kR}×(${shape.bR}×${shape.bR}), L ${shape.kL}×(${shape.bL}×${shape.bL})`;
      monarchNames.add(name);
      layouts.push({
        name,
        layout: {
          kL: shape.kL,
          bL1: shape.bL,
          bL2: shape.bL,
          kR: shape.kR,
          bR1: shape.bR,
          bR2: shape.bR,
          pL: inversePermutation(p),
          p,
          pR: null
        }
      });
    });
    const layoutStream = rng.fork("layouts");
    for (const [kL, bL1, bL2, kR, bR1, bR2] of [
      [4, 3, 5, 5, 4, 6],
      [2, 7, 6, 4, 3, 5],
      [6, 2, 4, 4, 6, 5]
    ]) {
      const s = kL * bL2;
      layouts.push({
        name: `rectangular L ${kL}×(${bL1}×${bL2}), R ${kR}×(${bR1}×${bR2})`,
        layout: {
          kL,
          bL1,
          bL2,
          kR,
          bR1,
          bR2,
          pL: randomPermutation(kL * bL1, layoutStream),
          p: shuffle(kL, s),
          pR: randomPermutation(kR * bR2, layoutStream)
        }
      });
    }

    const results: Row[] = [];
    const ranks: Row[] = [];
    let exactness = 0;
    let discardedIdentity = 0;
    let beaten = 0;
    let perturbationsTried = 0;
    let rankMismatches = 0;
    let denseBlockViolations = 0;
    let monarchRankMismatches = 0;
    layouts.forEach(({name, layout}, c) => {
      const stream = rng.fork(`layout-${c}`);
      const {kL, bL1, bL2, kR, bR1, bR2, pL, p, pR} = layout;
      const rows = kL * bL1;
      const cols = kR * bR2;

      // A random member of the class: π(A) = A.
      const [memberL, memberR] = [randomBlockDiagonal(kL, bL1, bL2, stream), randomBlockDiagonal(kR, bR1, bR2, stream)];
      const member = gsDense(gs(memberL, memberR, {pL, p, pR}));
      const memberProjection = gsDense(projectGs(member, layout).product);
      const exact = frobeniusDistance(memberProjection, member) / frobeniusNorm(member);
      exactness = Math.max(exactness, exact);

      // Prop. 1: numerical block ranks of the member against the counts (capped by the block shape).
      const counts = blockRanks(layout);
      const inner = innerMatrix(member, layout);
      for (let k1 = 0; k1 < kL; ++k1) {
        for (let k2 = 0; k2 < kR; ++k2) {
          const count = counts[k1 * kR + k2];
          const expected = Math.min(count, bL1, bR2);
          const numeric = numericalRank(subBlock(inner, k1 * bL1, k2 * bR2, bL1, bR2));
          if (numeric !== expected) ++rankMismatches;
          if (monarchNames.has(name) && numeric !== 1) ++monarchRankMismatches;
          if (name.startsWith("GSOFT") && bL1 >= kL && count === 0) ++denseBlockViolations;
          if (c === params.blocks.length) ranks.push({k1, k2, count, numeric_rank: numeric}); // the Fig. 2 layout
        }
      }

      // A random dense matrix: the projection error is the discarded spectrum, and no perturbation does better.
      const A = matrix(rows, cols, stream.normals(rows * cols));
      const projection = projectGs(A, layout);
      const error = frobeniusDistance(gsDense(projection.product), A);
      const identityGap = Math.abs(error * error - projection.discarded) / frobeniusNorm(A) ** 2;
      discardedIdentity = Math.max(discardedIdentity, identityGap);
      let layoutBeaten = 0;
      for (let t = 0; t < params.perturbations; ++t) {
        const scale = params.perturbation_scales[t % params.perturbation_scales.length];
        const left = perturb(projection.left, scale, stream);
        const right = perturb(projection.right, scale, stream);
        const perturbed = frobeniusDistance(gsDense(gs(left, right, {pL, p, pR})), A);
        if (perturbed < error * (1 - 1e-12)) ++layoutBeaten;
      }
      beaten += layoutBeaten;
      perturbationsTried += params.perturbations;
      results.push({
        layout: name,
        rows,
        cols,
        parameters: kL * bL1 * bL2 + kR * bR1 * bR2,
        exactness_error: exact,
        relative_projection_error: error / frobeniusNorm(A),
        discarded_identity_error: identityGap,
        perturbations_better: layoutBeaten
      });
    });

    return {
      scalars: {
        projection_exactness_error: exactness,
        discarded_identity_error: discardedIdentity,
        perturbations_better: beaten,
        perturbations_tried: perturbationsTried,
        block_rank_mismatches: rankMismatches,
        dense_block_violations: denseBlockViolations,
        monarch_rank_mismatches: monarchRankMismatches,
        layouts: layouts.length
      },
      tables: {layouts: results, fig2_block_ranks: ranks}
    };
  }
});

// P_Lᵀ·A·P_Rᵀ, whose blocks Prop. 1 describes.
function innerMatrix(A: Matrix, {pL, pR}: GsLayout): Matrix {
  const B = matrix(A.rows, A.cols);
  for (let i = 0; i < A.rows; ++i) {
    const source = pL === null ? i : pL[i];
    for (let j = 0; j < A.cols; ++j) B.data[i * A.cols + (pR === null ? j : pR[j])] = A.data[source * A.cols + j];
  }
  return B;
}

function subBlock(A: Matrix, row: number, col: number, rows: number, cols: number): Matrix {
  const B = matrix(rows, cols);
  for (let i = 0; i < rows; ++i) {
    const from = (row + i) * A.cols + col;
    B.data.set(A.data.subarray(from, from + cols), i * cols);
  }
  return B;
}

// Singular values above 1e-10 times the largest (0 for a zero block).
function numericalRank(B: Matrix): number {
  const {s} = svd(B);
  if (s.length === 0 || s[0] === 0) return 0;
  return s.filter((x) => x > 1e-10 * s[0]).length;
}

// Each block plus Gaussian noise of Frobenius norm `scale`·‖block‖_F (blocks that are zero stay zero-mean noise).
function perturb(D: BlockDiagonal, scale: number, rng: Rng): BlockDiagonal {
  return blockDiagonal(
    D.blocks.map((B) => {
      const noise = rng.normals(B.data.length);
      const factor = (scale * Math.max(frobeniusNorm(B), 1e-3)) / Math.max(vectorNorm(noise), Number.MIN_VALUE);
      return matrix(
        B.rows,
        B.cols,
        B.data.map((x, q) => x + factor * noise[q])
      );
    })
  );
}

// E3 of the Group-and-Shuffle paper: the least number of GS and BOFT factors giving a dense product (Theorem 2).
import {flag, integer, pipeline, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {identity} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {applyBlockDiagonalBatch, randomBlockDiagonal, zeroBlockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";
import {boft, boftDenseFactors} from "./butterfly.js";
import {
  boftRowCount,
  gsDenseFactors,
  gsRowCountBound,
  isFull,
  rowCounts,
  supportHas,
  supportsByFactor
} from "./density.js";
import type {Support} from "./density.js";
import {gsChain, gsProduct} from "./gs.js";
import type {GsProduct} from "./gs.js";
import {permuteRows, randomPermutation} from "./shuffle.js";

/** Theorem 2's table as printed in the spec: (r, b, GS min m, BOFT min m or null where BOFT does not apply). */
export const specTable: readonly (readonly [number, number, number, number | null])[] = [
  [4, 4, 2, 3],
  [8, 4, 3, 4],
  [16, 4, 3, 5],
  [32, 4, 4, 6],
  [8, 8, 2, 4],
  [32, 8, 3, 6],
  [9, 3, 3, null],
  [27, 3, 4, null],
  [16, 16, 2, 5],
  [32, 32, 2, 6]
];

/** Entries below this magnitude count as zero in the random-valued products. */
const zeroThreshold = 1e-14;

/**
 * Spec E3: for every block size b and number of blocks r (n = rb ≤ max_n), the support of m GS factors
 * (r blocks of b×b, P_(r,n) between them, random outer P_L and P_R; `gsChain`) and of m BOFT butterfly factors (XOR
 * rule;
 * b even, r a power of two), one factor at a time. Reports the least m giving a dense product against
 * 1 + ⌈log_b r⌉ and 1 + ⌈log₂ r⌉, nonzeros per row against min(n, b^m) and min(n, 2^{m−1}b), random inner
 * permutations that would beat the counting bound, and random-valued products whose entries below 1e-14 must be
 * exactly the structural zeros.
 */
export const densityFactors = pipeline({
  id: "group-shuffle/density-factors",
  description: "Least number of GS and BOFT factors giving a dense product: support propagation against Theorem 2.",
  source: import.meta.url,
  params: {
    block_sizes: reals([2, 3, 4, 8, 16, 32], "block sizes b", {min: 2, max: 1024}),
    ranks: reals([2, 3, 4, 5, 8, 9, 16, 27, 32, 64], "numbers of blocks r", {min: 1, max: 1024}),
    max_n: integer(1024, "largest size n = rb in the grid", {min: 4, max: 4096}),
    numeric: flag(true, "also multiply random-valued factors and compare their zero pattern with the support"),
    random_trials: integer(2, "random inner permutations tried per case for the lower bound", {min: 0, max: 16})
  },
  outputs: {
    scalars: {
      density_formula_mismatches: "gs_formula_mismatches + boft_formula_mismatches",
      gs_formula_mismatches: "cases where the first dense GS product has another factor count than Theorem 2's",
      boft_formula_mismatches: "the same for BOFT (cases where it applies)",
      gs_row_count_mismatches: "cases and factor counts m where a GS support row count differs from the formula",
      boft_row_count_mismatches: "the same for BOFT",
      numeric_support_mismatches:
        "partial products of random-valued factors whose zeros (< 1e-14) differ from the support",
      numeric_checks: "partial products compared (0 when numeric is false)",
      random_permutation_violations: "random inner permutations that made fewer factors than Theorem 2's count dense",
      spec_table_mismatches: "rows of the spec's printed table that differ from the observed counts",
      spec_table_missing: "rows of the printed table whose (r, b) is outside the grid",
      cases: "number of (b, r) cases with n = rb ≤ max_n"
    },
    tables: {
      min_factors: {
        description: "one row per (b, r) case: the least number of factors giving a dense product",
        columns: {
          b: "block size",
          r: "number of blocks",
          n: "size rb",
          gs_formula: "Theorem 2's GS count",
          gs_observed: "first m whose GS support is full",
          boft_applicable: "whether BOFT is defined (b even, r a power of two)",
          boft_formula: "BOFT count from the formula (0 if not applicable)",
          boft_observed: "first m whose BOFT support is full (0 if not applicable)"
        }
      },
      row_counts: {
        description: "nonzeros per row of the support of m factors, per case, structure and m",
        columns: {
          structure: "GS or BOFT",
          b: "block size",
          r: "number of blocks",
          n: "size rb",
          m: "number of factors",
          min_row_nnz: "fewest nonzeros in a row",
          max_row_nnz: "most nonzeros in a row",
          formula: "the predicted nonzeros per row"
        }
      },
      spec_table: {
        description: "the spec's printed Theorem 2 table against the observed counts",
        columns: {
          r: "number of blocks",
          b: "block size",
          gs_spec: "printed GS count",
          gs_observed: "observed GS count (0 if outside the grid)",
          boft_spec: "printed BOFT count (0 where BOFT does not apply)",
          boft_observed: "observed BOFT count (0 if none)",
          boft_applicable: "whether the printed table gives a BOFT count"
        }
      }
    }
  },
  run({block_sizes: blockSizes, ranks, max_n: maxN, numeric, random_trials: randomTrials}, rng) {
    const minFactors: Row[] = [];
    const rowCountRows: Row[] = [];
    let gsFormulaMismatches = 0;
    let boftFormulaMismatches = 0;
    let gsRowCountMismatches = 0;
    let boftRowCountMismatches = 0;
    let numericMismatches = 0;
    let numericChecks = 0;
    let randomViolations = 0;
    const observed = new Map<string, {gs: number; boft: number | null}>();

    for (const b of blockSizes) {
      for (const r of ranks) {
        const n = r * b;
        if (n > maxN) continue;
        const stream = rng.fork(`case-${r}x${b}`);
        const gsFormula = gsDenseFactors(r, b);
        const boftApplies = b % 2 === 0 && Number.isInteger(Math.log2(r));
        const boftFormula = boftApplies ? boftDenseFactors(r) : null;
        const levels = Math.max(gsFormula, boftFormula ?? 0);

        // GS: m square-block factors with P_(r,n) between them and random outer permutations.
        const gsStructure = gsChain(
          Array.from({length: levels}, () => zeroBlockDiagonal(r, b, b)),
          {pR: randomPermutation(n, stream), pL: randomPermutation(n, stream)}
        );
        const gsSupports = supportsByFactor(gsStructure);
        const gsObserved = firstFull(gsSupports);
        if (gsObserved !== gsFormula) ++gsFormulaMismatches;
        gsSupports.forEach((S, i) => {
          const counts = rowCounts(S);
          const m = i + 1;
          const bound = gsRowCountBound(n, b, m);
          if (counts.some((c) => c !== bound)) ++gsRowCountMismatches;
          const [min, max] = [Math.min(...counts), Math.max(...counts)];
          rowCountRows.push({structure: "GS", b, r, n, m, min_row_nnz: min, max_row_nnz: max, formula: bound});
        });
        // The counting bound: no choice of inner permutations makes fewer factors dense.
        for (let t = 0; t < randomTrials && gsFormula > 1; ++t) {
          const inner = Array.from({length: gsFormula - 2}, () => randomPermutation(n, stream));
          const random = gsProduct(
            Array.from({length: gsFormula - 1}, () => zeroBlockDiagonal(r, b, b)),
            [randomPermutation(n, stream), ...inner, randomPermutation(n, stream)]
          );
          if (isFull(supportsByFactor(random).at(-1)!)) ++randomViolations;
        }

        // BOFT: m butterfly factors (XOR rule).
        let boftObserved: number | null = null;
        let boftSupports: Support[] = [];
        let boftStructure: GsProduct | null = null;
        if (boftFormula !== null) {
          boftStructure = boft(Array.from({length: boftFormula}, () => zeroBlockDiagonal(r, b, b)));
          boftSupports = supportsByFactor(boftStructure);
          boftObserved = firstFull(boftSupports);
          if (boftObserved !== boftFormula) ++boftFormulaMismatches;
          boftSupports.forEach((S, i) => {
            const counts = rowCounts(S);
            const m = i + 1;
            const formula = boftRowCount(n, b, m);
            if (counts.some((c) => c !== formula)) ++boftRowCountMismatches;
            const [min, max] = [Math.min(...counts), Math.max(...counts)];
            rowCountRows.push({structure: "BOFT", b, r, n, m, min_row_nnz: min, max_row_nnz: max, formula});
          });
        }

        // Random-valued products: the entries below 1e-14 are exactly the structural zeros.
        if (numeric) {
          const gsValues = withRandomBlocks(gsStructure, stream.fork("gs-values"));
          numericMismatches += zeroPatternMismatches(gsValues, gsSupports, gsFormula);
          numericChecks += gsFormula;
          if (boftStructure !== null && boftFormula !== null) {
            const boftValues = withRandomBlocks(boftStructure, stream.fork("boft-values"));
            numericMismatches += zeroPatternMismatches(boftValues, boftSupports, boftFormula);
            numericChecks += boftFormula;
          }
        }

        observed.set(`${r},${b}`, {gs: gsObserved, boft: boftObserved});
        minFactors.push({
          b,
          r,
          n,
          gs_formula: gsFormula,
          gs_observed: gsObserved,
          boft_applicable: boftFormula !== null,
          boft_formula: boftFormula ?? 0,
          boft_observed: boftObserved ?? 0
        });
      }
    }

    // The spec's printed table against the observed values.
    let specMismatches = 0;
    let specMissing = 0;
    const spec: Row[] = specTable.map(([r, b, gsSpec, boftSpec]) => {
      const seen = observed.get(`${r},${b}`);
      if (seen === undefined) ++specMissing;
      else if (seen.gs !== gsSpec || seen.boft !== boftSpec) ++specMismatches;
      return {
        r,
        b,
        gs_spec: gsSpec,
        gs_observed: seen?.gs ?? 0,
        boft_spec: boftSpec ?? 0,
        boft_observed: seen?.boft ?? 0,
        boft_applicable: boftSpec !== null
      };
    });

    return {
      scalars: {
        density_formula_mismatches: gsFormulaMismatches + boftFormulaMismatches,
        gs_formula_mismatches: gsFormulaMismatches,
        boft_formula_mismatches: boftFormulaMismatches,
        gs_row_count_mismatches: gsRowCountMismatches,
        boft_row_count_mismatches: boftRowCountMismatches,
        numeric_support_mismatches: numericMismatches,
        numeric_checks: numericChecks,
        random_permutation_violations: randomViolations,
        spec_table_mismatches: specMismatches,
        spec_table_missing: specMissing,
        cases: minFactors.length
      },
      tables: {min_factors: minFactors, row_counts: rowCountRows, spec_table: spec}
    };
  }
});

// The number of factors after which the support is full (0 if never).
function firstFull(supports: readonly Support[]): number {
  const index = supports.findIndex(isFull);
  return index + 1;
}

// The same structure with N(0, 1/b) block entries.
function withRandomBlocks(A: GsProduct, rng: Rng): GsProduct {
  const factors: BlockDiagonal[] = A.factors.map((B) => {
    const {rows, cols} = B.blocks[0];
    return randomBlockDiagonal(B.blocks.length, rows, cols, rng, 1 / Math.sqrt(cols));
  });
  return gsProduct(factors, A.permutations);
}

// Multiplies the factors one at a time (dense partial products) and counts, for each of the first `levels`
// partial products, whether the entries below the threshold differ from the structural zeros of the support.
function zeroPatternMismatches(A: GsProduct, supports: readonly Support[], levels: number): number {
  let mismatches = 0;
  let Z: Matrix = identity(A.cols);
  if (A.permutations[0] !== null) Z = permuteRows(A.permutations[0], Z);
  for (let i = 0; i < levels; ++i) {
    Z = applyBlockDiagonalBatch(A.factors[i], Z);
    const next = A.permutations[i + 1];
    if (next !== null) Z = permuteRows(next, Z);
    const S = supports[i];
    for (let row = 0; row < Z.rows; ++row) {
      for (let col = 0; col < Z.cols; ++col) {
        const small = Math.abs(Z.data[row * Z.cols + col]) < zeroThreshold;
        if (small === supportHas(S, row, col)) ++mismatches;
      }
    }
  }
  return mismatches;
}

// E8 of the Group-and-Shuffle paper: multiply–add counts of batched dense, GS and BOFT applies (no clocks).
import {flag, integer, pipeline, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {multiply} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {randomBlockDiagonal} from "./blockDiagonal.js";
import {boft, boftDenseFactors} from "./butterfly.js";
import {gsDenseFactors} from "./density.js";
import {gsApplyBatch, gsChain, gsDense, gsMultiplyAdds, gsoft} from "./gs.js";
import type {GsProduct} from "./gs.js";

/**
 * Spec E8 without clocks: for sizes n and blocks b, the multiply–adds of applying to `batch` vectors a dense n×n
 * matrix (n²), a two-factor GS matrix (2nb), a dense GS product (m_GS·nb, m_GS = 1 + ⌈log_b(n/b)⌉) and a dense
 * BOFT product (m·nb, m = 1 + ⌈log₂(n/b)⌉), counted from the structures that are applied, with the speed-up
 * ratios; and, with `verify`, the batched GS and BOFT applies against their dense matrices times the batch.
 */
export const speed = pipeline({
  id: "group-shuffle/speed",
  description:
    "Multiply–add counts of batched dense, GS and BOFT applies, with the fast products checked against dense.",
  source: import.meta.url,
  params: {
    sizes: reals([64, 128, 256, 512, 1024], "sizes n", {min: 2, max: 8192}),
    block_sizes: reals([8, 16, 32], "block sizes b (must divide n)", {min: 2, max: 1024}),
    batch: integer(64, "vectors per apply", {min: 1, max: 4096}),
    verify: flag(true, "compare the fast applies with dense products on random inputs")
  },
  outputs: {
    scalars: {
      "ratio_gs_n{n}_b{b}": "speed-up n²/(2nb) of a two-factor GS apply over dense, for each (n, b) with b | n, b < n",
      "ratio_gs_boft_n{n}_b{b}": "multiply–adds of a dense BOFT product over a dense GS product (n/b a power of two)",
      max_apply_error: "max relative error of the batched fast applies against dense products (0 without verify)",
      gs_more_than_boft: "(n, b) pairs where the dense GS product costs more than the dense BOFT product"
    },
    tables: {
      costs: {
        description: "one row per (n, b) and structure: the cost of applying it to `batch` vectors",
        columns: {
          n: "size",
          b: "block size",
          structure: "dense, GS (2 factors), GS (dense) or BOFT (dense)",
          factors: "number of factors",
          multiply_adds: "multiply–adds for the batch",
          speedup_vs_dense: "dense multiply–adds / these",
          apply_error: "max relative error of the fast apply (0 for dense or without verify)"
        }
      }
    }
  },
  run({sizes, block_sizes: blockSizes, batch, verify}, rng) {
    const rows: Row[] = [];
    const scalars: Record<string, number> = {};
    let applyError = 0;
    let gsMoreThanBoft = 0;
    for (const n of sizes) {
      for (const b of blockSizes) {
        if (n % b !== 0 || b >= n) continue;
        const r = n / b;
        const stream = rng.fork(`n${n}-b${b}`);
        const random = () => randomBlockDiagonal(r, b, b, stream, 1 / Math.sqrt(b));
        const gs = gsoft(random(), random());
        const gsFactors = gsDenseFactors(r, b);
        const gsDenseProduct = gsChain(Array.from({length: gsFactors}, random));
        const boftFactors = Number.isInteger(Math.log2(r)) ? boftDenseFactors(r) : 0;
        const butterfly = boftFactors > 0 ? boft(Array.from({length: boftFactors}, random)) : null;
        const dense = n * n * batch;
        const gsTwo = gsMultiplyAdds(gs) * batch;
        const gsDenseCount = gsMultiplyAdds(gsDenseProduct) * batch;
        const boftCount = butterfly === null ? 0 : gsMultiplyAdds(butterfly) * batch;
        if (butterfly !== null && gsDenseCount > boftCount) ++gsMoreThanBoft;

        let gsError = 0;
        let gsDenseError = 0;
        let boftError = 0;
        if (verify) {
          const X = matrix(n, batch, stream.normals(n * batch));
          gsError = relativeMaxError(gs, X);
          gsDenseError = relativeMaxError(gsDenseProduct, X);
          boftError = butterfly === null ? 0 : relativeMaxError(butterfly, X);
          applyError = Math.max(applyError, gsError, gsDenseError, boftError);
        }
        const row = (structure: string, factors: number, multiplyAdds: number, error: number): Row => ({
          n,
          b,
          structure,
          factors,
          multiply_adds: multiplyAdds,
          speedup_vs_dense: dense / multiplyAdds,
          apply_error: error
        });
        rows.push(
          row("dense", 1, dense, 0),
          row("GS (2 factors)", 2, gsTwo, gsError),
          row("GS (dense)", gsFactors, gsDenseCount, gsDenseError)
        );
        if (butterfly !== null) rows.push(row("BOFT (dense)", boftFactors, boftCount, boftError));
        scalars[`ratio_gs_n${n}_b${b}`] = dense / gsTwo;
        if (butterfly !== null) scalars[`ratio_gs_boft_n${n}_b${b}`] = boftCount / gsDenseCount;
      }
    }
    return {
      scalars: {...scalars, max_apply_error: applyError, gs_more_than_boft: gsMoreThanBoft},
      tables: {costs: rows}
    };
  }
});

// max |A·X − dense(A)·X| / max |dense(A)·X| for the batched fast apply.
function relativeMaxError(A: GsProduct, X: Matrix): number {
  const fast = gsApplyBatch(A, X).data;
  const reference = multiply(gsDense(A), X).data;
  let error = 0;
  let scale = 0;
  for (let q = 0; q < fast.length; ++q) {
    error = Math.max(error, Math.abs(fast[q] - reference[q]));
    scale = Math.max(scale, Math.abs(reference[q]));
  }
  return error / scale;
}

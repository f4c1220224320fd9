// Times batched GS, BOFT and dense applies as n grows (E8 of the Group-and-Shuffle paper), with one kernel for all.
import {blockDiagonal, randomBlockDiagonal} from "../pipelines/group-shuffle/blockDiagonal.js";
import {boft, boftDenseFactors} from "../pipelines/group-shuffle/butterfly.js";
import {gsDenseFactors} from "../pipelines/group-shuffle/density.js";
import {gsApplyBatch, gsChain, gsDense, gsMultiplyAdds, gsoft, gsProduct} from "../pipelines/group-shuffle/gs.js";
import {multiply} from "../src/linalg/gemm.js";
import {matrix} from "../src/linalg/matrix.js";
import type {Matrix} from "../src/linalg/matrix.js";
import {createRng} from "../src/random/rng.js";
import {medianTime} from "./timing.js";

const sizes = [64, 128, 256, 512, 1024];
const blockSizes = [8, 16, 32];
const batch = 64;
const rng = createRng(20240610).fork("bench-group-shuffle");
const failures: string[] = [];

console.log(
  "batch of 64 vectors; medians in ms. GS: two factors (2nb multiply–adds); GS m, BOFT m: the least factors for a " +
    "dense product. 'ratio' = n/2b, the multiply–add ratio dense/GS; speed-ups compare the same kernel (loops: " +
    "JavaScript row axpys; gemm: the shared WebAssembly GEMM)"
);
for (const n of sizes) {
  for (const b of blockSizes) {
    if (b >= n) continue;
    const r = n / b;
    const random = () => randomBlockDiagonal(r, b, b, rng, 1 / Math.sqrt(b));
    const gsFactors = gsDenseFactors(r, b);
    const gs2 = gsoft(random(), random());
    const gs = gsChain(Array.from({length: gsFactors}, random));
    const butterfly = boft(Array.from({length: boftDenseFactors(r)}, random));
    const D = gsDense(gs2);
    const denseProduct = gsProduct([blockDiagonal([D])], [null, null]); // the dense matrix as a single block
    const X = matrix(n, batch, rng.normals(n * batch));
    const runs = n >= 512 ? 7 : 21;

    const denseLoops = medianTime(() => gsApplyBatch(denseProduct, X, "loops"), runs);
    const denseGemm = medianTime(() => multiply(D, X), runs);
    const gs2Loops = medianTime(() => gsApplyBatch(gs2, X, "loops"), runs);
    const gs2Gemm = medianTime(() => gsApplyBatch(gs2, X, "gemm"), runs);
    const gsLoops = medianTime(() => gsApplyBatch(gs, X, "loops"), runs);
    const boftLoops = medianTime(() => gsApplyBatch(butterfly, X, "loops"), runs);
    const ratio = (n * n) / gsMultiplyAdds(gs2); // n / 2b
    agree(gs2Loops.value, denseGemm.value, `GS n=${n} b=${b}`);
    agree(gs2Gemm.value, denseGemm.value, `GS (gemm) n=${n} b=${b}`);
    agree(gsLoops.value, gsApplyBatch(gs, X, "gemm"), `dense GS n=${n} b=${b}`);
    agree(boftLoops.value, gsApplyBatch(butterfly, X, "gemm"), `BOFT n=${n} b=${b}`);

    const speedup = denseLoops.ms / gs2Loops.ms;
    console.log(
      `n=${String(n).padStart(4)} b=${String(b).padStart(2)} | loops: dense ${fmt(denseLoops.ms)} GS ${fmt(gs2Loops.ms)} ` +
        `GS m=${gsFactors} ${fmt(gsLoops.ms)} BOFT m=${butterfly.factors.length} ${fmt(boftLoops.ms)} | ` +
        `gemm: dense ${fmt(denseGemm.ms)} GS ${fmt(gs2Gemm.ms)} | ratio ${ratio.toFixed(0).padStart(3)} ` +
        `speed-up loops ${speedup.toFixed(1).padStart(5)}× gemm ${(denseGemm.ms / gs2Gemm.ms).toFixed(1).padStart(5)}×`
    );
    if (n >= 256 && speedup < 0.3 * ratio) {
      failures.push(`n=${n} b=${b}: loops speed-up ${speedup.toFixed(1)}× < 0.3 × ratio ${ratio}`);
    }
    if (gsLoops.ms >= boftLoops.ms) {
      failures.push(
        `n=${n} b=${b}: dense GS (${fmt(gsLoops.ms)} ms) not faster than dense BOFT (${fmt(boftLoops.ms)} ms)`
      );
    }
  }
}
console.log(failures.length === 0 ? "checks: all passed" : `checks failed:\n  ${failures.join("\n  ")}`);

function agree(A: Matrix, B: Matrix, label: string): void {
  let error = 0;
  let scale = 0;
  for (let q = 0; q < A.data.length; ++q) {
    error = Math.max(error, Math.abs(A.data[q] - B.data[q]));
    scale = Math.max(scale, Math.abs(B.data[q]));
  }
  if (error > 1e-12 * scale) failures.push(`${label}: fast apply differs from dense by ${error.toExponential(2)}`);
}

function fmt(ms: number): string {
  return ms.toFixed(ms < 1 ? 3 : 1).padStart(6);
}

// One linear layer's adapters (OFT, BOFT, GSOFT, LoRA) as trainable merged weights with parameter gradients.
import {multiply, multiplyTransposeA, multiplyTransposeB} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {zeroBlockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";
import {boft} from "./butterfly.js";
import {gsDense, gsoft} from "./gs.js";
import type {GsProduct} from "./gs.js";
import {gsBlockGradient} from "./gsGradient.js";
import {cayleyBlocksGradient, orthogonalBlocks} from "./orthogonalBlocks.js";

/** The adapters of the toy experiment. */
export type ToyAdapterKind = "oft" | "boft" | "gsoft" | "lora";

/** The merged weight at the current parameters, the orthogonal factor (null for LoRA), and the backward map. */
export interface AdapterEvaluation {
  weight: Matrix;
  Q: Matrix | null;
  /** Parameter gradients (aligned with `parameters`) from G = ∂loss/∂W′. */
  backward(G: Matrix): Float64Array[];
}

/** A trainable adapter of a fixed n_out × n_in weight W. */
export interface TrainableAdapter {
  kind: ToyAdapterKind;
  /** The trainable arrays, updated in place by the optimiser. */
  parameters: Float64Array[];
  parameterCount: number;
  evaluate(): AdapterEvaluation;
}

/**
 * An orthogonal adapter W′ = W·Q with Cayley blocks, all raw blocks zero (Q = I) at the start. `oft`: one factor
 * with blocks of size `block`; `boft`: `factors` butterfly factors of block `block`; `gsoft`: Q = Pᵀ·L·P·R with
 * blocks of size `block`.
 */
export function orthogonalAdapter(
  kind: "oft" | "boft" | "gsoft",
  W: Matrix,
  block: number,
  factors = 2
): TrainableAdapter {
  const n = W.cols;
  if (n % block !== 0) throw new Error(`orthogonalAdapter: block ${block} does not divide n_in = ${n}`);
  const r = n / block;
  const count = kind === "oft" ? 1 : kind === "gsoft" ? 2 : factors;
  const raw: BlockDiagonal[] = Array.from({length: count}, () => zeroBlockDiagonal(r, block, block));
  const assemble = (blocks: BlockDiagonal[]): GsProduct =>
    kind === "gsoft" ? gsoft(blocks[1], blocks[0]) : boft(blocks); // gsoft(L, R): raw[0] is R, raw[1] is L
  const parameters = raw.flatMap((D) => D.blocks.map((B) => B.data));
  return {
    kind,
    parameters,
    parameterCount: parameters.reduce((sum, p) => sum + p.length, 0),
    evaluate() {
      const product = assemble(raw.map((D) => orthogonalBlocks(D)));
      const Q = gsDense(product);
      return {
        weight: multiply(W, Q),
        Q,
        backward(G: Matrix) {
          const dBlocks = gsBlockGradient(product, multiplyTransposeA(W, G)); // ∂loss/∂Q = Wᵀ·G
          return raw.flatMap((D, i) => cayleyBlocksGradient(D, dBlocks[i]).map((B) => B.data));
        }
      };
    }
  };
}

/** LoRA W′ = W + B·A of rank `rank`, with B = 0 and A ~ N(0, 1/n_in) at the start. */
export function loraAdapter(W: Matrix, rank: number, rng: Rng): TrainableAdapter {
  const B = matrix(W.rows, rank);
  const A = matrix(
    rank,
    W.cols,
    rng.normals(rank * W.cols).map((x) => x / Math.sqrt(W.cols))
  );
  return {
    kind: "lora",
    parameters: [B.data, A.data],
    parameterCount: B.data.length + A.data.length,
    evaluate() {
      const BA = multiply(B, A);
      return {
        weight: matrix(
          W.rows,
          W.cols,
          W.data.map((x, q) => x + BA.data[q])
        ),
        Q: null,
        backward(G: Matrix) {
          return [multiplyTransposeB(G, A).data, multiplyTransposeA(B, G).data]; // ∂/∂B = G·Aᵀ, ∂/∂A = Bᵀ·G
        }
      };
    }
  };
}

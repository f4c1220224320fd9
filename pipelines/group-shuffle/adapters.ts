// Trainable-parameter counts of the fine-tuning adapters compared in the paper, per linear layer n_in → n_out.

/** A linear layer y = W x with W of shape n_out × n_in. */
export interface LinearLayer {
  nIn: number;
  nOut: number;
}

/** The block layout of an orthogonal adapter: a block size b, or a number of blocks r (b = n/r). */
export type BlockLayout = {block: number} | {blocks: number};

/**
 * An adapter as configured in the paper's tables. `gsoft`, `oft` and `boft` act on the n_in side and carry the
 * scale vector s ∈ R^{n_out} of the official GSOFT layer (PEFT's boft_s for OFT/BOFT); `double-gsoft` acts on
 * both sides with r blocks per side.
 */
export type Adapter =
  | {method: "full"; bias: boolean}
  | {method: "lora"; rank: number}
  | {method: "oft"; layout: BlockLayout}
  | {method: "boft"; layout: BlockLayout; factors: number}
  | {method: "gsoft"; layout: BlockLayout}
  | {method: "double-gsoft"; blocks: number};

/** The block size for a layout on a side of size n; throws unless it divides n. */
export function blockSize(layout: BlockLayout, n: number): number {
  const b = "block" in layout ? layout.block : n / layout.blocks;
  if (!Number.isInteger(b) || b < 1 || n % b !== 0) {
    throw new Error(`blockSize: ${JSON.stringify(layout)} does not divide a side of size ${n}`);
  }
  return b;
}

/** Full fine-tuning: n_in·n_out, plus n_out with a bias. */
export function fullParameters({nIn, nOut}: LinearLayer, bias: boolean): number {
  return nIn * nOut + (bias ? nOut : 0);
}

/** LoRA of rank r: B (n_out×r) and A (r×n_in), r·(n_in + n_out). */
export function loraParameters({nIn, nOut}: LinearLayer, rank: number): number {
  return rank * (nIn + nOut);
}

/** OFT with block b (PEFT BOFT with one factor): r = n_in/b blocks of b×b plus the scale, n_in·b + n_out. */
export function oftParameters(layer: LinearLayer, layout: BlockLayout): number {
  return boftParameters(layer, layout, 1);
}

/** BOFT with block b and m butterfly factors (PEFT boft_R of shape [m, r, b, b] plus boft_s): m·n_in·b + n_out. */
export function boftParameters({nIn, nOut}: LinearLayer, layout: BlockLayout, factors: number): number {
  return factors * nIn * blockSize(layout, nIn) + nOut;
}

/** GSOFT with block b (r = n_in/b blocks in L and in R) plus the scale: 2·n_in·b + n_out. */
export function gsoftParameters({nIn, nOut}: LinearLayer, layout: BlockLayout): number {
  return 2 * nIn * blockSize(layout, nIn) + nOut;
}

/**
 * Double GSOFT with r blocks per side: a GS layer on the input (2·n_in²/r), one on the output (2·n_out²/r) and
 * the scale (n_out).
 */
export function doubleGsoftParameters({nIn, nOut}: LinearLayer, blocks: number): number {
  return 2 * nIn * blockSize({blocks}, nIn) + 2 * nOut * blockSize({blocks}, nOut) + nOut;
}

/** The trainable parameters an adapter adds to one linear layer. */
export function adapterParameters(adapter: Adapter, layer: LinearLayer): number {
  switch (adapter.method) {
    case "full":
      return fullParameters(layer, adapter.bias);
    case "lora":
      return loraParameters(layer, adapter.rank);
    case "oft":
      return oftParameters(layer, adapter.layout);
    case "boft":
      return boftParameters(layer, adapter.layout, adapter.factors);
    case "gsoft":
      return gsoftParameters(layer, adapter.layout);
    case "double-gsoft":
      return doubleGsoftParameters(layer, adapter.blocks);
  }
}

/** The total over a list of layers. */
export function totalParameters(adapter: Adapter, layers: readonly LinearLayer[]): number {
  return layers.reduce((sum, layer) => sum + adapterParameters(adapter, layer), 0);
}

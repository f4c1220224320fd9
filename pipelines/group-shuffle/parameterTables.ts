// The parameter tables of the paper (GLUE/RoBERTa-base, DreamBooth/SD-2, LipConvNet-15) recomputed from architectures.
import {totalParameters} from "./adapters.js";
import type {Adapter, LinearLayer} from "./adapters.js";

/** One row of a recomputed parameter table. */
export interface ParameterRow {
  /** The method as the paper labels it, e.g. "GSOFT b=8". */
  label: string;
  /** Exact trainable parameters. */
  exact: number;
  /** The printed count in millions (e.g. 1.42 for "1.42M"). */
  published: number;
  /** Decimal places of the printed count. */
  decimals: number;
}

/** A published row of Table 1 (GLUE dev, best eval): metric values per task and the printed ALL. */
export interface GlueRow extends ParameterRow {
  scores: Readonly<Record<GlueTask, number>>;
  all: number;
}

/** The GLUE tasks of Table 1 in the paper's column order. */
export const glueTasks = ["MNLI", "SST-2", "CoLA", "QQP", "QNLI", "RTE", "MRPC", "STS-B"] as const;

/** A GLUE task name. */
export type GlueTask = (typeof glueTasks)[number];

/** A published column of Table 2 (DreamBooth on SD-2-base, 3000 iterations). */
export interface DreamBoothRow extends ParameterRow {
  hours: number;
  clipI: number;
  clipT: number;
}

/** A published row of Table 3 (LipConvNet-15 on CIFAR-100). */
export interface LipConvRow extends ParameterRow {
  groups: string;
  speedup: number;
  accuracy: number;
  robustAccuracy: number;
}

/** A published row of the Table 4 ablation: (accuracy, robust accuracy) for three activation/shuffle variants. */
export interface LipConvAblationRow {
  groups: string;
  notPaired: readonly [number, number];
  maxMinPaired: readonly [number, number];
  maxMinNotPaired: readonly [number, number];
}

/** One SOC convolution of LipConvNet: channels, stride and kernel size. */
export interface ConvLayer {
  cIn: number;
  cOut: number;
  stride: number;
  kernel: number;
}

/** Width of RoBERTa-base. */
const hidden = 768;

/**
 * The nn.Linear layers of RoBERTa-base's encoder that the adapters wrap: per layer q, k, v and the attention
 * output (768→768), the intermediate (768→3072) and the output (3072→768); 12 layers. With `pooler`, also
 * pooler.dense (768→768), which the official GSOFT classifier wraps because it wraps every nn.Linear.
 */
export function robertaBaseLinears(pooler = false): LinearLayer[] {
  const square = {nIn: hidden, nOut: hidden};
  const layers: LinearLayer[] = [];
  for (let l = 0; l < 12; ++l) {
    layers.push(square, square, square, square, {nIn: hidden, nOut: 3072}, {nIn: 3072, nOut: hidden});
  }
  if (pooler) layers.push(square);
  return layers;
}

/**
 * All parameters of RoBERTa-base with its pooler: embeddings (50265 words, 514 positions, 1 token type, LayerNorm),
 * 12 layers (4 attention linears with bias, LayerNorm, intermediate and output linears with bias, LayerNorm) and
 * the pooler: 124,645,632. The 768→768→n_classes classification head is trainable but not counted in Table 1.
 */
export function robertaBaseParameters(): number {
  const layerNorm = 2 * hidden;
  const embeddings = (50265 + 514 + 1) * hidden + layerNorm;
  const linear = (nIn: number, nOut: number) => nIn * nOut + nOut;
  const layer = 4 * linear(hidden, hidden) + layerNorm + linear(hidden, 3072) + linear(3072, hidden) + layerNorm;
  return embeddings + 12 * layer + linear(hidden, hidden);
}

/**
 * Table 1 recomputed. LoRA, OFT and BOFT wrap the 72 encoder linears; GSOFT also wraps pooler.dense, which is why
 * its count (1,423,104) matches the printed 1.42M. BOFT b=8, m=2 under PEFT's counting gives 1,410,048, which
 * rounds to 1.41M, not the printed 1.42M (unresolved).
 */
export function glueTable(): GlueRow[] {
  const encoder = robertaBaseLinears(false);
  const count = (adapter: Adapter, pooler = false) =>
    totalParameters(adapter, pooler ? robertaBaseLinears(true) : encoder);
  const row = (
    label: string,
    exact: number,
    published: number,
    decimals: number,
    scores: number[],
    all: number
  ): GlueRow => ({
    label,
    exact,
    published,
    decimals,
    scores: Object.fromEntries(glueTasks.map((task, i) => [task, scores[i]])) as Record<GlueTask, number>,
    all
  });
  return [
    row("FT", robertaBaseParameters(), 125, 0, [87.62, 94.38, 61.97, 91.5, 93.06, 80.14, 88.97, 90.91], 86.07),
    row(
      "LoRA r=8",
      count({method: "lora", rank: 8}),
      1.33,
      2,
      [87.82, 95.07, 64.02, 90.97, 92.81, 81.95, 88.73, 90.84],
      86.53
    ),
    row(
      "OFT b=16",
      count({method: "oft", layout: {block: 16}}),
      1.41,
      2,
      [87.21, 95.07, 64.37, 90.6, 92.48, 79.78, 89.95, 90.71],
      86.27
    ),
    row(
      "BOFT b=8, m=2",
      count({method: "boft", layout: {block: 8}, factors: 2}),
      1.42,
      2,
      [87.14, 94.38, 62.57, 90.48, 92.39, 80.14, 88.97, 90.67],
      85.84
    ),
    row(
      "GSOFT b=8",
      count({method: "gsoft", layout: {block: 8}}, true),
      1.42,
      2,
      [87.16, 95.06, 65.3, 90.46, 92.46, 81.95, 90.2, 90.76],
      86.67
    )
  ];
}

/**
 * The attention linears of Stable Diffusion 2's UNet that DreamBooth adapts (to_q, to_k, to_v, to_out.0 of the
 * self- and cross-attention of 16 transformer blocks: 5 at C = 320, 5 at C = 640, 6 at C = 1280). Cross-attention
 * keys and values read the 1024-wide text encoding. `bias` marks to_out.0, the only one with a bias.
 */
export function stableDiffusionAttentionLinears(): (LinearLayer & {bias: boolean})[] {
  const layers: (LinearLayer & {bias: boolean})[] = [];
  const widths = [...Array(5).fill(320), ...Array(5).fill(640), ...Array(6).fill(1280)] as number[];
  for (const c of widths) {
    const square = {nIn: c, nOut: c, bias: false};
    const out = {nIn: c, nOut: c, bias: true};
    const text = {nIn: 1024, nOut: c, bias: false};
    layers.push(square, square, square, out); // attn1: self-attention
    layers.push(square, text, text, out); // attn2: cross-attention
  }
  return layers;
}

/**
 * Table 2 recomputed, where r is the number of blocks (b = n/r per layer). Three printed counts are off by 0.1M
 * from the exact ones rounded to one decimal: BOFT 32,6 (20,330,496; printed 20.4M), Double GSOFT 64 (6,569,216;
 * 6.5M) and Double GSOFT 16 (25,977,344; 25.9M).
 */
export function dreamBoothTable(): DreamBoothRow[] {
  const layers = stableDiffusionAttentionLinears();
  const full = layers.reduce((sum, layer) => sum + layer.nIn * layer.nOut + (layer.bias ? layer.nOut : 0), 0);
  const count = (adapter: Adapter) => totalParameters(adapter, layers);
  const row = (
    label: string,
    exact: number,
    published: number,
    hours: number,
    clipI: number,
    clipT: number
  ): DreamBoothRow => ({
    label,
    exact,
    published,
    decimals: 1,
    hours,
    clipI,
    clipT
  });
  return [
    row("Full", full, 99.9, 1.3, 0.805, 0.212),
    row("LoRA 4", count({method: "lora", rank: 4}), 0.8, 1.3, 0.805, 0.246),
    row("LoRA 32", count({method: "lora", rank: 32}), 6.6, 1.3, 0.819, 0.236),
    row("LoRA 128", count({method: "lora", rank: 128}), 26.6, 1.3, 0.813, 0.223),
    row("BOFT 32,4", count({method: "boft", layout: {blocks: 32}, factors: 4}), 13.6, 2.0, 0.803, 0.244),
    row("BOFT 32,6", count({method: "boft", layout: {blocks: 32}, factors: 6}), 20.4, 2.2, 0.796, 0.234),
    row("BOFT 16,5", count({method: "boft", layout: {blocks: 16}, factors: 5}), 33.8, 2.3, 0.789, 0.223),
    row("GSOFT 32", count({method: "gsoft", layout: {blocks: 32}}), 6.8, 1.5, 0.805, 0.256),
    row("GSOFT 16", count({method: "gsoft", layout: {blocks: 16}}), 13.6, 1.6, 0.803, 0.245),
    row("GSOFT 8", count({method: "gsoft", layout: {blocks: 8}}), 27.1, 1.8, 0.783, 0.227),
    row("DGSOFT 64", count({method: "double-gsoft", blocks: 64}), 6.5, 1.7, 0.815, 0.256),
    row("DGSOFT 32", count({method: "double-gsoft", blocks: 32}), 13.0, 2.0, 0.802, 0.242),
    row("DGSOFT 16", count({method: "double-gsoft", blocks: 16}), 25.9, 1.8, 0.783, 0.225)
  ];
}

/**
 * The SOC convolutions of LipConvNet-n (Singla & Feizi's lip_convnets.py) for n = 5·(convs per stage): five
 * stages with `initChannels` doubling, each ending in a stride-2 conv (space-to-depth, so c_in·4 input channels)
 * and the last conv of stage 5 being 1×1; then a final 1×1 SOC from the flattened features to the classes.
 */
export function lipConvNetLayers(depth = 15, initChannels = 32, classes = 100, inputSide = 32): ConvLayer[] {
  if (depth % 5 !== 0) throw new Error(`lipConvNetLayers: depth must be a multiple of 5, got ${depth}`);
  const perStage = depth / 5;
  const layers: ConvLayer[] = [];
  let cIn = 3;
  let planes = initChannels;
  for (let stage = 0; stage < 5; ++stage) {
    for (let j = 0; j < perStage; ++j) {
      const last = j === perStage - 1;
      const stride = last ? 2 : 1;
      layers.push({cIn, cOut: planes * stride, stride, kernel: last && stage === 4 ? 1 : 3});
      cIn = planes * stride;
    }
    planes = cIn;
  }
  const flat = (inputSide / 32) ** 2 * cIn;
  layers.push({cIn: flat, cOut: classes, stride: 1, kernel: 1});
  return layers;
}

/**
 * Parameters of one SOC layer with `groups` groups: groups·(max(c_out, c_in·s²)/groups)²·k² + c_out (the skew
 * kernel is stored at the larger of the output and space-to-depth input widths, plus a bias).
 */
export function socParameters({cIn, cOut, stride, kernel}: ConvLayer, groups = 1): number {
  const width = Math.max(cOut, cIn * stride * stride);
  if (width % groups !== 0) throw new Error(`socParameters: ${groups} groups do not divide ${width} channels`);
  return groups * (width / groups) ** 2 * kernel * kernel + cOut;
}

/**
 * Parameters of one GS-SOC layer, GrConv₂(ChShuffle₂(GrConv₁(ChShuffle₁(X)))): a grouped SOC with `groups1`
 * groups and the layer's kernel, then (unless `groups2` is null, the "(g,–)" rows) a 1×1 grouped SOC on c_out
 * channels with `groups2` groups.
 */
export function gsSocParameters(layer: ConvLayer, groups1: number, groups2: number | null): number {
  const second =
    groups2 === null ? 0 : socParameters({cIn: layer.cOut, cOut: layer.cOut, stride: 1, kernel: 1}, groups2);
  return socParameters(layer, groups1) + second;
}

/** Total parameters of LipConvNet-15 with SOC layers, or with GS-SOC (g₁, g₂) in all but the final 1×1 layer. */
export function lipConvNetParameters(groups: readonly [number, number | null] | null): number {
  const layers = lipConvNetLayers();
  return layers.reduce((sum, layer, i) => {
    const last = i === layers.length - 1;
    return sum + (groups === null || last ? socParameters(layer) : gsSocParameters(layer, groups[0], groups[1]));
  }, 0);
}

/** Table 3 recomputed (LipConvNet-15, CIFAR-100; MaxMinPermuted with the paired shuffle). */
export function lipConvTable(): LipConvRow[] {
  const row = (
    label: string,
    groups: readonly [number, number | null] | null,
    published: number,
    decimals: number,
    speedup: number,
    accuracy: number,
    robustAccuracy: number
  ): LipConvRow => ({
    label,
    groups: groups === null ? "–" : `(${groups[0]},${groups[1] ?? "–"})`,
    exact: lipConvNetParameters(groups),
    published,
    decimals,
    speedup,
    accuracy,
    robustAccuracy
  });
  return [
    row("SOC", null, 24.1, 1, 1, 43.15, 29.18),
    row("GS-SOC", [4, null], 6.81, 2, 1.64, 43.48, 29.26),
    row("GS-SOC", [4, 1], 8.91, 2, 1.21, 43.42, 29.56),
    row("GS-SOC", [4, 2], 7.86, 2, 1.22, 42.86, 28.98),
    row("GS-SOC", [4, 4], 7.3, 1, 1.23, 42.75, 28.7)
  ];
}

/** Table 4 (ablation of activation and shuffle), published values only. */
export function lipConvAblationTable(): LipConvAblationRow[] {
  return [
    {groups: "(4,–)", notPaired: [40.46, 26.18], maxMinPaired: [37.99, 24.19], maxMinNotPaired: [39.72, 25.96]},
    {groups: "(4,1)", notPaired: [40.15, 26.4], maxMinPaired: [40.3, 26.74], maxMinNotPaired: [41.7, 27.66]},
    {groups: "(4,2)", notPaired: [41.13, 27.53], maxMinPaired: [41.55, 27.45], maxMinNotPaired: [41.25, 27.29]},
    {groups: "(4,4)", notPaired: [38.93, 25.59], maxMinPaired: [40.34, 27.06], maxMinNotPaired: [41.57, 27.48]}
  ];
}

/** The exact count in millions rounded to the printed number of decimals. */
export function roundedMillions(row: ParameterRow): number {
  const scale = 10 ** row.decimals;
  return Math.round((row.exact / 1e6) * scale) / scale;
}

/** Whether the exact count rounds to the printed value. */
export function roundsToPublished(row: ParameterRow): boolean {
  return Math.abs(roundedMillions(row) - row.published) < 1e-9;
}

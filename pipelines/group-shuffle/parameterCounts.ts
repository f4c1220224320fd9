// E1 of the Group-and-Shuffle paper: exact parameter counts of Tables 1–3, the n = 1024 example and Monarch.
import {integer, pipeline} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {boftParameters, gsoftParameters, oftParameters, totalParameters} from "./adapters.js";
import {boftDenseFactors} from "./butterfly.js";
import {gsDenseFactors} from "./density.js";
import {monarchShape} from "./monarch.js";
import {
  dreamBoothTable,
  glueTable,
  glueTasks,
  lipConvAblationTable,
  lipConvTable,
  robertaBaseLinears,
  roundedMillions,
  roundsToPublished,
  stableDiffusionAttentionLinears
} from "./parameterTables.js";
import type {ParameterRow} from "./parameterTables.js";

/** The columns Tables 1 and 2 share: a method's exact, published and printed parameter counts. */
const countColumns = {
  method: "row label",
  params_exact: "exact trainable parameter count",
  params_published: "published count, millions",
  params_printed: 'the count as printed, e.g. "0.6M"',
  params_rounded: "the exact count in millions, rounded to the printed decimals",
  rounds_to_published: "whether the exact count rounds to the printed one",
  deviation_millions: "|exact/10⁶ − published|"
};

/**
 * Spec E1: Tables 1–3 recomputed as exact integers from the architectures (RoBERTa-base linears, the SD-2 UNet
 * attention linears, LipConvNet-15's SOC layers) and the per-layer formulas of §2, with flags for the printed
 * values that the exact counts do not round to; the dense BOFT vs GS example; and the Monarch layouts of App. C.
 * Deterministic: the random source is not used.
 */
export const parameterCounts = pipeline({
  id: "group-shuffle/parameter-counts",
  description:
    "Exact parameter counts of Tables 1–3, the n = 1024 density example and Monarch, against the printed values.",
  source: import.meta.url,
  params: {
    n: integer(1024, "matrix size of the worked example", {min: 4, max: 1 << 20}),
    block: integer(32, "block size b of the worked example (must divide n; BOFT needs b even and n/b a power of two)", {
      min: 2,
      max: 1 << 10
    }),
    monarch_blocks: integer(64, "number of R blocks of the unequal Monarch layout (must divide n)", {
      min: 1,
      max: 4096
    }),
    monarch_gs_block: integer(16, "GS block size matched against the unequal Monarch layout (must divide n)", {
      min: 2,
      max: 4096
    })
  },
  outputs: {
    scalars: {
      "glue_{method}":
        "exact trainable parameters of Table 1 (RoBERTa-base on GLUE) row {method}: ft, lora_r_8, oft_b_16, boft_b_8_m_2, gsoft_b_8",
      "sd_{method}":
        "exact trainable parameters of Table 2 (SD-2 DreamBooth) row {method}, e.g. full, lora_4, boft_32_4, gsoft_32, dgsoft_64",
      "lip_{layer}": "exact parameters of Table 3 (LipConvNet-15) row {layer}: soc, gs_soc_4, gs_soc_4_1, …",
      glue_gsoft_without_pooler: "GSOFT b = 8 count on RoBERTa-base without the pooler's linear layer",
      "table{k}_rounding_flags": "rows of Table k (1–3) whose exact count does not round to the printed one",
      max_deviation_millions: "max |exact/10⁶ − printed| over the rows printed with decimals, in millions",
      ft_rounds_to_published: "1 when full fine-tuning's exact count rounds to the printed value",
      glue_all_mean_mismatches:
        "Table 1 rows whose printed 'All' differs from the mean of the task scores (2 decimals)",
      example_boft_applicable: "1 when BOFT is defined for (n, block): block even and n/block a power of two",
      example_boft_factors: {
        description: "BOFT factors needed for a dense product",
        when: "example_boft_applicable = 1"
      },
      example_boft_parameters: {description: "their parameters m·n·b", when: "example_boft_applicable = 1"},
      example_gs_factors: "GS factors needed for a dense product at (n, block)",
      example_gs_parameters: "their parameters m·n·b",
      example_dense_parameters: "n², a dense n×n matrix",
      monarch_square_parameters: "parameters of the square Monarch layout b = r = √n (0 when n is not a square)",
      monarch_square_gs_parameters: "2n√n, a two-factor GS product of the same shape (0 when n is not a square)",
      monarch_unequal_parameters: "parameters of the Monarch layout with monarch_blocks R blocks",
      monarch_unequal_left_block: "its L block size",
      monarch_gs_factors: "GS factors (block monarch_gs_block) needed for a dense product",
      monarch_gs_parameters: "their parameters",
      roberta_gsoft_dense_factors: "GS factors for density at RoBERTa width 768 with b = 8",
      "sd_gsoft32_dense_factors_c{c}": "GS factors for density with r = 32 blocks at SD-2 width c (320, 640, 1280)",
      equal_budget_mismatches: "layers × b ∈ {2, 4, 8, 16} where GSOFT(b), OFT(2b) and BOFT(b, m = 2) counts differ"
    },
    tables: {
      table1: {
        description: "Table 1 (GLUE, RoBERTa-base) with exact counts",
        columns: {
          ...countColumns,
          ...Object.fromEntries(glueTasks.map((task) => [slug(task), `published ${task} score`])),
          all_published: "printed mean score",
          all_recomputed: "mean of the task scores, 2 decimals"
        }
      },
      table2: {
        description: "Table 2 (SD-2 DreamBooth) with exact counts",
        columns: {
          ...countColumns,
          hours: "published training time, hours",
          clip_i: "published CLIP image score",
          clip_t: "published CLIP text score"
        }
      },
      table3: {
        description: "Table 3 (LipConvNet-15) with exact counts",
        columns: {
          layer: "orthogonal layer",
          groups: "group configuration",
          params_exact: "exact trainable parameter count",
          params_published: "published count, millions",
          params_printed: 'the count as printed, e.g. "0.6M"',
          params_rounded: "the exact count in millions, rounded to the printed decimals",
          rounds_to_published: "whether the exact count rounds to the printed one",
          deviation_millions: "|exact/10⁶ − published|",
          speedup: "published speed-up",
          accuracy: "published accuracy, %",
          robust_accuracy: "published certified robust accuracy, %"
        }
      },
      table4: {
        description: "Table 4 (the LipConvNet activation/pairing ablation), as published",
        columns: {
          groups: "group configuration",
          "{variant}_accuracy": "accuracy, % (not_paired, maxmin_paired, maxmin_not_paired)",
          "{variant}_robust": "certified robust accuracy, % (same variants)"
        }
      },
      examples: {
        description: "the worked density example: structures at size n and their parameter counts",
        columns: {
          structure: "dense, BOFT (dense), GS (dense) or a Monarch layout",
          n: "matrix size",
          block: "block size",
          factors: "number of factors",
          parameters: "total parameters"
        }
      }
    }
  },
  run({n, block, monarch_blocks: monarchBlocks, monarch_gs_block: gsBlock}) {
    if (n % block !== 0 || n % monarchBlocks !== 0 || n % gsBlock !== 0) {
      throw new Error(
        `parameter-counts: block (${block}), monarch_blocks (${monarchBlocks}) and monarch_gs_block (${gsBlock}) ` +
          `must divide n (${n})`
      );
    }
    const glue = glueTable();
    const dreamBooth = dreamBoothTable();
    const lipConv = lipConvTable();

    const scalars: Record<string, number> = {};
    const keyed = (prefix: string, rows: ParameterRow[]) =>
      rows.forEach((row) => (scalars[`${prefix}_${slug(row.label)}`] = row.exact));
    keyed("glue", glue);
    keyed("sd", dreamBooth);
    lipConv.forEach((row) => (scalars[`lip_${slug(row.label + row.groups)}`] = row.exact));
    scalars.glue_gsoft_without_pooler = totalParameters(
      {method: "gsoft", layout: {block: 8}},
      robertaBaseLinears(false)
    );

    const flags = (rows: ParameterRow[]) => rows.filter((row) => !roundsToPublished(row)).length;
    scalars.table1_rounding_flags = flags(glue);
    scalars.table2_rounding_flags = flags(dreamBooth);
    scalars.table3_rounding_flags = flags(lipConv);
    // Rows printed with at least one decimal: how far the exact count is from the printed one, in millions.
    const decimalRows = [...glue, ...dreamBooth, ...lipConv].filter((row) => row.decimals > 0);
    scalars.max_deviation_millions = Math.max(...decimalRows.map(deviation));
    scalars.ft_rounds_to_published = roundsToPublished(glue[0]) ? 1 : 0;
    scalars.glue_all_mean_mismatches = glue.filter((row) => round2(meanScore(row.scores)) !== row.all).length;

    // The worked example: dense BOFT vs GS for n = 1024, b = 32 (r = 32). BOFT pairs half-blocks of size b/2 by
    // XOR with 2^i, so it is defined only for even b and r a power of two (as in density-factors); elsewhere it has
    // no factor or parameter count, and the example reports only the flag.
    const r = n / block;
    const boftApplies = block % 2 === 0 && Number.isInteger(Math.log2(r));
    const boftFactors = boftApplies ? boftDenseFactors(r) : null;
    const gsFactors = gsDenseFactors(r, block);
    scalars.example_boft_applicable = boftApplies ? 1 : 0;
    if (boftFactors !== null) {
      scalars.example_boft_factors = boftFactors;
      scalars.example_boft_parameters = boftFactors * n * block; // m·r·b² = m·n·b
    }
    scalars.example_gs_factors = gsFactors;
    scalars.example_gs_parameters = gsFactors * n * block;
    scalars.example_dense_parameters = n * n;

    // Monarch (App. C): equal blocks need b = r = √n; unequal blocks cost more than a GS product of the same density.
    const root = Math.round(Math.sqrt(n));
    const monarchSquare = root * root === n ? monarchShape(n, root) : null;
    const monarchUnequal = monarchShape(n, monarchBlocks);
    const gsMatchFactors = gsDenseFactors(n / gsBlock, gsBlock);
    scalars.monarch_square_parameters = monarchSquare === null ? 0 : monarchSquare.parameters;
    scalars.monarch_square_gs_parameters = monarchSquare === null ? 0 : 2 * n * root;
    scalars.monarch_unequal_parameters = monarchUnequal.parameters;
    scalars.monarch_unequal_left_block = monarchUnequal.bL;
    scalars.monarch_gs_factors = gsMatchFactors;
    scalars.monarch_gs_parameters = gsMatchFactors * n * gsBlock;

    // Density caveats of §3: GSOFT b = 8 on RoBERTa (r = 96) and GSOFT r = 32 on SD-2 are not dense with 2 factors.
    scalars.roberta_gsoft_dense_factors = gsDenseFactors(768 / 8, 8);
    scalars.sd_gsoft32_dense_factors_c320 = gsDenseFactors(32, 320 / 32);
    scalars.sd_gsoft32_dense_factors_c640 = gsDenseFactors(32, 640 / 32);
    scalars.sd_gsoft32_dense_factors_c1280 = gsDenseFactors(32, 1280 / 32);
    // Equal budgets (§2): GSOFT with block b costs what OFT with block 2b and BOFT (b, m = 2) cost, layer by layer.
    let equalBudgetMismatches = 0;
    for (const layer of [...robertaBaseLinears(true), ...stableDiffusionAttentionLinears()]) {
      for (const b of [2, 4, 8, 16]) {
        const gsoft = gsoftParameters(layer, {block: b});
        const [oft, boft] = [oftParameters(layer, {block: 2 * b}), boftParameters(layer, {block: b}, 2)];
        if (gsoft !== oft || gsoft !== boft) ++equalBudgetMismatches;
      }
    }
    scalars.equal_budget_mismatches = equalBudgetMismatches;

    const parameterColumns = (row: ParameterRow): Row => ({
      params_exact: row.exact,
      params_published: row.published,
      params_printed: `${row.published.toFixed(row.decimals)}M`,
      params_rounded: roundedMillions(row),
      rounds_to_published: roundsToPublished(row),
      deviation_millions: deviation(row)
    });
    const table1: Row[] = glue.map((row) => ({
      method: row.label,
      ...parameterColumns(row),
      ...Object.fromEntries(glueTasks.map((task) => [slug(task), row.scores[task]])),
      all_published: row.all,
      all_recomputed: round2(meanScore(row.scores))
    }));
    const table2: Row[] = dreamBooth.map((row) => ({
      method: row.label,
      ...parameterColumns(row),
      hours: row.hours,
      clip_i: row.clipI,
      clip_t: row.clipT
    }));
    const table3: Row[] = lipConv.map((row) => ({
      layer: row.label,
      groups: row.groups,
      ...parameterColumns(row),
      speedup: row.speedup,
      accuracy: row.accuracy,
      robust_accuracy: row.robustAccuracy
    }));
    const table4: Row[] = lipConvAblationTable().map((row) => ({
      groups: row.groups,
      not_paired_accuracy: row.notPaired[0],
      not_paired_robust: row.notPaired[1],
      maxmin_paired_accuracy: row.maxMinPaired[0],
      maxmin_paired_robust: row.maxMinPaired[1],
      maxmin_not_paired_accuracy: row.maxMinNotPaired[0],
      maxmin_not_paired_robust: row.maxMinNotPaired[1]
    }));
    const examples: Row[] = [
      {structure: "dense", n, block: n, factors: 1, parameters: n * n},
      ...(boftFactors === null
        ? []
        : [{structure: "BOFT (dense)", n, block, factors: boftFactors, parameters: boftFactors * n * block}]),
      {structure: "GS (dense)", n, block, factors: gsFactors, parameters: gsFactors * n * block},
      ...(monarchSquare === null
        ? []
        : [{structure: `Monarch ${root}×${root}`, n, block: root, factors: 2, parameters: monarchSquare.parameters}]),
      {
        structure: `Monarch R ${monarchUnequal.kR}×${monarchUnequal.bR}, L ${monarchUnequal.kL}×${monarchUnequal.bL}`,
        n,
        block: monarchUnequal.bR,
        factors: 2,
        parameters: monarchUnequal.parameters
      },
      {structure: "GS (dense)", n, block: gsBlock, factors: gsMatchFactors, parameters: gsMatchFactors * n * gsBlock}
    ];
    return {scalars, tables: {table1, table2, table3, table4, examples}};
  }
});

// "BOFT 32,6" → "boft_32_6", "GS-SOC(4,–)" → "gs_soc_4".
function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function deviation(row: ParameterRow): number {
  return Math.abs(row.exact / 1e6 - row.published);
}

function meanScore(scores: Readonly<Record<string, number>>): number {
  const values = Object.values(scores);
  return values.reduce((sum, x) => sum + x, 0) / values.length;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

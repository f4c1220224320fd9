// Snapshots of the Group-and-Shuffle figures from small runs, and the recomputed tables against the published values.
import assert from "node:assert/strict";
import {test} from "node:test";
import {groupShuffle} from "../../pipelines/group-shuffle/index.js";
import type {ExperimentResult, FigureWidth, ParamValue, TableModule} from "../../src/contract/index.js";
import {normalizeTable} from "../../src/tables/table.js";
import type {Table, TableRow} from "../../src/tables/table.js";
import {assertFileSnapshot} from "../snapshot.js";
import {renderPlot, smallResult} from "./smallRuns.js";

// Small parameters per pipeline (the content's quick profiles), so that the whole file runs in a few seconds.
const small: Record<string, Record<string, ParamValue>> = {
  "group-shuffle/parameter-counts": {},
  "group-shuffle/permutation": {blocks: [4, 3], block_sizes: [4, 5], inverse_sizes: [12], batch: 4},
  "group-shuffle/density-factors": {block_sizes: [2, 3, 4], ranks: [2, 4, 8, 9], max_n: 64},
  "group-shuffle/frobenius-projection": {blocks: [4, 3], block_sizes: [4, 5], monarch_sizes: [16], monarch_blocks: [4], perturbations: 4},
  "group-shuffle/expressivity": {sizes: [32], budgets: [4], sweeps: 20},
  "group-shuffle/finetuning": {width: 16, outputs: 4, block: 4, train: 64, test: 64, steps: 40},
  "group-shuffle/speed": {sizes: [64, 128], block_sizes: [8, 16], batch: 4}
};

/** Runs a registered pipeline at its small parameters for the given seeds. */
function result(id: string, seeds = 1): ExperimentResult {
  return smallResult(groupShuffle, id, {params: small[id]}, seeds);
}

function render(plot: string, experiment: ExperimentResult, width: FigureWidth, aspect?: number): string {
  return renderPlot(groupShuffle, plot, experiment, width, aspect);
}

function table(id: string, experiment: ExperimentResult): Table {
  const module: TableModule = groupShuffle.tables[id];
  const value = module.table(experiment);
  normalizeTable(value); // throws on unknown keys, non-finite numbers, numbers in text columns
  return value;
}

function rowOf(rows: TableRow[], key: string, value: string): TableRow {
  const row = rows.find((r) => r[key] === value);
  assert.ok(row, `no row with ${key} = ${value}`);
  return row;
}

const figures: [string, string, string, FigureWidth, number?][] = [
  ["shufflePermutation", "group-shuffle/shuffle-permutation", "group-shuffle/permutation", "double", 0.29],
  ["minimalFactors", "group-shuffle/minimal-factors", "group-shuffle/density-factors", "double"],
  ["rowNonzeros", "group-shuffle/row-nonzeros", "group-shuffle/density-factors", "single"],
  ["expressivity", "group-shuffle/expressivity", "group-shuffle/expressivity", "double"],
  ["finetuningCurves", "group-shuffle/finetuning-curves", "group-shuffle/finetuning", "single"],
  ["finetuningSeeds", "group-shuffle/finetuning-seeds", "group-shuffle/finetuning", "single"],
  ["speedCosts", "group-shuffle/speed-costs", "group-shuffle/speed", "single"],
  ["speedRatio", "group-shuffle/speed-ratio", "group-shuffle/speed", "single"]
];

for (const [name, plot, pipeline, width, aspect] of figures) {
  test(`${plot} plot(result) matches its snapshot`, async () => {
    const seeds = pipeline === "group-shuffle/finetuning" || pipeline === "group-shuffle/expressivity" ? 2 : 1;
    await assertFileSnapshot(`group-shuffle/${name}`, render(plot, result(pipeline, seeds), width, aspect), "svg");
  });
}

test("every group-shuffle figure is a standalone SVG with its legend drawn inside", () => {
  const legends: Record<string, string[]> = {
    "group-shuffle/minimal-factors": ["GS: 1 + ⌈log_b r⌉", "BOFT: 1 + ⌈log₂ r⌉"],
    "group-shuffle/row-nonzeros": ["GS: min(n, bᵐ)", "b = 4, n = 32"],
    "group-shuffle/expressivity": ["OFT, block 2c", "n = 32"],
    "group-shuffle/finetuning-curves": ["GSOFT, b = 4", "LoRA, r = 4", "mean ± sd over 2 seeds"],
    "group-shuffle/finetuning-seeds": ["mean ± sd over 2 seeds"],
    "group-shuffle/speed-costs": ["dense: n²", "b = 16"],
    "group-shuffle/speed-ratio": ["GS, 2 factors: n/2b", "b = 8"]
  };
  for (const [, plot, pipeline, width, aspect] of figures) {
    const svg = render(plot, result(pipeline, 2), width, aspect);
    assert.match(svg, /^<svg /, plot);
    assert.doesNotMatch(svg, /<figure|<div|NaN/, plot);
    for (const label of legends[plot] ?? []) assert.ok(svg.includes(`>${label}</text>`), `${plot}: no legend entry ${label}`);
  }
});

test("shuffle-permutation plot(result) fills n cells in each of the four panels", () => {
  const svg = render("group-shuffle/shuffle-permutation", result("group-shuffle/permutation"), "double", 0.29);
  const panels = [...svg.matchAll(/<g fill="#0072B2"[^>]*>([\s\S]*?)<\/g>/g)].map((match) => match[1].match(/<rect /g)?.length);
  assert.deepEqual(panels, [12, 12, 12, 12]);
});

test("glue-parameters table(result) recounts Table 1 and flags BOFT b=8, m=2", () => {
  const {rows} = table("group-shuffle/glue-parameters", result("group-shuffle/parameter-counts"));
  const expected: [string, number, string, string][] = [
    ["FT", 124645632, "125M", "125M"],
    ["LoRA r=8", 1327104, "1.33M", "1.33M"],
    ["OFT b=16", 1410048, "1.41M", "1.41M"],
    ["BOFT b=8, m=2", 1410048, "1.42M", "1.41M"],
    ["GSOFT b=8", 1423104, "1.42M", "1.42M"]
  ];
  assert.deepEqual(rows.map((row) => row.method), expected.map(([method]) => method));
  for (const [method, exact, printed, rounded] of expected) {
    const row = rowOf(rows, "method", method);
    assert.equal(row.exact, exact, method);
    assert.equal(row.printed, printed, method);
    assert.equal(row.rounded, rounded, method);
    assert.equal(row.matches, printed === rounded, method);
  }
  const gsoft = rowOf(rows, "method", "GSOFT b=8");
  assert.deepEqual(
    ["mnli", "sst_2", "cola", "qqp", "qnli", "rte", "mrpc", "sts_b", "all_published"].map((key) => gsoft[key]),
    ["87.16", "95.06", "65.3", "90.46", "92.46", "81.95", "90.2", "90.76", "86.67"]
  );
  for (const row of rows) assert.equal((row.all_recomputed as number).toFixed(2), row.all_published, String(row.method));
});

test("dreambooth-parameters table(result) recounts Table 2 and flags exactly BOFT 32,6 and Double GSOFT 64 and 16", () => {
  const {rows} = table("group-shuffle/dreambooth-parameters", result("group-shuffle/parameter-counts"));
  const expected: Record<string, [number, string]> = {
    Full: [99926400, "99.9M"],
    "LoRA 4": [829952, "0.8M"],
    "LoRA 32": [6639616, "6.6M"],
    "LoRA 128": [26558464, "26.6M"],
    "BOFT 32,4": [13586944, "13.6M"],
    "BOFT 32,6": [20330496, "20.4M"],
    "BOFT 16,5": [33817600, "33.8M"],
    "GSOFT 32": [6843392, "6.8M"],
    "GSOFT 16": [13586944, "13.6M"],
    "GSOFT 8": [27074048, "27.1M"],
    "DGSOFT 64": [6569216, "6.5M"],
    "DGSOFT 32": [13038592, "13.0M"],
    "DGSOFT 16": [25977344, "25.9M"]
  };
  assert.deepEqual(rows.map((row) => row.method), Object.keys(expected));
  for (const [method, [exact, printed]] of Object.entries(expected)) {
    const row = rowOf(rows, "method", method);
    assert.equal(row.exact, exact, method);
    assert.equal(row.printed, printed, method);
  }
  const flagged = rows.filter((row) => row.matches === false).map((row) => [row.method, row.rounded]);
  assert.deepEqual(flagged, [
    ["BOFT 32,6", "20.3M"],
    ["DGSOFT 64", "6.6M"],
    ["DGSOFT 16", "26.0M"]
  ]);
  assert.deepEqual([rowOf(rows, "method", "BOFT 32,4").hours, rowOf(rows, "method", "GSOFT 32").clip_t], ["2.0", "0.256"]);
});

test("lipconv-parameters table(result) recounts Table 3, every count rounding to the printed one", () => {
  const {rows} = table("group-shuffle/lipconv-parameters", result("group-shuffle/parameter-counts"));
  assert.deepEqual(
    rows.map((row) => [row.groups, row.exact, row.printed, row.matches]),
    [
      ["–", 24066020, "24.1M", true],
      ["(4,–)", 6805988, "6.81M", true],
      ["(4,1)", 8905060, "8.91M", true],
      ["(4,2)", 7857508, "7.86M", true],
      ["(4,4)", 7333732, "7.3M", true]
    ]
  );
  assert.deepEqual(rows.at(-1)!.robust_accuracy, "28.70");
});

test("dense-layouts table(result) gives the n = 1024 example and the Monarch comparison", () => {
  const {rows} = table("group-shuffle/dense-layouts", result("group-shuffle/parameter-counts"));
  assert.deepEqual(
    rows.map((row) => [row.block, row.factors, row.parameters]),
    [
      [1024, 1, 1048576],
      [32, 6, 196608],
      [32, 2, 65536],
      [32, 2, 65536],
      [16, 2, 81920],
      [16, 3, 49152]
    ]
  );
});

test("density table(result) reports the specification's values beside the formulas and the observations", () => {
  const {rows} = table("group-shuffle/density", result("group-shuffle/density-factors"));
  assert.equal(rows.length, 10);
  const observed = rows.filter((row) => row.gs_observed !== null);
  assert.ok(observed.length > 0);
  for (const row of observed) assert.equal(row.gs_observed, row.gs_spec, `r = ${row.r}, b = ${row.b}`);
  const boft = rows.filter((row) => row.b === 3);
  for (const row of boft) assert.deepEqual([row.boft_spec, row.boft_formula, row.boft_observed], [null, null, null]);
});

test("expressivity, finetuning, projection and speed tables are valid and summarise over seeds", () => {
  const fits = table("group-shuffle/expressivity", result("group-shuffle/expressivity", 2));
  assert.equal(fits.rows.length, 5); // one size, one budget, five targets
  assert.ok(fits.rows.every((row) => typeof row.gs === "object" && row.gs !== null));
  const tuning = table("group-shuffle/finetuning", result("group-shuffle/finetuning", 2));
  assert.deepEqual(
    tuning.rows.map((row) => [row.adapter, row.parameters]),
    [
      ["GSOFT, b = 4", 128],
      ["OFT, b = 8", 128],
      ["BOFT, b = 4, m = 2", 128],
      ["LoRA, r = 4", 128]
    ]
  );
  assert.equal(tuning.rows[0].below_gsoft, "–");
  assert.match(String(tuning.rows[3].below_gsoft), /^[0-2] of 2$/);
  table("group-shuffle/projection", result("group-shuffle/frobenius-projection"));
  const speed = table("group-shuffle/speed", result("group-shuffle/speed"));
  assert.deepEqual(
    speed.rows.map((row) => [row.b, row.structure, row.multiply_adds]),
    [
      [null, "dense", 128 * 128 * 4],
      [8, "GS (2 factors)", 2 * 128 * 8 * 4],
      [8, "GS (dense)", 3 * 128 * 8 * 4],
      [8, "BOFT (dense)", 5 * 128 * 8 * 4],
      [16, "GS (2 factors)", 2 * 128 * 16 * 4],
      [16, "GS (dense)", 2 * 128 * 16 * 4],
      [16, "BOFT (dense)", 4 * 128 * 16 * 4]
    ]
  );
});

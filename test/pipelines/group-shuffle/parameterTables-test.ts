import assert from "node:assert/strict";
import {test} from "node:test";
import {
  adapterParameters,
  boftParameters,
  doubleGsoftParameters,
  gsoftParameters,
  loraParameters,
  oftParameters
} from "../../../pipelines/group-shuffle/adapters.js";
import {
  dreamBoothTable,
  glueTable,
  lipConvNetLayers,
  lipConvTable,
  robertaBaseParameters,
  roundsToPublished
} from "../../../pipelines/group-shuffle/parameterTables.js";

const exact = (rows: {label: string; exact: number}[]) => Object.fromEntries(rows.map((row) => [row.label, row.exact]));

test("per-layer formulas of §2", () => {
  const layer = {nIn: 768, nOut: 3072};
  assert.equal(gsoftParameters(layer, {block: 8}), 2 * 768 * 8 + 3072);
  assert.equal(oftParameters(layer, {block: 16}), 768 * 16 + 3072);
  assert.equal(boftParameters(layer, {block: 8}, 2), 2 * 768 * 8 + 3072);
  assert.equal(loraParameters(layer, 8), 8 * (768 + 3072));
  assert.equal(doubleGsoftParameters({nIn: 1024, nOut: 320}, 64), (2 * 1024 * 1024) / 64 + (2 * 320 * 320) / 64 + 320);
  assert.equal(adapterParameters({method: "gsoft", layout: {blocks: 32}}, {nIn: 320, nOut: 320}), 2 * 320 * 10 + 320);
  assert.equal(adapterParameters({method: "full", bias: true}, layer), 768 * 3072 + 3072);
  assert.throws(() => gsoftParameters({nIn: 100, nOut: 100}, {block: 8}), /does not divide/);
});

test("Table 1 (GLUE, RoBERTa-base) matches the spec's recount", () => {
  assert.deepEqual(exact(glueTable()), {
    FT: 124645632,
    "LoRA r=8": 1327104,
    "OFT b=16": 1410048,
    "BOFT b=8, m=2": 1410048,
    "GSOFT b=8": 1423104
  });
  assert.equal(robertaBaseParameters(), 124645632);
  // Only BOFT misses its printed 1.42M (it rounds to 1.41M).
  assert.deepEqual(
    glueTable()
      .filter((row) => !roundsToPublished(row))
      .map((row) => row.label),
    ["BOFT b=8, m=2"]
  );
});

test("Table 2 (DreamBooth, SD-2) matches the spec's recount", () => {
  assert.deepEqual(exact(dreamBoothTable()), {
    Full: 99926400,
    "LoRA 4": 829952,
    "LoRA 32": 6639616,
    "LoRA 128": 26558464,
    "BOFT 32,4": 13586944,
    "BOFT 32,6": 20330496,
    "BOFT 16,5": 33817600,
    "GSOFT 32": 6843392,
    "GSOFT 16": 13586944,
    "GSOFT 8": 27074048,
    "DGSOFT 64": 6569216,
    "DGSOFT 32": 13038592,
    "DGSOFT 16": 25977344
  });
  const off = dreamBoothTable().filter((row) => !roundsToPublished(row));
  assert.deepEqual(
    off.map((row) => row.label),
    ["BOFT 32,6", "DGSOFT 64", "DGSOFT 16"]
  );
  for (const row of dreamBoothTable()) assert.ok(Math.abs(row.exact / 1e6 - row.published) <= 0.1, row.label);
});

test("Table 3 (LipConvNet-15) matches the spec's recount", () => {
  assert.deepEqual(
    lipConvTable().map((row) => row.exact),
    [24066020, 6805988, 8905060, 7857508, 7333732]
  );
  assert.ok(lipConvTable().every(roundsToPublished));
  const layers = lipConvNetLayers();
  assert.equal(layers.length, 16);
  assert.deepEqual(layers[2], {cIn: 32, cOut: 64, stride: 2, kernel: 3});
  assert.deepEqual(layers[14], {cIn: 512, cOut: 1024, stride: 2, kernel: 1});
  assert.deepEqual(layers[15], {cIn: 1024, cOut: 100, stride: 1, kernel: 1});
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {densityFactors} from "../../../pipelines/group-shuffle/densityFactors.js";
import {expressivity} from "../../../pipelines/group-shuffle/expressivity.js";
import {finetuning} from "../../../pipelines/group-shuffle/finetuning.js";
import {frobeniusProjection} from "../../../pipelines/group-shuffle/frobeniusProjection.js";
import {orthogonality} from "../../../pipelines/group-shuffle/orthogonality.js";
import {parameterCounts} from "../../../pipelines/group-shuffle/parameterCounts.js";
import {permutation} from "../../../pipelines/group-shuffle/permutation.js";
import {speed} from "../../../pipelines/group-shuffle/speed.js";
import {assertFinite} from "../../../src/contract/dataset.js";
import type {Dataset} from "../../../src/contract/dataset.js";
import {checkParam, defaultParams} from "../../../src/contract/params.js";
import type {ParamValue} from "../../../src/contract/params.js";
import type {Pipeline} from "../../../src/contract/pipeline.js";
import {createRng} from "../../../src/random/rng.js";

// Small parameters for each pipeline (checked against the declarations), so that every run takes well under a second.
// any: parameter types vary per pipeline
const quick: [Pipeline<any>, Record<string, ParamValue>][] = [
  [parameterCounts, {}],
  [permutation, {blocks: [4, 3, 8], block_sizes: [4, 5, 2], inverse_sizes: [12, 60], batch: 8}],
  [densityFactors, {block_sizes: [2, 3, 4], ranks: [2, 4, 8, 9], max_n: 64}],
  [orthogonality, {block_sizes: [4, 8], sizes: [16, 32], dense_check_max_n: 32, theorem1_sizes: [16]}],
  [
    frobeniusProjection,
    {blocks: [4, 3], block_sizes: [4, 5], monarch_sizes: [16], monarch_blocks: [4], perturbations: 10}
  ],
  [expressivity, {sizes: [32], budgets: [4], sweeps: 30}],
  [finetuning, {width: 16, outputs: 4, block: 4, train: 64, test: 64, steps: 60}],
  [speed, {sizes: [64, 128], block_sizes: [8, 16], batch: 8}]
];

function run(index: number, seed: number, overrides: Record<string, ParamValue> = {}): Dataset {
  const [pipeline, small] = quick[index];
  const params = {...defaultParams(pipeline.params), ...small, ...overrides};
  for (const [name, value] of Object.entries(params)) checkParam(pipeline.params[name], value);
  const dataset = pipeline.run(params, createRng(seed));
  assertFinite(dataset, pipeline.id);
  return dataset;
}

test("every group-shuffle pipeline is byte-identical on two runs with the same seed", () => {
  quick.forEach(([pipeline], i) => {
    assert.equal(JSON.stringify(run(i, 7)), JSON.stringify(run(i, 7)), pipeline.id);
    assert.ok(pipeline.id.startsWith("group-shuffle/"));
    assert.ok(
      Object.keys(run(i, 7).scalars).every((name) => /^[a-z0-9_]+$/.test(name)),
      pipeline.id
    );
  });
  assert.equal(new Set(quick.map(([p]) => p.id)).size, quick.length);
});

test("random pipelines depend on the seed", () => {
  for (const i of [1, 3, 5, 6]) assert.notEqual(JSON.stringify(run(i, 1)), JSON.stringify(run(i, 2)), quick[i][0].id);
});

test("the quick runs pass the checks their scalars support", () => {
  const permutationResult = run(1, 3).scalars;
  assert.ok(permutationResult.max_fast_apply_error < 1e-12);
  assert.ok(permutationResult.max_rectangular_apply_error < 1e-12);
  assert.ok(permutationResult.min_swapped_convention_difference > 0.1);
  assert.equal(permutationResult.inverse_mismatches, 0);

  const density = run(2, 3).scalars;
  assert.equal(density.density_formula_mismatches, 0);
  assert.equal(density.numeric_support_mismatches, 0);

  const ortho = run(3, 3).scalars;
  assert.ok(ortho.cayley_orthogonality_error < 1e-10);
  assert.ok(ortho.gradient_fd_error < 1e-6);
  assert.equal(ortho.cayley_zero_identity_error, 0);
  assert.ok(ortho.theorem1_block_orthogonality_error < 1e-10);

  const projection = run(4, 3).scalars;
  assert.ok(projection.projection_exactness_error < 1e-12);
  assert.ok(projection.discarded_identity_error < 1e-10);
  assert.equal(projection.perturbations_better, 0);
  assert.equal(projection.block_rank_mismatches, 0);

  const fit = run(5, 3).scalars;
  assert.equal(fit.monotonicity_violations, 0);
  assert.ok(fit.gs_own_class_error < 1e-10);
  assert.ok(fit.gs_on_boft_class_error > 0.1);

  const tuning = run(6, 3).scalars;
  assert.equal(tuning.step0_output_error, 0);
  assert.ok(tuning.max_orthogonality_error < 1e-12);
  assert.ok(tuning.singular_value_error < 1e-10);
  assert.ok(tuning.gsoft_relative_mse < 1 && tuning.lora_relative_mse < 1);

  const counts = run(7, 3).scalars;
  assert.ok(counts.max_apply_error < 1e-12);
  assert.equal(counts.ratio_gs_n128_b16, 4);
});

test("parameter-counts at its defaults reproduces the recounted integers", () => {
  const {scalars} = run(0, 0);
  assert.equal(scalars.glue_gsoft_b_8, 1423104);
  assert.equal(scalars.glue_boft_b_8_m_2, 1410048);
  assert.equal(scalars.sd_dgsoft_64, 6569216);
  assert.equal(scalars.lip_gs_soc_4_2, 7857508);
  assert.equal(scalars.table1_rounding_flags, 1);
  assert.equal(scalars.table2_rounding_flags, 3);
  assert.equal(scalars.table3_rounding_flags, 0);
  assert.ok(scalars.max_deviation_millions <= 0.1);
  assert.equal(scalars.example_boft_parameters, 196608);
  assert.equal(scalars.example_gs_parameters, 65536);
  assert.equal(scalars.monarch_unequal_parameters, 81920);
  assert.equal(scalars.monarch_gs_parameters, 49152);
  assert.equal(scalars.equal_budget_mismatches, 0);
  assert.equal(scalars.glue_all_mean_mismatches, 0);
});

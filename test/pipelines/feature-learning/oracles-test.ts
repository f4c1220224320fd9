// The E1 closed-form oracles pipeline: determinism, spec tolerances, table shapes and parameter checks.
import assert from "node:assert/strict";
import {test} from "node:test";
import {oracles} from "../../../pipelines/feature-learning/oracles.js";
import {assertFinite} from "../../../src/contract/dataset.js";
import {defaultParams} from "../../../src/contract/params.js";
import type {ParamValues} from "../../../src/contract/params.js";
import {createRng} from "../../../src/random/rng.js";

type Params = ParamValues<typeof oracles.params>;
const defaults = defaultParams(oracles.params) as Params;

test("oracles.run(defaults, seed) is byte-identical across runs and within the spec's E1 tolerances", () => {
  const first = oracles.run(defaults, createRng(20260518));
  const second = oracles.run(defaults, createRng(20260518));
  assert.equal(JSON.stringify(first), JSON.stringify(second));
  assertFinite(first, oracles.id);
  const s = first.scalars;
  assert.ok(s.relu_mu_error < 1e-10, `relu_mu_error ${s.relu_mu_error}`);
  assert.ok(s.relu_mu_route_error < 1e-14, `relu_mu_route_error ${s.relu_mu_route_error}`);
  assert.ok(s.hermite_energy_gap < 5e-4, `hermite_energy_gap ${s.hermite_energy_gap}`);
  assert.ok(s.arccos_split_error < 1e-12, `arccos_split_error ${s.arccos_split_error}`);
  assert.ok(s.kappa_diagonal_error < 1e-12, `kappa_diagonal_error ${s.kappa_diagonal_error}`);
  assert.ok(s.mehler_relu_error < 1e-12 && s.mehler_erf_error < 1e-12, "Mehler series");
  assert.ok(s.erf_mu_error < 1e-13 && s.erf_energy_gap < 1e-9, "erf coefficients");
  assert.ok(s.tanh_mu_node_error < 1e-13, `tanh_mu_node_error ${s.tanh_mu_node_error}`);
  assert.ok(s.mc_relu_error < 3e-3, `mc_relu_error ${s.mc_relu_error}`);
  assert.ok(s.mc_erf_error < 3e-3, `mc_erf_error ${s.mc_erf_error}`);
  assert.ok(s.mc_max_z < 5, `mc_max_z ${s.mc_max_z}`);
  assert.equal(s.relu_mu1, 0.5);
  assert.equal(s.relu_mu3, 0);
});

test("oracles tables: one hermite row per degree 0…K and a relu and an erf row per Monte Carlo point", () => {
  const params = {...defaults, samples: 20_000, orders: 12};
  const {tables} = oracles.run(params, createRng(1));
  assert.deepEqual(
    tables.hermite.map((row) => row.k),
    Array.from({length: 13}, (_, k) => k)
  );
  const columns = ["k", "mu_relu", "mu_relu_exact", "mu_tanh", "mu_erf", "mu_erf_quadrature"];
  assert.deepEqual(Object.keys(tables.hermite[0]), columns);
  assert.equal(tables.kernels.length, 2 * defaults.q.length);
  assert.deepEqual(Object.keys(tables.kernels[0]), [
    "activation",
    "q",
    "q_prime",
    "c",
    "closed_form",
    "monte_carlo",
    "standard_error"
  ]);
  const diagonal = tables.kernels.find((row) => row.activation === "relu" && row.q === 0.5 && row.c === 0.5);
  assert.equal(diagonal?.closed_form, 0.25);
});

test("oracles: another seed changes only the Monte Carlo outputs", () => {
  const params = {...defaults, samples: 20_000};
  const a = oracles.run(params, createRng(1));
  const b = oracles.run(params, createRng(2));
  assert.deepEqual(a.tables.hermite, b.tables.hermite);
  assert.notEqual(a.scalars.mc_relu_error, b.scalars.mc_relu_error);
  for (const name of ["relu_mu_error", "hermite_energy_gap", "arccos_split_error", "kappa_diagonal_error"]) {
    assert.equal(a.scalars[name], b.scalars[name]);
  }
});

test("oracles rejects mismatched or invalid Monte Carlo points", () => {
  assert.throws(() => oracles.run({...defaults, c: [0.5]}, createRng(1)), /q, q_prime and c must have equal lengths/);
  assert.throws(
    () => oracles.run({...defaults, q: [1], q_prime: [1], c: [1.5]}, createRng(1)),
    /point 0 \(q = 1, q′ = 1, c = 1.5\) is not a covariance/
  );
  const tooFewNodes = {...defaults, orders: 60, nodes: 50};
  assert.throws(() => oracles.run(tooFewNodes, createRng(1)), /nodes \(50\) must exceed orders/);
});

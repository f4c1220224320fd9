// A4: the smallest perturbation orthogonal to the data that flips the sign of the trained network, against the
// first-order size |N(x)|/‖P⊥∇N(x)‖, across the initial scale β and across the orthogonal dimension ℓ = d − k.
import type {Row} from "../../src/contract/index.js";
import {matrix} from "../../src/linalg/matrix.js";
import {integer, real, reals} from "../../src/contract/index.js";
import {pipeline} from "../../src/contract/index.js";
import {relu} from "../two-layer/activation.js";
import {inputGradients} from "../two-layer/network.js";
import {lineFlips, projectedFlips} from "./flip.js";
import {drawSetting, settingParams, trainSetting} from "./setting.js";
import {embed, projectOut} from "./subspace.js";
import {fullNetwork, gradientSplit, median} from "./subspaceNetwork.js";

/** What one configuration (d, β) gives: medians over the test points. */
interface FlipSummary {
  d: number;
  beta: number;
  r: number;
  rOverNorm: number;
  linear: number;
  ratio: number;
  projected: number;
  unflipped: number;
  points: Row[];
}

/**
 * Spec A4: for each d in `dims` at β = 1, and each β in `betas` at d = d_ref, trains the A.4 network and finds for
 * every test point r⋆ = the first sign change of N along −sign(N(x))·ĝ⊥(x) (bisection), and the size of the flip
 * found by projected gradient steps in P⊥. Medians over points of r⋆, r⋆/‖x‖, |N|/‖g⊥‖ and r⋆·‖g⊥‖/|N|; the
 * log-log slope of median r⋆/‖x‖ against ℓ; the ratio of r⋆ at the smallest β to r⋆ at β = 1.
 */
export const minimalFlip = pipeline({
  id: "adversarial-subspace/minimal-flip",
  description:
    "Minimal orthogonal flip r* (bisection along ĝ⊥ and projected gradient steps) against |N|/‖g⊥‖, across β and ℓ = d − k.",
  source: import.meta.url,
  params: {
    dims: reals([50, 100, 200, 400, 800], "input dimensions d of the ℓ sweep (β = 1)", {min: 2, max: 4000}),
    betas: reals([1, 0.3, 0.1], "initial scales β of the β sweep (at d_ref)", {min: 0.001, max: 10}),
    d_ref: integer(400, "input dimension of the β sweep", {min: 2, max: 4000}),
    n_test: integer(200, "test points of P", {min: 1, max: 10000}),
    r_max: real(20, "search the line up to r = r_max·√d (20‖x‖)", {min: 0.1, max: 1000}),
    ...settingParams
  },
  outputs: {
    scalars: {
      slope: "log-log slope of median r⋆/‖x‖ against ℓ = d − k over the dims sweep (β = 1)",
      slope_linear: "log-log slope of median (|N|/‖g⊥‖)/√d against ℓ",
      ratio_min: "min over configurations of median r⋆·‖g⊥‖/|N|",
      ratio_max: "max over configurations of median r⋆·‖g⊥‖/|N|",
      beta_ratio: "median r⋆ at the smallest β over median r⋆ at β = 1 (both at d_ref; 0 if absent)",
      beta_ratio_linear: "the same ratio for |N|/‖g⊥‖",
      beta_smallest: "the smallest β at d_ref",
      projected_over_line_max: "max over configurations of median projected-gradient flip / median r⋆",
      projected_over_line_min: "min over configurations of that ratio",
      unflipped: "test points whose sign did not change within r_max·√d, over all configurations"
    },
    tables: {
      medians: {
        description: "one row per configuration (d, β): medians over the test points",
        columns: {
          d: "input dimension",
          ell: "ℓ = d − k",
          beta: "initial scale β",
          r: "median r⋆, the first sign change along −sign(N)·ĝ⊥",
          r_over_norm: "median r⋆/‖x‖",
          linear: "median |N(x)|/‖g⊥(x)‖, the linear prediction of r⋆",
          ratio: "median r⋆·‖g⊥‖/|N|",
          projected: "median flip size by projected gradient steps in P⊥",
          unflipped: "test points not flipped within r_max·√d"
        }
      },
      points: {
        description: "every test point of the configurations at d_ref",
        columns: {
          beta: "initial scale β",
          linear: "|N(x)|/‖g⊥(x)‖",
          r: "r⋆ by bisection along ĝ⊥",
          projected: "flip size by projected gradient steps",
          flipped: "whether the line search found a sign change"
        }
      }
    }
  },
  run(params, rng) {
    const configs: {d: number; beta: number}[] = params.dims.map((d) => ({d, beta: 1}));
    for (const beta of params.betas)
      if (!(beta === 1 && params.dims.includes(params.d_ref))) configs.push({d: params.d_ref, beta});
    const summaries = configs.map(({d, beta}) => flipConfiguration(params, rng.fork(`d-${d}`), d, beta));
    const ellRows = summaries.filter((s) => s.beta === 1).sort((a, b) => a.d - b.d);
    const ells = ellRows.map((s) => s.d - params.k);
    const atRef = summaries.filter((s) => s.d === params.d_ref);
    const unitBeta = atRef.find((s) => s.beta === 1);
    const smallest = atRef.reduce((a, b) => (b.beta < a.beta ? b : a), atRef[0]);
    return {
      scalars: {
        slope: slope(
          ells,
          ellRows.map((s) => s.rOverNorm)
        ),
        slope_linear: slope(
          ells,
          ellRows.map((s) => s.linear / Math.sqrt(s.d))
        ),
        ratio_min: Math.min(...summaries.map((s) => s.ratio)),
        ratio_max: Math.max(...summaries.map((s) => s.ratio)),
        beta_ratio: unitBeta && smallest ? smallest.r / unitBeta.r : 0,
        beta_ratio_linear: unitBeta && smallest ? smallest.linear / unitBeta.linear : 0,
        beta_smallest: smallest?.beta ?? 0,
        projected_over_line_max: Math.max(...summaries.map((s) => s.projected / s.r)),
        projected_over_line_min: Math.min(...summaries.map((s) => s.projected / s.r)),
        unflipped: summaries.reduce((sum, s) => sum + s.unflipped, 0)
      },
      tables: {
        medians: summaries.map((s) => ({
          d: s.d,
          ell: s.d - params.k,
          beta: s.beta,
          r: s.r,
          r_over_norm: s.rOverNorm,
          linear: s.linear,
          ratio: s.ratio,
          projected: s.projected,
          unflipped: s.unflipped
        })),
        points: summaries.filter((s) => s.d === params.d_ref).flatMap((s) => s.points)
      }
    };
  }
});

// Trains at (d, β) (the same draw for every β at one d) and measures the flips of the test points.
function flipConfiguration(
  params: {
    k: number;
    n: number;
    width: number;
    n_test: number;
    eta_d: number;
    margin: number;
    max_steps: number;
    r_max: number;
  },
  rng: Parameters<typeof drawSetting>[0],
  d: number,
  beta: number
): FlipSummary {
  const draw = drawSetting(rng, d, params.k, params.n, params.n_test, params.width);
  const net = trainSetting(draw, params, {beta});
  const full = fullNetwork(net);
  const split = gradientSplit(net, draw.test.F, full);
  const X = embed(draw.test.F, draw.space.U);
  const G = projectOut(inputGradients(full, X, relu), draw.space.U);
  const V = matrix(G.rows, G.cols);
  for (let i = 0; i < G.rows; ++i) {
    const direction = -Math.sign(split.outputs[i]) / split.orthogonal[i];
    for (let q = 0; q < d; ++q) V.data[i * d + q] = direction * G.data[i * d + q];
  }
  const line = lineFlips(full, X, V, params.r_max * Math.sqrt(d));
  const projected = projectedFlips(full, X, draw.space.U);
  const linear = Array.from(split.outputs, (f, i) => Math.abs(f) / split.orthogonal[i]);
  const norms = Array.from({length: X.rows}, (_, i) => {
    let s = 0;
    for (let q = 0; q < d; ++q) s += X.data[i * d + q] ** 2;
    return Math.sqrt(s);
  });
  return {
    d,
    beta,
    r: median(line.r),
    rOverNorm: median(Array.from(line.r, (r, i) => r / norms[i])),
    linear: median(linear),
    ratio: median(Array.from(line.r, (r, i) => r / linear[i])),
    projected: median(projected.r),
    unflipped: line.flipped.filter((f) => !f).length,
    points: Array.from(line.r, (r, i) => ({
      beta,
      linear: linear[i],
      r,
      projected: projected.r[i],
      flipped: line.flipped[i]
    }))
  };
}

// Least-squares slope of log y on log x.
function slope(x: readonly number[], y: readonly number[]): number {
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; ++i) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

// E6 of the Group-and-Shuffle paper: OFT, BOFT and GS fits to orthogonal targets at equal parameter budgets.
import {integer, pipeline, reals} from "../../src/contract/index.js";
import type {Row} from "../../src/contract/index.js";
import {expmSkew} from "../../src/linalg/expm.js";
import {haarOrthogonal} from "../../src/linalg/haar.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {svd} from "../../src/linalg/svd.js";
import type {Rng} from "../../src/random/rng.js";
import {blockDiagonal} from "./blockDiagonal.js";
import {boft, butterflyPermutation} from "./butterfly.js";
import {gsDense, gsoft} from "./gs.js";
import {fitOrthogonalProduct} from "./procrustesFit.js";
import type {FactorStructure} from "./procrustesFit.js";
import {shuffle} from "./shuffle.js";

/** The adapters compared at one budget: c is the GS block size; all three have 2nc raw parameters. */
const methods = ["OFT", "BOFT", "GS"] as const;
type Method = (typeof methods)[number];

/**
 * Spec E6: for each size n and GS block c, OFT with block 2c, BOFT (c, m = 2) and GS with block c (all 2nc raw
 * parameters) fitted from the identity to orthogonal targets: a Haar matrix, exp(αS) for a dense skew S with
 * ‖S‖₂ = 1, a random member of the GS class and one of the BOFT class (Haar blocks). Reports the relative error
 * ‖Q − T‖_F/‖T‖_F after `sweeps` sweeps, the error history (non-increasing by construction), each class fitting
 * its own members, and the order GS < OFT < BOFT on the Haar target at every budget.
 */
export const expressivity = pipeline({
  id: "group-shuffle/expressivity",
  description: "Relative error of OFT, BOFT and GS fits to orthogonal targets at equal parameter budgets.",
  source: import.meta.url,
  params: {
    sizes: reals([64, 128], "matrix sizes n", {min: 4, max: 512}),
    budgets: reals([8, 16], "GS block sizes c (OFT uses 2c, BOFT (c, 2)); 2c must divide n", {min: 1, max: 256}),
    alphas: reals([0.5, 1.5], "rotation angles α of the exp(αS) targets", {min: 0}),
    sweeps: integer(100, "most Procrustes sweeps per fit (a fit stops once a sweep gains < 1e-12)", {min: 1, max: 1000})
  },
  outputs: {
    scalars: {
      "haar_{method}_n{n}_c{c}": "relative error ‖Q − T‖_F/‖T‖_F of the oft, boft or gs fit to a Haar target at (n, c)",
      monotonicity_violations: "sweeps whose error rose above the previous sweep's (0 expected)",
      haar_order_violations: "(n, c) pairs where the Haar errors are not ordered GS < OFT < BOFT",
      gs_own_class_error: "max GS fit error on members of the GS class",
      boft_own_class_error: "max BOFT fit error on members of the BOFT class",
      gs_on_boft_class_error: "min GS fit error on members of the BOFT class",
      boft_on_gs_class_error: "min BOFT fit error on members of the GS class",
      near_identity_gs_minus_oft: "max (GS − OFT) error on the exp(αS) target with the smallest α",
      fits: "number of fits (sizes × budgets × targets × 3 methods)"
    },
    tables: {
      fits: {
        description: "one row per (n, c, method, target) fit",
        columns: {
          n: "matrix size",
          budget: "GS block size c",
          method: "OFT (block 2c), BOFT (c, m = 2) or GS (block c)",
          target: "haar, exp(αS), GS class or BOFT class",
          parameters: "raw parameters 2nc",
          error: "final relative error ‖Q − T‖_F/‖T‖_F",
          sweeps: "Procrustes sweeps run"
        }
      },
      haar_history: {
        description: "the error after each sweep of the fits to the Haar target",
        columns: {
          n: "matrix size",
          budget: "GS block size c",
          method: "OFT, BOFT or GS",
          sweep: "sweep number (0: the identity)",
          error: "relative error after the sweep"
        }
      }
    }
  },
  run({sizes, budgets, alphas, sweeps}, rng) {
    const fits: Row[] = [];
    const history: Row[] = [];
    const scalars: Record<string, number> = {};
    let monotonicityViolations = 0;
    let haarOrderViolations = 0;
    let gsOwn = 0;
    let boftOwn = 0;
    let gsOnBoft = Infinity;
    let boftOnGs = Infinity;
    let nearIdentityGap = -Infinity;

    for (const n of sizes) {
      const stream = rng.fork(`n-${n}`);
      const shared: [string, Matrix][] = [["haar", haarOrthogonal(n, stream.fork("haar"))]];
      const S = unitSkew(n, stream.fork("skew"));
      for (const alpha of alphas) shared.push([`exp(${alpha}S)`, expmSkew(scaled(S, alpha))]);

      for (const c of budgets) {
        if (n % (2 * c) !== 0) throw new Error(`expressivity: 2c = ${2 * c} must divide n = ${n}`);
        const r = n / c;
        const classStream = stream.fork(`classes-${c}`);
        const haarBlocks = () => blockDiagonal(Array.from({length: r}, () => haarOrthogonal(c, classStream)));
        const targets: [string, Matrix][] = [
          ...shared,
          ["GS class", gsDense(gsoft(haarBlocks(), haarBlocks()))],
          ["BOFT class", gsDense(boft([haarBlocks(), haarBlocks()]))]
        ];
        const structures: Record<Method, FactorStructure[]> = {
          OFT: [{permutation: null, block: 2 * c}],
          BOFT: [
            {permutation: null, block: c},
            {permutation: butterflyPermutation(n, c, 1), block: c}
          ],
          GS: [
            {permutation: null, block: c},
            {permutation: shuffle(r, n), block: c}
          ]
        };
        for (const [target, T] of targets) {
          const errors = {} as Record<Method, number>;
          for (const method of methods) {
            const fit = fitOrthogonalProduct(structures[method], T, sweeps, {tolerance: 1e-12});
            const final = fit.errors[fit.errors.length - 1];
            errors[method] = final;
            for (let t = 1; t < fit.errors.length; ++t) {
              if (fit.errors[t] > fit.errors[t - 1] * (1 + 1e-12) + 1e-15) ++monotonicityViolations;
            }
            if (target === "haar")
              fit.errors.forEach((error, sweep) => history.push({n, budget: c, method, sweep, error}));
            fits.push({
              n,
              budget: c,
              method,
              target,
              parameters: 2 * n * c,
              error: final,
              sweeps: fit.errors.length - 1
            });
          }
          if (target === "haar") {
            if (!(errors.GS < errors.OFT && errors.OFT < errors.BOFT)) ++haarOrderViolations;
            for (const method of methods) scalars[`haar_${method.toLowerCase()}_n${n}_c${c}`] = errors[method];
          }
          if (target === "GS class") {
            gsOwn = Math.max(gsOwn, errors.GS);
            boftOnGs = Math.min(boftOnGs, errors.BOFT);
          }
          if (target === "BOFT class") {
            boftOwn = Math.max(boftOwn, errors.BOFT);
            gsOnBoft = Math.min(gsOnBoft, errors.GS);
          }
          if (target === `exp(${Math.min(...alphas)}S)`)
            nearIdentityGap = Math.max(nearIdentityGap, errors.GS - errors.OFT);
        }
      }
    }
    return {
      scalars: {
        ...scalars,
        monotonicity_violations: monotonicityViolations,
        haar_order_violations: haarOrderViolations,
        gs_own_class_error: gsOwn,
        boft_own_class_error: boftOwn,
        gs_on_boft_class_error: finiteOr(gsOnBoft, 0),
        boft_on_gs_class_error: finiteOr(boftOnGs, 0),
        near_identity_gs_minus_oft: finiteOr(nearIdentityGap, 0),
        fits: fits.length
      },
      tables: {fits, haar_history: history}
    };
  }
});

// A dense skew-symmetric matrix with spectral norm 1: the skew part of a Gaussian matrix, divided by ‖·‖₂.
function unitSkew(n: number, rng: Rng): Matrix {
  const G = rng.normals(n * n);
  const S = matrix(n, n);
  for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) S.data[i * n + j] = 0.5 * (G[i * n + j] - G[j * n + i]);
  return scaled(S, 1 / svd(S).s[0]);
}

function scaled(A: Matrix, factor: number): Matrix {
  return matrix(
    A.rows,
    A.cols,
    A.data.map((x) => x * factor)
  );
}

function finiteOr(x: number, fallback: number): number {
  return Number.isFinite(x) ? x : fallback;
}

// The common setting of experiments A2–A5 (spec A.4): parameter declarations and one seeded draw of the subspace,
// the training and test points and the initial weights, so that every experiment uses the same streams.
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import {integer, real} from "../../src/contract/index.js";
import type {Rng} from "../../src/random/rng.js";
import type {Subspace, SubspaceSample} from "./subspace.js";
import {randomSubspace, subspaceSample} from "./subspace.js";
import type {SubspaceNetwork, SubspaceTraining} from "./subspaceNetwork.js";
import {trainOnSubspace} from "./subspaceNetwork.js";

/** Parameters shared by A2–A5: data, width, step size and stopping rule. */
export const settingParams = {
  k: integer(10, "dimension k of the data subspace P", {min: 1, max: 100}),
  n: integer(100, "training points", {min: 2, max: 2000}),
  width: integer(200, "hidden width m (outer weights fixed at ±1/√m, alternating)", {min: 2, max: 2000}),
  eta_d: real(2, "step size times d: η = eta_d/d", {min: 0.001, max: 20}),
  margin: real(1, "stop once min_i y_i·N(x_i) reaches this margin", {min: 0, max: 10}),
  max_steps: integer(6000, "step cap of gradient descent", {min: 1, max: 100000})
};

/** One draw of the setting: subspace, training and test points (coordinates in P). */
export interface SettingDraw {
  space: Subspace;
  train: SubspaceSample;
  test: SubspaceSample;
  /** Standard-normal m×d matrix; W(0) = (β/√d)·this, so every β shares the same direction of W(0). */
  init: Matrix;
}

/** Draws the subspace (stream "subspace"), training points ("train"), test points ("test") and W(0) ("init"). */
export function drawSetting(rng: Rng, d: number, k: number, n: number, nTest: number, width: number): SettingDraw {
  const space = randomSubspace(d, k, rng.fork("subspace"));
  return {
    space,
    train: subspaceSample(space, n, rng.fork("train")),
    test: subspaceSample(space, nTest, rng.fork("test")),
    init: matrix(width, d, rng.fork("init").normals(width * d))
  };
}

/** Options of trainSetting beyond the shared parameters. */
export interface TrainSettingOptions {
  beta: number;
  lambda?: number;
  decayBiases?: boolean;
  /** Overrides max_steps (e.g. a fixed horizon for weight decay). */
  maxSteps?: number;
  /** Overrides margin (Infinity: no stopping rule). */
  margin?: number;
}

/** Trains the network of the setting at initial scale β (and weight decay λ on W). */
export function trainSetting(
  draw: SettingDraw,
  params: {eta_d: number; margin: number; max_steps: number; width: number},
  options: TrainSettingOptions
): SubspaceNetwork {
  const d = draw.space.d;
  const W0 = scaled(draw.init, options.beta / Math.sqrt(d));
  const training: SubspaceTraining = {
    width: params.width,
    beta: options.beta,
    learningRate: params.eta_d / d,
    weightDecay: options.lambda ?? 0,
    decayBiases: options.decayBiases ?? false,
    maxSteps: options.maxSteps ?? params.max_steps,
    targetMargin: options.margin ?? params.margin
  };
  return trainOnSubspace(draw.space, draw.train, W0, training);
}

/** A copy of A with every entry multiplied by `factor`. */
export function scaled(A: Matrix, factor: number): Matrix {
  return matrix(
    A.rows,
    A.cols,
    A.data.map((x) => x * factor)
  );
}

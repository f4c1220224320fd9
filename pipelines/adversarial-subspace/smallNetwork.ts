// The authors' small networks (spec A.1): PyTorch-style initialisation of a d → m ReLU → 1 network with every
// parameter trained by full-batch gradient descent on binary cross-entropy, optionally with weight decay on all of
// them, stopped when every margin exceeds a threshold.
import {matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";
import {relu} from "../two-layer/activation.js";
import type {Trained} from "../two-layer/gradientDescent.js";
import {gradientDescent, minimum} from "../two-layer/gradientDescent.js";
import {logistic} from "../two-layer/loss.js";
import type {TwoLayerNetwork} from "../two-layer/network.js";
import type {LabelledPoints} from "./toyData.js";

/** One training configuration of the authors' code. */
export interface SmallTraining {
  width: number;
  /** Both weight layers are divided by this factor ("small initialisation"); biases are not. */
  factor: number;
  learningRate: number;
  /** PyTorch SGD weight_decay: coupled decay on every parameter. */
  weightDecay: number;
  /** Stop once min y·N > margin (Infinity: never). */
  margin: number;
  maxSteps: number;
}

/**
 * The initial network of the authors' model: first-layer weights N(0, 1/d)/factor, first-layer biases U(±1/√d)
 * (PyTorch's default, unscaled), outer weights N(0, 1/m)/factor, output bias U(±1/√m).
 */
export function smallInitial(d: number, width: number, factor: number, rng: Rng): TwoLayerNetwork {
  const W = matrix(width, d, rng.fork("weights").normals(width * d));
  for (let q = 0; q < W.data.length; ++q) W.data[q] /= Math.sqrt(d) * factor;
  const biases = rng.fork("biases");
  const b = Float64Array.from({length: width}, () => (2 * biases.uniform() - 1) / Math.sqrt(d));
  const u = rng
    .fork("outer")
    .normals(width)
    .map((x) => x / (Math.sqrt(width) * factor));
  const c = (2 * rng.fork("output-bias").uniform() - 1) / Math.sqrt(width);
  return {W, b, u, c};
}

/** Trains every parameter on mean binary cross-entropy (the logistic loss of the margin) by full-batch GD. */
export function trainSmall(initial: TwoLayerNetwork, data: LabelledPoints, options: SmallTraining): Trained {
  const all = {biases: true, outer: true, outputBias: true};
  return gradientDescent(initial, data.X, data.y, {
    activation: relu,
    loss: logistic,
    total: "mean",
    learningRate: options.learningRate,
    weightDecay: options.weightDecay,
    train: all,
    decay: all,
    maxSteps: options.maxSteps,
    stop: Number.isFinite(options.margin) ? (margins) => minimum(margins) > options.margin : undefined
  });
}

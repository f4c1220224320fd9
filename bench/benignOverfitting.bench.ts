// Times one training run of the benign-overfitting paper at n = 100, d = 300 (the code's settings: 2m = 64,
// α = 0.1, η = 1/(64n), γ = 5/n, flips with probability 0.1), trained to zero training error and on to zero hinge
// loss, and the same training by the shared plain loop in R^d and in the span of the data.
import {createRng} from "../src/random/rng.js";
import {sample, signalDirection} from "../pipelines/benign-overfitting/data.js";
import {initialWeights, outerWeights, trainBothRules} from "../pipelines/benign-overfitting/network.js";
import {runTrial} from "../pipelines/benign-overfitting/trial.js";
import {leakyRelu} from "../pipelines/two-layer/activation.js";
import {gradientDescent, minimum} from "../pipelines/two-layer/gradientDescent.js";
import {hinge} from "../pipelines/two-layer/loss.js";
import {coordinates, spanBasis} from "../pipelines/two-layer/span.js";
import {medianTime} from "./timing.js";

const n = 100;
const d = 300;
const gamma = 5 / n;
const width = 64;
const settings = {width, alpha: 0.1, outer: "alternating" as const, initScale: 1, lrScale: 1, maxSteps: 400000};
const rng = createRng(20241203).fork("bench-benign-overfitting");
const v = signalDirection(d, rng.fork("signal"));
const data = sample(n, v, gamma, rng.fork("train"), {kind: "probability", probability: 0.1});
const W0 = initialWeights(width, d, 1, rng.fork("init"));
const failures: string[] = [];

const runTrialOnce = () =>
  runTrial({n, d, gamma, ...settings, noise: {kind: "probability", probability: 0.1}, testPoints: 1000}, rng);
const trial = medianTime(runTrialOnce, 7);
const training = medianTime(() => trainBothRules(W0, data.X, data.observed, settings), 7);
// Processor time of the same trial (this thread is the only busy one): on a shared machine the wall-clock medians
// above include waiting for a core, this does not.
const cpu = cpuTime(runTrialOnce, 7);
const steps = training.value.loss.steps;
const plainOptions = {
  activation: leakyRelu(0.1),
  loss: hinge,
  total: "sum" as const,
  learningRate: 1 / (width * n),
  maxSteps: 400000,
  train: {biases: false},
  stop: (q: Float64Array) => minimum(q) >= 1
};
const net = {W: W0, b: null, u: outerWeights(width, "alternating"), c: 0};
const plain = medianTime(() => gradientDescent(net, data.X, data.observed, plainOptions), 3);
const Q = spanBasis(data.X);
const runSpan = () =>
  gradientDescent({...net, W: coordinates(W0, Q)}, coordinates(data.X, Q), data.observed, plainOptions);
const span = medianTime(runSpan, 3);
const trainingCpu = cpuTime(() => trainBothRules(W0, data.X, data.observed, settings), 7);
const spanCpu = cpuTime(runSpan, 2);
const plainCpu = cpuTime(() => gradientDescent(net, data.X, data.observed, plainOptions), 2);
if (plain.value.steps !== steps || span.value.steps !== steps) {
  failures.push(`steps differ: active set ${steps}, plain ${plain.value.steps}, span ${span.value.steps}`);
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);
console.log(
  `n = ${n}, d = ${d}, 2m = ${width}, γ = ${gamma}: ${training.value.error.steps} steps to zero training error, ${steps} to zero hinge loss; medians in ms`
);
console.log("                                                      wall median  processor time");
console.log(`one trial (data, both stopping rules, 1,000 test points, SNR) ${fmt(trial.ms)} ${fmt(cpu)}`);
console.log(`training only: span + active set (the pipelines)              ${fmt(training.ms)} ${fmt(trainingCpu)}`);
console.log(
  `training only: shared plain loop, span coordinates            ${fmt(span.ms)} ${fmt(spanCpu)}  (${(spanCpu / trainingCpu).toFixed(1)}×)`
);
console.log(
  `training only: shared plain loop in R^d                       ${fmt(plain.ms)} ${fmt(plainCpu)}  (${(plainCpu / trainingCpu).toFixed(1)}×)`
);
if (failures.length > 0) throw new Error(failures.join("\n"));

function cpuTime(run: () => unknown, runs: number): number {
  run();
  const start = process.cpuUsage();
  for (let r = 0; r < runs; ++r) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

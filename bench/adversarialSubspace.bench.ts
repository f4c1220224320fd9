// Times one training run of the adversarial-subspace experiments A3–A5 (d = 400, k = 10, n = 100, m = 200, η = 2/d,
// mean logistic loss, stopped at min yN ≥ 1): gradient descent in the k coordinates of P, then the expansion to
// R^d; and, for comparison, the same run in R^d. Budget: under 1 s per run in the coordinates.
import {createRng} from "../src/random/rng.js";
import {drawSetting, scaled, trainSetting} from "../pipelines/adversarial-subspace/setting.js";
import {embed} from "../pipelines/adversarial-subspace/subspace.js";
import {alternatingOuter, fullNetwork} from "../pipelines/adversarial-subspace/subspaceNetwork.js";
import {relu} from "../pipelines/two-layer/activation.js";
import {gradientDescent, minimum} from "../pipelines/two-layer/gradientDescent.js";
import {logistic} from "../pipelines/two-layer/loss.js";
import {medianTime} from "./timing.js";

const params = {eta_d: 2, margin: 1, max_steps: 6000, width: 200};
const failures: string[] = [];
console.log(
  "one training run of A3–A5 (d = 400, k = 10, n = 100, m = 200); medians in ms, wall and CPU time of this process"
);
for (const beta of [1, 0.1]) {
  const draw = drawSetting(createRng(20240701).fork("bench-adversarial"), 400, 10, 100, 1, params.width);
  const cpuStart = process.cpuUsage();
  const runs = 5;
  const span = medianTime(() => fullNetwork(trainSetting(draw, params, {beta})), runs);
  const cpu = process.cpuUsage(cpuStart);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / (runs + 1);
  const steps = trainSetting(draw, params, {beta}).steps;
  const W0 = scaled(draw.init, beta / Math.sqrt(400));
  const X = embed(draw.train.F, draw.space.U);
  const full = medianTime(
    () =>
      gradientDescent(
        {W: W0, b: new Float64Array(params.width), u: alternatingOuter(params.width), c: 0},
        X,
        draw.train.y,
        {
          activation: relu,
          loss: logistic,
          total: "mean",
          learningRate: 2 / 400,
          maxSteps: 6000,
          stop: (q) => minimum(q) >= 1
        }
      ),
    1
  );
  console.log(
    `β = ${String(beta).padEnd(3)} ${steps} steps | in the coordinates of P: ${span.ms.toFixed(0)} ms wall, ${cpuPerRun.toFixed(0)} ms CPU ` +
      `(${((1000 * cpuPerRun) / steps).toFixed(0)} µs CPU/step) | in R^d: ${full.ms.toFixed(0)} ms wall (${(full.ms / span.ms).toFixed(1)}× the wall time)`
  );
  if (cpuPerRun >= 1000) failures.push(`β = ${beta}: ${cpuPerRun.toFixed(0)} ms CPU per run, over the 1 s budget`);
}
console.log(failures.length === 0 ? "checks: all passed" : `checks failed:\n  ${failures.join("\n  ")}`);

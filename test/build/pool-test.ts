// The worker pool: tasks run on worker threads that install the kernels they are given, with the same results as
// in this thread, whichever worker runs them; a pipeline's error comes back as a rejection.
import assert from "node:assert/strict";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {compileKernels} from "../../src/build/kernels.js";
import {WorkerPool} from "../../src/build/pool.js";
import {runTask} from "../../src/build/runner.js";
import {registry} from "./registry.js";

const registryFile = fileURLToPath(new URL("./registry.ts", import.meta.url));
const task = (seed: number) => ({
  experiment: "demo-mean",
  pipeline: "demo/gaussian-mean",
  params: {n: 30, mu: 0, poison: false},
  seed
});

test("WorkerPool.run(task) gives what runTask gives in this thread, for tasks spread over two workers", async () => {
  let compiled = 0;
  const pool = new WorkerPool(registryFile, 2, () => (++compiled, compileKernels()));
  try {
    const results = await Promise.all([0, 1, 2, 3].map((seed) => pool.run(task(seed))));
    assert.deepEqual(
      results.map((r) => r.json),
      [0, 1, 2, 3].map((seed) => runTask(registry, task(seed)))
    );
    assert.equal(compiled, 1, "the kernels are compiled once for all workers");
    await assert.rejects(pool.run({...task(0), pipeline: "demo/broken", params: {}}), /out of cheese/);
  } finally {
    await pool.close();
  }
});

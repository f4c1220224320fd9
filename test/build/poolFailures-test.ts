// The worker pool against pipelines that end their worker or never return: the task fails with a message naming it,
// and the pool goes on running the other tasks.
import assert from "node:assert/strict";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {compileKernels} from "../../src/build/kernels.js";
import {WorkerPool} from "../../src/build/pool.js";

const registry = fileURLToPath(new URL("./hostileRegistry.ts", import.meta.url));
const task = (pipeline: string, params = {}) => ({experiment: "e", pipeline, params, seed: 0});

test("WorkerPool.run(task) rejects naming the task when the pipeline calls process.exit, and the pool goes on", async () => {
  const pool = new WorkerPool(registry, 1, compileKernels);
  try {
    await assert.rejects(
      pool.run(task("demo/exits", {code: 13})),
      /pipeline demo\/exits \(seed 0, code=13\) ended its worker \(exit code 13\)/
    );
    const {json} = await pool.run(task("demo/quick"));
    assert.deepEqual(JSON.parse(json).scalars, {x: 1});
  } finally {
    await pool.close();
  }
});

test("WorkerPool.run(task) rejects a task that runs past the task timeout, and the pool goes on", async () => {
  const pool = new WorkerPool(registry, 1, compileKernels, 1000);
  try {
    await assert.rejects(
      pool.run(task("demo/forever")),
      /pipeline demo\/forever \(seed 0\) took longer than the task timeout of 1s/
    );
    const {json} = await pool.run(task("demo/quick"));
    assert.deepEqual(JSON.parse(json).scalars, {x: 1});
  } finally {
    await pool.close();
  }
});

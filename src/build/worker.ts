// The worker-thread side of the pool: loads the registry once and runs the tasks it is sent.
import {parentPort, workerData} from "node:worker_threads";
import {loadRegistry} from "./loadRegistry.js";
import type {Task} from "./runner.js";
import {runTask} from "./runner.js";

/** A message from the pool to a worker. */
export interface TaskMessage {
  id: number;
  task: Task;
}

/** A worker's answer: the dataset JSON or the error message. */
export type ResultMessage = {id: number; json: string; ms: number} | {id: number; error: string};

const registry = await loadRegistry((workerData as {registry: string}).registry);
parentPort!.on("message", ({id, task}: TaskMessage) => {
  const start = performance.now();
  try {
    const json = runTask(registry, task);
    parentPort!.postMessage({id, json, ms: performance.now() - start} satisfies ResultMessage);
  } catch (error) {
    parentPort!.postMessage({id, error: (error as Error).message} satisfies ResultMessage);
  }
});

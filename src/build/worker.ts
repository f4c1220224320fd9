// The worker-thread side of the pool: installs the WebAssembly kernels it is given, loads the registry once and runs
// the tasks it is sent.
import {parentPort, workerData} from "node:worker_threads";
import {installKernels} from "../linalg/kernels.js";
import type {KernelName} from "../linalg/kernels.js";
import {loadRegistry} from "./loadRegistry.js";
import {runTask} from "./runner.js";
import type {Task} from "./runner.js";

/** A message from the pool to a worker. */
export interface TaskMessage {
  id: number;
  task: Task;
}

/** A worker's answer: the dataset JSON or the error message; or, once, that it has loaded the registry. */
export type ResultMessage = {id: number; json: string; ms: number} | {id: number; error: string} | {ready: true};

/** What a worker is started with: the registry module and the compiled kernels. */
export interface WorkerData {
  registry: string;
  kernels: Record<KernelName, Uint8Array>;
}

const data = workerData as WorkerData;
installKernels(data.kernels);
const registry = await loadRegistry(data.registry);
parentPort!.postMessage({ready: true} satisfies ResultMessage);
parentPort!.on("message", ({id, task}: TaskMessage) => {
  const start = performance.now();
  try {
    const json = runTask(registry, task);
    parentPort!.postMessage({id, json, ms: performance.now() - start} satisfies ResultMessage);
  } catch (error) {
    parentPort!.postMessage({id, error: (error as Error).message} satisfies ResultMessage);
  }
});

// A pool of worker threads that run tasks in parallel. Which worker runs a task never changes its result:
// every task seeds its own random source.
import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import type {KernelName} from "../linalg/kernels.js";
import type {Task} from "./runner.js";
import type {ResultMessage, TaskMessage, WorkerData} from "./worker.js";

/** The default number of workers: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Runs tasks on up to `jobs` workers, started lazily. */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: {
    message: TaskMessage;
    resolve: (r: {json: string; ms: number}) => void;
    reject: (e: Error) => void;
  }[] = [];
  private readonly pending = new Map<Worker, (typeof this.queue)[number]>();
  private nextId = 0;
  private binaries: Record<KernelName, Uint8Array> | undefined;

  /**
   * @param registry the registry module the workers load
   * @param jobs the largest number of workers
   * @param kernels compiles linalg's WebAssembly kernels; called once, when the first worker starts
   */
  constructor(
    private readonly registry: string,
    private readonly jobs: number,
    private readonly kernels: () => Record<KernelName, Uint8Array>
  ) {}

  /** Runs a task on a free worker; resolves with the dataset JSON and the time it took. */
  run(task: Task): Promise<{json: string; ms: number}> {
    return new Promise((resolve, reject) => {
      this.queue.push({message: {id: this.nextId++, task}, resolve, reject});
      this.dispatch();
    });
  }

  /** Stops all workers (running tasks are abandoned). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.idle.length === 0 && this.workers.length < this.jobs) this.spawn();
      const worker = this.idle.pop();
      if (!worker) return;
      const job = this.queue.shift()!;
      this.pending.set(worker, job);
      worker.postMessage(job.message);
    }
  }

  private spawn(): void {
    const worker = new Worker(new URL("./worker.bootstrap.js", import.meta.url), {
      workerData: {registry: this.registry, kernels: (this.binaries ??= this.kernels())} satisfies WorkerData
    });
    worker.on("message", (message: ResultMessage) => {
      const job = this.pending.get(worker);
      this.pending.delete(worker);
      this.idle.push(worker);
      if (job) {
        if ("error" in message) job.reject(new Error(message.error));
        else job.resolve({json: message.json, ms: message.ms});
      }
      this.dispatch();
    });
    worker.on("error", (error) => {
      const job = this.pending.get(worker);
      this.pending.delete(worker);
      this.workers.splice(this.workers.indexOf(worker), 1);
      job?.reject(error);
      this.dispatch();
    });
    this.workers.push(worker);
    this.idle.push(worker);
  }
}

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
    timer?: NodeJS.Timeout;
  }[] = [];
  private readonly pending = new Map<Worker, (typeof this.queue)[number]>();
  private readonly ready = new Set<Worker>();
  private nextId = 0;
  private binaries: Record<KernelName, Uint8Array> | undefined;

  /**
   * @param registry the registry module the workers load
   * @param jobs the largest number of workers
   * @param kernels compiles linalg's WebAssembly kernels; called once, when the first worker starts
   * @param taskTimeout the longest a task may run (ms) before its worker is stopped and the task fails (none when 0)
   */
  constructor(
    private readonly registry: string,
    private readonly jobs: number,
    private readonly kernels: () => Record<KernelName, Uint8Array>,
    private readonly taskTimeout = 0
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
      if (this.ready.has(worker)) this.startTimer(worker, job);
      worker.postMessage(job.message);
    }
  }

  // The task timeout counts from when the worker can run the task (a starting worker loads the registry first).
  private startTimer(worker: Worker, job: (typeof this.queue)[number]): void {
    if (this.taskTimeout <= 0) return;
    job.timer = setTimeout(() => {
      const seconds = this.taskTimeout / 1000;
      this.fail(
        worker,
        new Error(`${describeTask(job.message.task)} took longer than the task timeout of ${seconds}s`)
      );
      void worker.terminate();
    }, this.taskTimeout);
  }

  private spawn(): void {
    // The bootstrap registers tsx itself: the workers take none of this process's --import hooks.
    const worker = new Worker(new URL("./worker.bootstrap.js", import.meta.url), {
      execArgv: [],
      workerData: {registry: this.registry, kernels: (this.binaries ??= this.kernels())} satisfies WorkerData
    });
    worker.on("message", (message: ResultMessage) => {
      if ("ready" in message) {
        this.ready.add(worker);
        const running = this.pending.get(worker);
        if (running) this.startTimer(worker, running);
        return;
      }
      const job = this.pending.get(worker);
      this.pending.delete(worker);
      clearTimeout(job?.timer);
      this.idle.push(worker);
      if (job) {
        if ("error" in message) job.reject(new Error(message.error));
        else job.resolve({json: message.json, ms: message.ms});
      }
      this.dispatch();
    });
    worker.on("error", (error) => this.fail(worker, error));
    // A pipeline that calls process.exit ends its worker without an error: the task it was running fails.
    worker.on("exit", (code) => {
      const job = this.pending.get(worker);
      if (job) this.fail(worker, new Error(`${describeTask(job.message.task)} ended its worker (exit code ${code})`));
      else this.forget(worker);
    });
    this.workers.push(worker);
    this.idle.push(worker);
  }

  // Fails the task a worker was running (if any) and takes the worker out of the pool; the queue goes on.
  private fail(worker: Worker, error: Error): void {
    const job = this.pending.get(worker);
    this.pending.delete(worker);
    clearTimeout(job?.timer);
    this.forget(worker);
    job?.reject(error);
    this.dispatch();
  }

  private forget(worker: Worker): void {
    this.ready.delete(worker);
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    const j = this.idle.indexOf(worker);
    if (j >= 0) this.idle.splice(j, 1);
  }
}

/** "pipeline demo/x (seed 3, d=400)": which task, for messages. */
export function describeTask(task: Task): string {
  const params = Object.entries(task.params)
    .filter(([, value]) => !Array.isArray(value))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(" ");
  return `pipeline ${task.pipeline} (seed ${task.seed}${params ? `, ${params}` : ""})`;
}

// `orthogonal plan [--shards N] [--cpus C]`: the tasks of a build split into N shards, with each shard's
// predicted wall time from the task times earlier builds recorded, so that an author sees how many nodes to ask for.
import {DatasetCache} from "../build/cache.js";
import {planTasks, shardPlan} from "../build/shard.js";
import type {ShardPlan} from "../build/shard.js";

/** Options of `orthogonal plan`. */
export interface PlanCommandOptions {
  root: string;
  profile: string;
  cacheDir: string;
  shards: number;
  cpus: number;
  only?: string;
}

/** Prints the split and its predictions. */
export async function planCommand(options: PlanCommandOptions): Promise<number> {
  const {tasks} = await planTasks(options.root, options.profile, options.only);
  const plan = shardPlan(tasks, options.shards, options.cacheDir, options.cpus);
  const cache = new DatasetCache(options.cacheDir);
  const cached = new Set(tasks.filter((task) => cache.read(task.key) !== undefined).map((task) => task.key));
  process.stdout.write(formatPlan(plan, cached));
  return 0;
}

/** The table printed by `orthogonal plan`. */
export function formatPlan(plan: ShardPlan, cached: Set<string>): string {
  const lines: string[] = [];
  const per = `${plan.workers} worker${plan.workers === 1 ? "" : "s"} per shard`;
  if (plan.balance === "hash") {
    lines.push(
      `${plan.tasks} tasks in ${plan.count} shard${plan.count === 1 ? "" : "s"}, ${per}; no task times recorded yet: split by hash, no prediction`
    );
  } else {
    const estimated =
      plan.estimated > 0
        ? `; ${plan.estimated} task time${plan.estimated === 1 ? "" : "s"} estimated from their experiment`
        : "";
    lines.push(
      `${plan.tasks} tasks in ${plan.count} shard${plan.count === 1 ? "" : "s"}, ${per}; balanced by recorded task times${estimated}`
    );
  }
  lines.push("shard        tasks  cached  experiments  predicted");
  plan.shards.forEach((shard, i) => {
    const experiments = new Set(shard.map((item) => item.task.experiment)).size;
    const done = shard.filter((item) => cached.has(item.task.key)).length;
    const predicted = plan.predictedMs === undefined ? "–" : seconds(plan.predictedMs[i]);
    lines.push(
      `${`${i + 1}/${plan.count}`.padEnd(12)} ${String(shard.length).padStart(5)}  ${String(done).padStart(6)}  ${String(experiments).padStart(11)}  ${predicted.padStart(9)}`
    );
  });
  if (plan.predictedMs !== undefined) {
    const all = plan.shards.flat();
    const serial = all.reduce((sum, item) => sum + item.ms!, 0);
    const longest = Math.max(0, ...all.map((item) => item.ms!));
    lines.push(
      `predicted makespan ${seconds(Math.max(...plan.predictedMs))} (tasks ${seconds(serial)} in all on one thread, ` +
        `longest task ${seconds(longest)}, start-up ${seconds(plan.startupMs)} per shard)`
    );
  }
  return `${lines.join("\n")}\n`;
}

function seconds(ms: number): string {
  return ms >= 600_000 ? `${(ms / 60_000).toFixed(1)}min` : `${(ms / 1000).toFixed(1)}s`;
}

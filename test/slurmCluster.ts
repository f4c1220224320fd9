// A one-node Slurm cluster of the test suite's own, in a temporary folder: a munge key and munged, a generated
// slurm.conf (this host's short name and CPU count, loopback address, free ports, every spool, state, log and pid
// file in the folder), slurmctld and slurmd in the foreground as child processes, stopped by PID.
import {spawn, spawnSync} from "node:child_process";
import type {ChildProcess} from "node:child_process";
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {availableParallelism, hostname, tmpdir} from "node:os";
import {join} from "node:path";

/** The Slurm and munge programs the cluster needs. */
export const slurmPrograms = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "scancel", "sinfo"];

/** The programs missing from PATH (or from /usr/sbin, where Debian puts the daemons). */
export function missingSlurmPrograms(): string[] {
  return slurmPrograms.filter((name) => program(name) === undefined);
}

/** A running cluster: the environment its clients need (SLURM_CONF), and how to stop it. */
export interface SlurmCluster {
  dir: string;
  env: NodeJS.ProcessEnv;
  cpus: number;
  /** Runs a Slurm client (squeue, scontrol, scancel …) against this cluster. */
  client(name: string, ...args: string[]): {status: number | null; stdout: string; stderr: string};
  /** Waits until none of the jobs is pending or running. */
  waitForJobs(ids: string[], timeoutMs?: number): Promise<void>;
  /** The state of each task of a job (array tasks by their index), e.g. {"1": "COMPLETED", "2": "CANCELLED"}. */
  jobStates(id: string): Record<string, string>;
  stop(): Promise<void>;
}

/** Starts munged, slurmctld and slurmd; resolves when the node is idle. Stops what it started if that fails. */
export async function startSlurmCluster(): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), "orthogonal-slurm-"));
  for (const sub of ["state", "spool", "log"]) mkdirSync(join(dir, sub));
  const children: ChildProcess[] = [];
  const node = hostname().split(".")[0];
  const cpus = availableParallelism();
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, "munge.key"), randomBytes(1024), {mode: 0o600});
  writeFileSync(join(dir, "plugstack.conf"), "");
  const conf = join(dir, "slurm.conf");
  writeFileSync(
    conf,
    [
      "ClusterName=orthogonal-test",
      `SlurmctldHost=${node}(127.0.0.1)`,
      "SlurmUser=root",
      "SlurmdUser=root",
      "AuthType=auth/munge",
      `AuthInfo=socket=${dir}/munge.socket`,
      "CredType=cred/munge",
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      `StateSaveLocation=${dir}/state`,
      `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldPidFile=${dir}/slurmctld.pid`,
      `SlurmdPidFile=${dir}/slurmd.pid`,
      `SlurmctldLogFile=${dir}/log/slurmctld.log`,
      `SlurmdLogFile=${dir}/log/slurmd.log`,
      `PlugStackConfig=${dir}/plugstack.conf`,
      "ProctrackType=proctrack/linuxproc",
      "TaskPlugin=task/none",
      "SelectType=select/cons_tres",
      "SelectTypeParameters=CR_CPU",
      "SchedulerType=sched/backfill",
      "AccountingStorageType=accounting_storage/none",
      "JobAcctGatherType=jobacct_gather/none",
      "JobCompType=jobcomp/none",
      "MpiDefault=none",
      "ReturnToService=2",
      "MinJobAge=600",
      "KillWait=2",
      "InactiveLimit=0",
      `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus} State=UNKNOWN`,
      `PartitionName=debug Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
      ""
    ].join("\n")
  );
  const env = {...process.env, SLURM_CONF: conf};
  const daemon = (name: string, args: string[]) => {
    const child = spawn(program(name)!, args, {env, stdio: ["ignore", "ignore", "ignore"]});
    children.push(child);
    return child;
  };
  const client = (name: string, ...args: string[]) => {
    const result = spawnSync(program(name)!, args, {env, encoding: "utf8"});
    return {status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? ""};
  };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      process.kill(child.pid, "SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, "SIGKILL");
    }
    rmSync(dir, {recursive: true, force: true});
  };
  try {
    daemon("munged", [
      "--foreground",
      "--force",
      `--key-file=${dir}/munge.key`,
      `--socket=${dir}/munge.socket`,
      `--pid-file=${dir}/munged.pid`,
      `--log-file=${dir}/log/munged.log`,
      `--seed-file=${dir}/munged.seed`
    ]);
    await until(() => existsSync(join(dir, "munge.socket")), 10_000, "munged did not create its socket");
    daemon("slurmctld", ["-D", "-i", "-f", conf]);
    daemon("slurmd", ["-D", "-N", node, "-f", conf]);
    await until(
      () => /^idle/.test(client("sinfo", "-h", "-N", "-o", "%t").stdout.trim()),
      60_000,
      () => `the node did not become idle: ${tail(join(dir, "log/slurmctld.log"))} ${tail(join(dir, "log/slurmd.log"))}`
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    dir,
    env,
    cpus,
    client,
    stop,
    async waitForJobs(ids, timeoutMs = 600_000) {
      await until(
        () => client("squeue", "-h", "-j", ids.join(","), "-o", "%i").stdout.trim() === "",
        timeoutMs,
        `jobs ${ids.join(",")} did not finish`
      );
    },
    jobStates(id) {
      const states: Record<string, string> = {};
      const text = client("scontrol", "show", "job", id).stdout;
      for (const record of text.split(/\n\s*\n/)) {
        const state = /JobState=(\S+)/.exec(record)?.[1];
        if (!state) continue;
        states[/ArrayTaskId=(\d+)/.exec(record)?.[1] ?? "job"] = state;
      }
      return states;
    }
  };
}

function program(name: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/sbin", "/usr/local/sbin"]) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

/** Polls `condition` every 250 ms; throws `message` after `timeoutMs`. */
export async function until(
  condition: () => boolean,
  timeoutMs: number,
  message: string | (() => string)
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(typeof message === "string" ? message : message());
    await sleep(250);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(path: string): string {
  try {
    return readFileSync(path, "utf8").trim().split("\n").slice(-3).join(" | ");
  } catch {
    return "";
  }
}

// The orthogonal command line: build, run, list, check, clean and serve. Each command loads its module
// lazily; one catch turns CliError into a one-line message and its exit code (stacks only with --debug).
import {parseArgs} from "node:util";
import type {ParseArgsConfig} from "node:util";
import {CliError, ExitCode} from "../contract/error.js";

const commonOptions = {
  root: {type: "string", default: ".", description: "project root holding content/ (default: current folder)"},
  profile: {type: "string", default: "paper", description: "parameter profile: paper (default) or quick"},
  debug: {type: "boolean", default: false, description: "print stack traces of internal errors"},
  help: {type: "boolean", short: "h", default: false, description: "show this help"}
} as const;

type OptionsConfig = Record<
  string,
  {type: "string" | "boolean"; short?: string; multiple?: boolean; default?: string | boolean; description: string}
>;

const commands: Record<string, {usage: string; summary: string; options: OptionsConfig}> = {
  build: {
    usage: "orthogonal build [--only PATTERN] [--jobs N] [--force]",
    summary: "Run every declared experiment (cached), check claims, write figures/, tables and site/.",
    options: {
      only: {type: "string", description: "only experiments whose id matches (comma-separated; * wildcards)"},
      jobs: {type: "string", description: "number of worker threads (default: number of cores)"},
      force: {type: "boolean", default: false, description: "recompute even what the cache holds"},
      "task-timeout": {type: "string", description: "fail a task that runs longer than this many seconds"},
      out: {type: "string", description: "write figures/ and site/ under this folder instead of the root"}
    }
  },
  run: {
    usage: "orthogonal run EXPERIMENT [--set key=value ...] [--seed N] [--json]",
    summary: "Compute one parameter point of an experiment (or a pipeline id) and print its dataset.",
    options: {
      set: {
        type: "string",
        multiple: true,
        description: "override a parameter, e.g. --set d=800 (lists: --set grid=1,2,4)"
      },
      seed: {type: "string", description: "the seed (default: the experiment's first seed)"},
      json: {type: "boolean", default: false, description: "print the dataset as JSON on stdout"}
    }
  },
  list: {
    usage: "orthogonal list",
    summary: "List papers, experiments, their pipelines, points, seeds, figures and tables.",
    options: {}
  },
  check: {
    usage: "orthogonal check [--only PATTERN] [--jobs N]",
    summary: "Evaluate every claim (computing what the cache lacks); exit 5 if any fails.",
    options: {
      only: {type: "string", description: "only experiments whose id matches"},
      jobs: {type: "string", description: "number of worker threads"},
      "task-timeout": {type: "string", description: "fail a task that runs longer than this many seconds"}
    }
  },
  clean: {
    usage: "orthogonal clean",
    summary: "Delete the cache and the files the build wrote in figures/ and site/ (in a project folder only).",
    options: {}
  },
  serve: {
    usage: "orthogonal serve [--port N]",
    summary: "Preview site/ on localhost and rebuild what changed when content or pipelines are saved.",
    options: {port: {type: "string", default: "3000", description: "port on 127.0.0.1 (default 3000)"}}
  }
};

const exitCodes = `Exit codes:
  0    success: everything built and every claim held
  1    internal error
  2    bad command-line usage
  3    invalid content (YAML, schema, unknown pipeline/parameter, duplicate or unsafe id, broken link)
  4    a pipeline failed or produced NaN/Infinity
  5    a claim failed
  130  interrupted`;

function help(command?: string): string {
  if (!command) {
    const list = Object.entries(commands)
      .map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}`)
      .join("\n");
    return `orthogonal: experiments, figures, tables and a companion site from declared content.\n\nUsage: orthogonal <command> [options]\n\nCommands:\n${list}\n\nRun orthogonal <command> --help for a command's options.\n\n${exitCodes}\n`;
  }
  const spec = commands[command];
  const options = {...spec.options, ...commonOptions} as OptionsConfig;
  const lines = Object.entries(options).map(
    ([name, o]) => `  --${name}${o.type === "string" ? " VALUE" : ""}`.padEnd(22) + o.description
  );
  return `${spec.usage}\n\n${spec.summary}\n\nOptions:\n${lines.join("\n")}\n\n${exitCodes}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(help(rest[0] && commands[rest[0]] ? rest[0] : undefined));
    return command ? ExitCode.ok : ExitCode.usage;
  }
  const spec = commands[command];
  if (!spec) throw new CliError(`unknown command ${command}; run orthogonal --help`, ExitCode.usage);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries({...spec.options, ...commonOptions} as OptionsConfig).map(([name, {description: _, ...o}]) => [
          name,
          o
        ])
      ) as ParseArgsConfig["options"],
      allowPositionals: command === "run",
      strict: true
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${spec.usage}`, ExitCode.usage);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) {
    process.stdout.write(help(command));
    return ExitCode.ok;
  }
  debug = Boolean(values.debug);
  const {resolve} = await import("node:path");
  const root = resolve(values.root as string);
  const profile = values.profile as string;
  const {availableParallelism} = await import("node:os");
  const jobs =
    values.jobs === undefined
      ? undefined
      : positiveInteger("--jobs", values.jobs as string, Math.max(2, availableParallelism()));
  switch (command) {
    case "build":
    case "check": {
      const options = {
        root,
        only: values.only as string | undefined,
        jobs,
        force: Boolean(values.force),
        taskTimeout:
          values["task-timeout"] === undefined
            ? undefined
            : positiveInteger("--task-timeout", values["task-timeout"] as string),
        profile,
        out: values.out === undefined ? undefined : resolve(values.out as string)
      };
      if (command === "check") return (await import("../commands/check.js")).checkCommand(options);
      return (await import("../commands/build.js")).buildCommand(options);
    }
    case "run": {
      const {runCommand} = await import("../commands/run.js");
      if (parsed.positionals.length !== 1)
        throw new CliError(`run takes one experiment or pipeline id\n${spec.usage}`, ExitCode.usage);
      return runCommand({
        root,
        profile,
        target: parsed.positionals[0],
        sets: (values.set as string[] | undefined) ?? [],
        seed: values.seed === undefined ? undefined : nonNegativeInteger("--seed", values.seed as string),
        json: Boolean(values.json)
      });
    }
    case "list": {
      const {listCommand} = await import("../commands/list.js");
      return listCommand(root, profile);
    }
    case "clean": {
      const {clean} = await import("../commands/clean.js");
      clean(root);
      return ExitCode.ok;
    }
    case "serve": {
      const {serve} = await import("../commands/serve.js");
      const port = values.port === "0" ? 0 : positiveInteger("--port", values.port as string, 65535);
      await serve({root, profile, port});
      return ExitCode.ok;
    }
  }
  return ExitCode.usage;
}

function positiveInteger(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? "a positive integer" : `an integer from 1 to ${max}`;
    throw new CliError(`${flag} expects ${range}, got ${text}`, ExitCode.usage);
  }
  return n;
}

function nonNegativeInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new CliError(`${flag} expects a non-negative integer, got ${text}`, ExitCode.usage);
  return n;
}

let debug = false;
// serve handles Ctrl-C itself, as its normal way to stop.
if (process.argv[2] !== "serve") {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // Cache entries and outputs are written by rename, so stopping here leaves every file whole.
      process.stderr.write(`\ninterrupted (${signal})\n`);
      process.exit(ExitCode.interrupted);
    });
  }
}
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(
      debug ? `${(error as Error).stack}\n` : `error: ${(error as Error).message} (rerun with --debug for the stack)\n`
    );
    process.exitCode = ExitCode.failure;
  }
}

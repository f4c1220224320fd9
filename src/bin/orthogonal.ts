// The orthogonal command line: build, run, params, list, check, pack, diff, new, plan, slurm, cache, clean and
// serve. Each command loads its module
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
    usage: "orthogonal build [--only PATTERN] [--jobs N] [--force] [--shard K/N | --collect N] [--cache DIR]",
    summary: "Run every declared experiment (cached), check claims, write figures/, tables and site/.",
    options: {
      only: {type: "string", description: "only experiments whose id matches (comma-separated; * wildcards)"},
      jobs: {type: "string", description: "number of worker threads (default: number of cores)"},
      force: {type: "boolean", default: false, description: "recompute even what the cache holds"},
      out: {type: "string", description: "write figures/ and site/ under this folder instead of the root"},
      shard: {type: "string", description: "compute only shard K of N (e.g. 2/4) into the cache; publish nothing"},
      collect: {type: "string", description: "publish what N shards computed; compute nothing, name any shard missing"},
      cache: {type: "string", description: "dataset cache folder (default: $ORTHOGONAL_CACHE, else .cache/datasets)"},
      "task-timeout": {type: "string", description: "fail a task that runs longer than this many seconds"}
    }
  },
  run: {
    usage:
      "orthogonal run EXPERIMENT [--set key=value ...] [--sweep key=v1,v2 ...] [--seed N | --seeds N | --seeds 0,3,7] [--json]",
    summary:
      "Compute one parameter point of an experiment (or a pipeline id), or a grid of points, through the cache; print the dataset, or each point's summary over seeds, and the claims.",
    options: {
      set: {
        type: "string",
        multiple: true,
        description: "override a parameter, e.g. --set d=800 (lists: --set grid=1,2,4)"
      },
      sweep: {
        type: "string",
        multiple: true,
        description: "run each value, e.g. --sweep d=200,400,800; repeat the flag for a grid"
      },
      seed: {type: "string", description: "the seed (default: the experiment's first seed)"},
      seeds: {
        type: "string",
        description: "N (seeds 0…N−1) or a list 0,3,7: summarize the point over these seeds and check its claims"
      },
      json: {
        type: "boolean",
        default: false,
        description: "print the dataset (or points, runs, summaries and claims) as JSON on stdout; timing on stderr"
      }
    }
  },
  params: {
    usage: "orthogonal params PIPELINE_OR_EXPERIMENT",
    summary:
      "List a pipeline's parameters (type, allowed values, default, the experiment's value, description) and its outputs.",
    options: {}
  },
  list: {
    usage: "orthogonal list [--json]",
    summary: "List papers, experiments, their pipelines, points, seeds, figures and tables.",
    options: {
      json: {type: "boolean", default: false, description: "print papers and experiments (resolved parameters) as JSON"}
    }
  },
  check: {
    usage: "orthogonal check [--only PATTERN] [--jobs N] [--json]",
    summary: "Evaluate every claim (computing what the cache lacks); exit 5 if any fails.",
    options: {
      only: {type: "string", description: "only experiments whose id matches"},
      jobs: {type: "string", description: "number of worker threads"},
      json: {type: "boolean", default: false, description: "print the claim results as JSON on stdout"},
      cache: {type: "string", description: "dataset cache folder (default: $ORTHOGONAL_CACHE, else .cache/datasets)"},
      "task-timeout": {type: "string", description: "fail a task that runs longer than this many seconds"}
    }
  },
  plan: {
    usage: "orthogonal plan [--shards N] [--cpus C] [--only PATTERN] [--cache DIR]",
    summary: "Split the build's tasks into shards and predict each shard's wall time from recorded task times.",
    options: {
      shards: {type: "string", default: "1", description: "number of shards (default 1)"},
      cpus: {type: "string", default: "1", description: "worker threads per shard (default 1)"},
      only: {type: "string", description: "only experiments whose id matches"},
      cache: {type: "string", description: "dataset cache folder (default: $ORTHOGONAL_CACHE, else .cache/datasets)"}
    }
  },
  slurm: {
    usage: "orthogonal slurm [--shards N] [--partition P] [--time T] [--cpus C] [--cache DIR] [--dry-run]",
    summary: "Submit a sharded build to Slurm: a job array (one task per shard) and a publishing job after it.",
    options: {
      shards: {type: "string", default: "4", description: "number of shards, one array task each (default 4)"},
      partition: {type: "string", description: "Slurm partition (default: the cluster's default)"},
      time: {type: "string", description: "time limit per shard, e.g. 02:00:00"},
      cpus: {type: "string", default: "1", description: "CPUs per shard, its worker threads (default 1)"},
      only: {type: "string", description: "only experiments whose id matches"},
      cache: {type: "string", description: "dataset cache folder, on a file system every node sees"},
      "dry-run": {type: "boolean", default: false, description: "only write the sbatch scripts to .cache/slurm/"}
    }
  },
  cache: {
    usage: "orthogonal cache export FILE | orthogonal cache import FILE... [--cache DIR]",
    summary: "Export the dataset cache to one archive, or import archives (every entry's checksum is checked).",
    options: {
      cache: {type: "string", description: "dataset cache folder (default: $ORTHOGONAL_CACHE, else .cache/datasets)"}
    }
  },
  pack: {
    usage: "orthogonal pack [--out DIR] | orthogonal pack --verify FILE",
    summary:
      "Write dist/<name>-<version>.tar.gz: source of the commit, datasets, figures, tables, checksums, citation files.",
    options: {
      verify: {type: "string", description: "check every checksum of an archive written by pack instead of packing"},
      out: {type: "string", description: "the folder the build wrote figures/ and site/ to (default: the root)"}
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
  },
  diff: {
    usage: "orthogonal diff [--against DIR|ARCHIVE] [--json]",
    summary: "Compare the built results with an earlier build: claims, numbers, figures and tables that changed.",
    options: {
      against: {
        type: "string",
        description:
          "an earlier build folder (holding figures/) or a packed .tar.gz; default: the build before the last one that changed something"
      },
      json: {type: "boolean", default: false, description: "print the changes as JSON"}
    }
  },
  new: {
    usage:
      "orthogonal new paper SLUG --title TITLE [--author NAME ...] | orthogonal new experiment PAPER ID --pipeline NAME",
    summary:
      "Start a paper or an experiment from a working skeleton (content, pipeline, plot, registry); never overwrites.",
    options: {
      title: {type: "string", description: "the new paper's title"},
      author: {type: "string", multiple: true, description: "an author of the new paper (repeat for several)"},
      pipeline: {
        type: "string",
        description: "the new experiment's pipeline name, e.g. decay-rate (id PAPER/decay-rate)"
      }
    }
  }
};

const exitCodes = `Exit codes:
  0    success: everything built and every claim held
  1    internal error
  2    bad command-line usage
  3    invalid content (YAML, schema, unknown pipeline/parameter, duplicate or unsafe id, broken link)
  4    a pipeline failed or produced NaN/Infinity
  5    a claim failed
  6    pack: uncommitted changes, absent or stale outputs, or an archive that fails verification
  7    diff: something printed in the paper changed
  130  interrupted`;

function help(command?: string): string {
  if (!command) {
    const list = Object.entries(commands)
      .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
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
      allowPositionals: ["run", "params", "cache", "new"].includes(command),
      strict: true
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${spec.usage}`, ExitCode.usage);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  debug = Boolean(values.debug);
  const {resolve} = await import("node:path");
  const root = resolve(values.root as string);
  const profile = values.profile as string;
  if (values.help) {
    process.stdout.write(help(command));
    if (command === "run" && parsed.positionals.length === 1) {
      process.stdout.write("\nParameters:\n");
      const {paramsCommand} = await import("../commands/params.js");
      return paramsCommand({root, profile, target: parsed.positionals[0]});
    }
    return ExitCode.ok;
  }
  const {availableParallelism} = await import("node:os");
  const jobs =
    values.jobs === undefined
      ? undefined
      : positiveInteger("--jobs", values.jobs as string, Math.max(2, availableParallelism()));
  const {cacheFolder, defaultJobs, parseShard, parseShardCount} = await import("../commands/shardOptions.js");
  const cacheFlag = values.cache as string | undefined;
  switch (command) {
    case "build":
    case "check": {
      if (values.shard !== undefined && values.collect !== undefined)
        throw new CliError("--shard and --collect exclude each other", ExitCode.usage);
      const shard = values.shard === undefined ? undefined : parseShard(values.shard as string);
      const collect = values.collect === undefined ? undefined : parseShardCount("--collect", values.collect as string);
      const cacheDir = cacheFolder(root, cacheFlag, true);
      const out = values.out === undefined ? undefined : resolve(values.out as string);
      if (shard !== undefined || collect !== undefined) {
        const {collectCommand, shardCommand} = await import("../commands/shard.js");
        const only = values.only as string | undefined;
        const common = {root, profile, cacheDir, jobs: jobs ?? defaultJobs(), only, force: Boolean(values.force)};
        if (shard !== undefined) return shardCommand({...common, shard});
        return collectCommand({...common, out, shards: collect!});
      }
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
        out,
        cache: cacheDir
      };
      if (command === "check")
        return (await import("../commands/check.js")).checkCommand({...options, json: Boolean(values.json)});
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
        sweeps: (values.sweep as string[] | undefined) ?? [],
        seed: values.seed === undefined ? undefined : nonNegativeInteger("--seed", values.seed as string),
        seeds: values.seeds === undefined ? undefined : seedList(values.seeds as string, values.seed !== undefined),
        json: Boolean(values.json)
      });
    }
    case "params": {
      if (parsed.positionals.length !== 1)
        throw new CliError(`params takes one experiment or pipeline id\n${spec.usage}`, ExitCode.usage);
      const {paramsCommand} = await import("../commands/params.js");
      return paramsCommand({root, profile, target: parsed.positionals[0]});
    }
    case "plan": {
      const cacheDir = cacheFolder(root, cacheFlag, false);
      const {planCommand} = await import("../commands/plan.js");
      const cpus = positiveInteger("--cpus", values.cpus as string);
      return planCommand({
        root,
        profile,
        cacheDir,
        shards: parseShardCount("--shards", values.shards as string),
        cpus,
        only: values.only as string | undefined
      });
    }
    case "slurm": {
      const {slurmCommand} = await import("../commands/slurm.js");
      const shards = parseShardCount("--shards", values.shards as string);
      const cpus = positiveInteger("--cpus", values.cpus as string);
      const cacheDir = cacheFolder(root, cacheFlag, true);
      return slurmCommand({
        root,
        profile,
        cacheDir,
        shards,
        cpus,
        partition: values.partition as string | undefined,
        time: values.time as string | undefined,
        only: values.only as string | undefined,
        dryRun: Boolean(values["dry-run"])
      });
    }
    case "cache": {
      const {cacheCommand} = await import("../commands/cache.js");
      return cacheCommand(cacheFolder(root, cacheFlag, false), parsed.positionals);
    }
    case "list": {
      const {listCommand} = await import("../commands/list.js");
      return listCommand(root, profile, undefined, Boolean(values.json));
    }
    case "pack": {
      const {packCommand} = await import("../commands/pack.js");
      return packCommand({
        root,
        profile,
        out: values.out === undefined ? undefined : resolve(values.out as string),
        verify: values.verify === undefined ? undefined : resolve(values.verify as string)
      });
    }
    case "clean": {
      const {clean} = await import("../commands/clean.js");
      clean(root);
      return ExitCode.ok;
    }
    case "diff": {
      const {diffCommand} = await import("../commands/diff.js");
      return diffCommand({
        root,
        against: values.against === undefined ? undefined : resolve(values.against as string),
        json: Boolean(values.json)
      });
    }
    case "new": {
      const {newExperiment, newPaper} = await import("../commands/new.js");
      const [kind, ...args] = parsed.positionals;
      let written: string[];
      if (kind === "paper" && args.length === 1) {
        if (typeof values.title !== "string")
          throw new CliError(`new paper needs --title\n${spec.usage}`, ExitCode.usage);
        written = newPaper({root, slug: args[0], title: values.title, authors: values.author as string[] | undefined});
      } else if (kind === "experiment" && args.length === 2) {
        if (typeof values.pipeline !== "string")
          throw new CliError(`new experiment needs --pipeline\n${spec.usage}`, ExitCode.usage);
        written = newExperiment({root, paper: args[0], id: args[1], pipeline: values.pipeline});
      } else {
        throw new CliError(`expected new paper SLUG or new experiment PAPER ID\n${spec.usage}`, ExitCode.usage);
      }
      process.stdout.write(
        `${written.map((path) => `wrote ${path}`).join("\n")}\nnext: orthogonal build --profile quick, then orthogonal serve to see the page\n`
      );
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

/** `--seeds N` (seeds 0…N−1) or `--seeds 0,3,7`. */
function seedList(text: string, withSeed: boolean): number[] {
  if (withSeed) throw new CliError("give either --seed or --seeds, not both", ExitCode.usage);
  if (!text.includes(",")) return Array.from({length: positiveInteger("--seeds", text)}, (_, i) => i);
  const seeds = text.split(",").map((s) => nonNegativeInteger("--seeds", s.trim()));
  if (new Set(seeds).size !== seeds.length) throw new CliError(`--seeds ${text}: a seed is repeated`, ExitCode.usage);
  return seeds;
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

// Errors that carry where they come from: a content file and field, an experiment, or a CLI usage problem.

/** An error the CLI reports as one line and turns into an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A problem in a content file: names the file, the line when known, and the field. */
export class ContentError extends CliError {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly detail: string,
    readonly line?: number
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${field ? `${field}: ` : ""}${detail}`, ExitCode.content);
    this.name = "ContentError";
  }
}

/** A pipeline that threw or produced a non-finite output. */
export class PipelineError extends CliError {
  constructor(
    readonly experiment: string,
    detail: string
  ) {
    super(`experiment ${experiment}: ${detail}`, ExitCode.pipeline);
    this.name = "PipelineError";
  }
}

/** Exit codes of the orthogonal command (documented in the README and in `orthogonal --help`). */
export const ExitCode = {
  /** Everything built and every claim held. */
  ok: 0,
  /** An unexpected internal error. */
  failure: 1,
  /** Bad command-line usage. */
  usage: 2,
  /** Invalid content: YAML, schema, unknown pipeline or parameter, duplicate or unsafe id, broken link. */
  content: 3,
  /** A pipeline threw or produced NaN/Infinity. */
  pipeline: 4,
  /** The build completed but at least one claim failed. */
  claims: 5,
  /** `pack`: the outputs are missing or older than the source, the tree has uncommitted changes, or an archive fails verification. */
  pack: 6,
  /** `orthogonal diff`: something printed in the paper (a claim's status, a number, a figure or a table) changed. */
  changed: 7,
  /** Interrupted (Ctrl-C or SIGTERM). */
  interrupted: 130
} as const;

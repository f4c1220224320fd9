// `orthogonal cache export FILE` and `orthogonal cache import FILE…`: move cache entries between machines that
// share no file system, one archive each, every entry checked on import.
import {exportCache, formatExport, formatImport, importCaches} from "../build/cacheArchive.js";
import {assertWritableCache} from "../build/cacheFolder.js";
import {CliError, ExitCode} from "../contract/error.js";

/** Runs `cache export` or `cache import` with the positional arguments after `cache`. */
export function cacheCommand(cacheDir: string, args: string[]): number {
  const [action, ...files] = args;
  if (action === "export") {
    if (files.length !== 1)
      throw new CliError(
        "cache export takes one archive file, e.g. orthogonal cache export shard-1.tar.gz",
        ExitCode.usage
      );
    process.stdout.write(formatExport(exportCache(cacheDir, files[0]), files[0]));
    return ExitCode.ok;
  }
  if (action === "import") {
    if (files.length === 0) throw new CliError("cache import takes one or more archive files", ExitCode.usage);
    assertWritableCache(cacheDir);
    process.stdout.write(formatImport(importCaches(cacheDir, files)));
    return ExitCode.ok;
  }
  throw new CliError(
    `unknown cache action ${action ?? "(none)"}: expected export FILE or import FILE…`,
    ExitCode.usage
  );
}

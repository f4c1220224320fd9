// Where the dataset cache lives: --cache DIR, else $ORTHOGONAL_CACHE, else <root>/.cache/datasets. A cache on a
// shared file system is safe for many writers at once: entries are content-addressed and renamed into place.
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {hostname} from "node:os";
import {join, resolve} from "node:path";
import {CliError, ExitCode} from "../contract/error.js";

/** The environment variable naming a shared cache folder. */
export const cacheEnvironmentVariable = "ORTHOGONAL_CACHE";

/** The cache folder for a root: the --cache value, else $ORTHOGONAL_CACHE, else <root>/.cache/datasets (absolute). */
export function resolveCacheDir(root: string, flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env[cacheEnvironmentVariable] || undefined);
  return chosen === undefined ? join(root, ".cache", "datasets") : resolve(chosen);
}

/** Creates the cache folder if needed and checks that this process can write into it; throws a one-line error otherwise. */
export function assertWritableCache(dir: string): void {
  const probe = join(dir, `.probe-${hostname()}-${process.pid}`);
  try {
    mkdirSync(dir, {recursive: true});
    writeFileSync(probe, "");
    rmSync(probe, {force: true});
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`cache folder ${dir} is not writable (${code})`, ExitCode.usage);
  }
}

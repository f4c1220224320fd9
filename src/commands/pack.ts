// `orthogonal pack [--verify FILE]`: write the publication's archive, then rebuild the site so that every page
// links it; or check every checksum of an archive.
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {CliError, ExitCode} from "../contract/error.js";
import {formatSize} from "../site/footer.js";

/** Options of the pack command. */
export interface PackCommandOptions {
  root: string;
  out?: string;
  profile: string;
  /** An archive to verify instead of packing. */
  verify?: string;
}

/** Runs the command; returns its exit code. */
export async function packCommand(options: PackCommandOptions): Promise<number> {
  const start = performance.now();
  if (options.verify !== undefined) {
    const {verifyPack} = await import("../build/pack.js");
    let archive: Uint8Array;
    try {
      archive = readFileSync(options.verify);
    } catch (error) {
      throw new CliError(
        `cannot read ${options.verify}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        ExitCode.usage
      );
    }
    const result = verifyPack(archive);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    if (result.problems.length > 0) {
      process.stderr.write(
        `✗ ${options.verify}: ${result.problems.length} problem${result.problems.length > 1 ? "s" : ""}\n  ${result.problems.slice(0, 20).join("\n  ")}\n`
      );
      return ExitCode.pack;
    }
    process.stdout.write(
      `✓ ${options.verify}: ${result.files} files match MANIFEST.sha256 (${formatSize(result.size)}, SHA-256 ${result.sha256}) ${seconds}s\n`
    );
    return ExitCode.ok;
  }
  const {pack} = await import("../build/pack.js");
  const record = await pack({root: options.root, out: options.out, profile: options.profile});
  // Rebuild the site (everything else is cached) so that its pages link the new archive.
  const {build} = await import("../build/build.js");
  const report = await build({root: options.root, out: options.out, profile: options.profile, publish: true});
  if (report.failures.length > 0)
    throw new CliError(`the site could not be rebuilt: ${report.failures[0].message}`, ExitCode.pipeline);
  const out = options.out ?? options.root;
  const path = relative(process.cwd(), join(out, "dist", record.file)) || record.file;
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  process.stdout.write(
    `✓ ${path}  ${record.files} files, ${formatSize(record.size)}, commit ${record.commit.slice(0, 12)} (${record.date.slice(0, 10)}), profile ${record.profile}  ${seconds}s\n  SHA-256 ${record.sha256}\n`
  );
  return ExitCode.ok;
}

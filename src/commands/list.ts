// `orthogonal list`: what the content declares, paper by paper.
import {ExitCode} from "../contract/error.js";
import {loadProject} from "../build/project.js";

/** Prints what the content declares, paper by paper. */
export async function listCommand(root: string, profile: string): Promise<number> {
  const {content} = await loadProject(root, profile);
  for (const paper of content.papers) {
    process.stdout.write(`${paper.slug}: ${paper.title}\n`);
    for (const e of paper.experiments) {
      const points = e.sweep.reduce((n, s) => n * s.values.length, 1);
      process.stdout.write(
        `  ${e.id.padEnd(28)} ${e.pipeline.padEnd(40)} ${points} point${points > 1 ? "s" : ""} × ${e.seeds.length} seed${e.seeds.length > 1 ? "s" : ""}, ` +
          `${e.claims.length} claims, figures: ${e.figures.map((f) => f.id).join(" ") || "-"}, tables: ${e.tables.map((t) => t.id).join(" ") || "-"}\n`
      );
    }
  }
  return ExitCode.ok;
}

// `orthogonal list`: what the content declares, paper by paper.
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {loadProject} from "../build/project.js";
import {ExitCode} from "../contract/error.js";

/** Prints what the content declares, paper by paper (as JSON with `json`: parameters resolved for the profile). */
export async function listCommand(
  root: string,
  profile: string,
  effects: Effects = fileEffects,
  json = false
): Promise<number> {
  const {content} = await loadProject(root, profile, effects);
  if (json) {
    const papers = content.papers.map((paper) => ({
      slug: paper.slug,
      title: paper.title,
      experiments: paper.experiments.map((e) => ({
        id: e.id,
        title: e.title,
        path: e.path,
        pipeline: e.pipeline,
        params: e.params,
        seeds: e.seeds,
        sweep: e.sweep,
        claims: e.claims.map((c) => c.text),
        figures: e.figures.map((f) => f.id),
        tables: e.tables.map((t) => t.id)
      }))
    }));
    effects.log(JSON.stringify({profile, papers}, null, 1));
    return ExitCode.ok;
  }
  for (const paper of content.papers) {
    effects.log(`${paper.slug}: ${paper.title}`);
    for (const e of paper.experiments) {
      const points = e.sweep.reduce((n, s) => n * s.values.length, 1);
      effects.log(
        `  ${e.id.padEnd(28)} ${e.pipeline.padEnd(40)} ${points} point${points > 1 ? "s" : ""} × ${e.seeds.length} seed${e.seeds.length > 1 ? "s" : ""}, ` +
          `${e.claims.length} claims, figures: ${e.figures.map((f) => f.id).join(" ") || "-"}, tables: ${e.tables.map((t) => t.id).join(" ") || "-"}` +
          `${e.numbers.length ? `, numbers: ${e.numbers.map((n) => n.name).join(" ")}` : ""}`
      );
    }
  }
  return ExitCode.ok;
}

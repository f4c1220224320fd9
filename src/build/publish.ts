// The publishing stage of a build: figures and tables from experiment results (re-rendered only when their
// inputs change), the figure manifest, and the static site.
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {ClaimResult} from "../contract/claims.js";
import type {Content} from "../contract/content.js";
import type {Manifest} from "../contract/manifest.js";
import type {PrintedNumber} from "../contract/numbers.js";
import type {Registry} from "../contract/registry.js";
import type {ExperimentResult} from "../contract/results.js";
import {fileEffects} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256, stableStringify} from "./hash.js";
import {filesMatch, pruneOutputs, readManifest, rendererVersions} from "./outputs.js";
import {claimsPath, resultHash, resultPath, ResultsStore} from "./results.js";
import type {SourceGraph} from "./sourceGraph.js";

/** Everything the publishing stage needs from the build. */
export interface PublishContext {
  root: string;
  out: string;
  /** The parameter profile of this build ("paper" unless --profile). */
  profile?: string;
  registry: Registry;
  content: Content;
  /** The results this build computed; other experiments' are read from an earlier build's files. */
  results: Map<string, ExperimentResult>;
  claims: ClaimResult[];
  /** Every declared number of the project, as printed. */
  numbers: PrintedNumber[];
  graph: SourceGraph;
  /** Render every figure and table again, whatever the manifest says. */
  force?: boolean;
  /** The versions of the renderer packages (default: the installed ones); part of every render key. */
  versions?: Record<string, string>;
}

const rendererSources = ["../render/svg.ts", "../render/png.ts", "../render/pdf.ts", "../render/theme.ts"];
const tableSources = ["../tables/html.ts", "../tables/latex.ts", "../tables/csv.ts", "../tables/markdown.ts"];

/** The hash of a figure's or table's code: the source closure of its plot or table module, with the renderer's. */
export function outputCodeHash(graph: SourceGraph, module: string, kind: "figure" | "table"): string {
  const extra = kind === "figure" ? rendererSources : tableSources;
  return sha256(
    [
      graph.hash(fileURLToPath(module)),
      ...extra.map((s) => graph.hash(fileURLToPath(new URL(s, import.meta.url))))
    ].join()
  );
}

/** Renders what is out of date, writes the manifest and the site; returns the paths written (relative to out). */
export async function publish(context: PublishContext, effects: Effects = fileEffects): Promise<string[]> {
  const {out, content, registry, graph} = context;
  const store = new ResultsStore(out, effects);
  const written: string[] = [];
  const write = (path: string, data: string | Uint8Array) => {
    if (effects.write(join(out, path), data)) written.push(path);
  };
  const earlier = readManifest(out, effects);
  const previous = context.force ? {} : earlier;
  const versions = context.versions ?? rendererVersions();
  const manifest: Manifest = {};
  const produced = new Set(["figures/manifest.json"]);
  const hashesOf = (files: string[]) =>
    Object.fromEntries(files.map((file) => [file, sha256(effects.read(join(out, file)) ?? "")]));

  let renderers: typeof import("./renderOutputs.js") | undefined;
  const load = async () => (renderers ??= await import("./renderOutputs.js"));

  for (const experiment of content.experiments) {
    const result = context.results.get(experiment.id) ?? store.read(experiment);
    if (!result) continue; // never built: nothing to publish yet
    for (const path of [resultPath(out, experiment), claimsPath(out, experiment)])
      if (effects.exists(path)) produced.add(relative(out, path));
    const base = {
      paper: experiment.paper,
      experiment: experiment.id,
      pipeline: experiment.pipeline,
      params: result.points.map((p) => p.params),
      seeds: result.points[0]?.runs.map((run) => run.seed) ?? experiment.seeds,
      datasetHash: resultHash(result),
      pipelineHash: graph.hash(fileURLToPath(registry.pipelines[experiment.pipeline].source))
    };
    for (const figure of experiment.figures) {
      const code = outputCodeHash(graph, registry.plots[figure.plot].source, "figure");
      const renderKey = sha256(
        stableStringify({
          code,
          versions,
          data: base.datasetHash,
          width: figure.width,
          aspect: figure.aspect ?? null,
          alt: figure.alt
        })
      );
      const files = ["svg", "png", "pdf"].map((ext) => `figures/${experiment.paper}/${figure.id}.${ext}`);
      // Files are trusted only when they are exactly the ones written under this key (an interrupted build may
      // have replaced some of them before writing its manifest).
      if (previous[figure.id]?.renderKey !== renderKey || !filesMatch(previous[figure.id], out, effects)) {
        const rendered = await (await load()).renderFigure(registry.plots[figure.plot], figure, result);
        write(files[0], rendered.svg);
        write(files[1], rendered.png);
        write(files[2], rendered.pdf);
      }
      manifest[figure.id] = {kind: "figure", ...base, files, codeHash: code, renderKey, hashes: hashesOf(files)};
      for (const file of files) produced.add(file);
    }
    for (const table of experiment.tables) {
      const code = outputCodeHash(graph, registry.tables[table.table].source, "table");
      const renderKey = sha256(stableStringify({code, versions, data: base.datasetHash}));
      const files = ["html", "tex", "csv", "md"].map((ext) => `figures/${experiment.paper}/${table.id}.${ext}`);
      if (previous[table.id]?.renderKey !== renderKey || !filesMatch(previous[table.id], out, effects)) {
        const rendered = (await load()).renderTable(registry.tables[table.table], result);
        files.forEach((file, i) => write(file, rendered[i]));
      }
      manifest[table.id] = {kind: "table", ...base, files, codeHash: code, renderKey, hashes: hashesOf(files)};
      for (const file of files) produced.add(file);
    }
  }
  write("figures/manifest.json", `${JSON.stringify(manifest, null, 1)}\n`);
  pruneOutputs(out, earlier, produced, effects);
  const {buildSite} = await import("./site.js");
  written.push(...(await buildSite({...context, manifest}, effects)));
  return written;
}

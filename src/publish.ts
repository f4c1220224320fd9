// The publishing stage of a build: figures and tables from experiment results (re-rendered only when their
// inputs change), the figure manifest, and the static site.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {writeFileAtomic} from "./atomicWrite.js";
import {readResult, resultHash} from "./build.js";
import type {PrintedNumber} from "./build/numbers.js";
import type {ClaimResult} from "./claims.js";
import type {Content, Experiment} from "./content.js";
import type {ExperimentResult} from "./experiment.js";
import {sha256, stableStringify} from "./hash.js";
import type {Registry} from "./registry.js";
import type {SourceGraph} from "./sourceGraph.js";

/** Everything the publishing stage needs from the build. */
export interface PublishContext {
  root: string;
  out: string;
  registry: Registry;
  content: Content;
  /** The experiments this build ran (all, unless --only). */
  selected: Experiment[];
  results: Map<string, ExperimentResult>;
  claims: ClaimResult[];
  /** Every declared number of the project, as printed. */
  numbers: PrintedNumber[];
  graph: SourceGraph;
}

/** One entry of figures/manifest.json: where a figure or table comes from. */
export interface ManifestEntry {
  kind: "figure" | "table";
  paper: string;
  experiment: string;
  pipeline: string;
  files: string[];
  params: ExperimentResult["points"][number]["params"][];
  seeds: number[];
  /** SHA-256 of the experiment's results file. */
  datasetHash: string;
  /** SHA-256 of the pipeline's source closure. */
  pipelineHash: string;
  /** SHA-256 of the plot or table module's source closure (with the renderer's). */
  codeHash: string;
  /** The key the outputs were rendered under: changes when any input changes. */
  renderKey: string;
}

/** The manifest: figure and table ids → entries. */
export type Manifest = Record<string, ManifestEntry>;

const rendererSources = ["./render/svg.ts", "./render/png.ts", "./render/pdf.ts", "./render/theme.ts"];
const tableSources = ["./tables/html.ts", "./tables/latex.ts", "./tables/csv.ts", "./tables/markdown.ts"];

/** Renders what is out of date, writes the manifest and the site; returns the paths written (relative to out). */
export async function publish(context: PublishContext): Promise<string[]> {
  const {out, content, registry, graph} = context;
  const written: string[] = [];
  const write = (path: string, data: string | Uint8Array) => {
    if (writeFileAtomic(join(out, path), data)) written.push(path);
  };
  const manifestPath = join(out, "figures", "manifest.json");
  const previous: Manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest) : {};
  const manifest: Manifest = {};
  const codeHash = (module: string, extra: string[]) =>
    sha256([graph.hash(fileURLToPath(module)), ...extra.map((s) => graph.hash(fileURLToPath(new URL(s, import.meta.url))))].join());

  let renderers: typeof import("./publishOutputs.js") | undefined;
  const load = async () => (renderers ??= await import("./publishOutputs.js"));

  for (const experiment of content.experiments) {
    const result = context.results.get(experiment.id) ?? readResult(out, experiment);
    if (!result) continue; // never built: nothing to publish yet
    const base = {
      paper: experiment.paper,
      experiment: experiment.id,
      pipeline: experiment.pipeline,
      params: result.points.map((p) => p.params),
      seeds: experiment.seeds,
      datasetHash: resultHash(result),
      pipelineHash: graph.hash(fileURLToPath(registry.pipelines[experiment.pipeline].source))
    };
    for (const figure of experiment.figures) {
      const code = codeHash(registry.plots[figure.plot].source, rendererSources);
      const renderKey = sha256(stableStringify({code, data: base.datasetHash, width: figure.width, aspect: figure.aspect ?? null, alt: figure.alt}));
      const files = ["svg", "png", "pdf"].map((ext) => `figures/${experiment.paper}/${figure.id}.${ext}`);
      if (previous[figure.id]?.renderKey !== renderKey || !files.every((f) => existsSync(join(out, f)))) {
        const rendered = await (await load()).renderFigure(registry.plots[figure.plot], figure, result);
        write(files[0], rendered.svg);
        write(files[1], rendered.png);
        write(files[2], rendered.pdf);
      }
      manifest[figure.id] = {kind: "figure", ...base, files, codeHash: code, renderKey};
    }
    for (const table of experiment.tables) {
      const code = codeHash(registry.tables[table.table].source, tableSources);
      const renderKey = sha256(stableStringify({code, data: base.datasetHash}));
      const files = ["html", "tex", "csv", "md"].map((ext) => `figures/${experiment.paper}/${table.id}.${ext}`);
      if (previous[table.id]?.renderKey !== renderKey || !files.every((f) => existsSync(join(out, f)))) {
        const rendered = (await load()).renderTable(registry.tables[table.table], result);
        files.forEach((file, i) => write(file, rendered[i]));
      }
      manifest[table.id] = {kind: "table", ...base, files, codeHash: code, renderKey};
    }
  }
  write("figures/manifest.json", `${JSON.stringify(manifest, null, 1)}\n`);
  const {buildSite} = await import("./site/build.js");
  written.push(...(await buildSite({...context, manifest})));
  return written;
}

// `orthogonal new paper SLUG --title …` and `orthogonal new experiment PAPER ID --pipeline NAME`: write a working
// skeleton (a paper page; an experiment with parameters, a quick profile, a claim, a number and a figure; a pipeline
// module with its plot module) and register the code, so that the first `orthogonal build` passes. Nothing that
// exists is overwritten: every target is checked, and the registries can be edited, before anything is written.
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {fileEffects, readText} from "../build/effects.js";
import type {Effects} from "../build/effects.js";
import {latexNameProblem} from "../build/numbers.js";
import {CliError, ExitCode} from "../contract/error.js";

/** Options of `orthogonal new paper`. */
export interface NewPaperOptions {
  root: string;
  /** The paper's folder name under content/ and pipelines/ (lowercase letters, digits and dashes). */
  slug: string;
  title: string;
  authors?: string[];
}

/** Options of `orthogonal new experiment`. */
export interface NewExperimentOptions {
  root: string;
  /** The paper's slug (content/<paper>/ must exist). */
  paper: string;
  /** The experiment id, unique in the project (lowercase letters, digits and dashes). */
  id: string;
  /** The new pipeline's name within the paper: its id is <paper>/<name>, its module pipelines/<paper>/<name in camelCase>.ts. */
  pipeline: string;
}

/** A planned change: a new file, or the new text of a registry file. */
interface Change {
  path: string;
  text: string;
  created: boolean;
}

const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
const slugPattern = /^[a-z][a-z0-9-]{0,47}$/;

/** Writes a new paper: its page, a first experiment with its pipeline and plot, and the paper's registry. Returns the paths written. */
export function newPaper(options: NewPaperOptions, effects: Effects = fileEffects): string[] {
  const root = resolve(options.root);
  const {slug, title} = options;
  if (!slugPattern.test(slug) || slug.endsWith("-"))
    usage(`invalid paper slug ${slug}: use lowercase letters, digits and dashes, starting with a letter`);
  if (slug === "assets") usage("a paper cannot be named assets (the site keeps its styles there)");
  if (!title.trim()) usage("--title must not be empty");
  if (effects.exists(join(root, "content", slug))) refuse(`content/${slug}`);
  if (effects.exists(join(root, "pipelines", slug))) refuse(`pipelines/${slug}`);
  const authors = options.authors?.length ? options.authors : ["A. Author"];
  const id = `${slug}-example`.slice(0, 64).replace(/-+$/, "");
  const experiment = experimentFiles(effects, root, {
    paper: slug,
    id,
    pipeline: "example",
    file: "01-example.md",
    paperTitle: title
  });
  const paperIndex = paperRegistry(root, slug, [experiment.registration]);
  const changes: Change[] = [
    {path: `content/${slug}/index.md`, text: paperPage(slug, title, authors, experiment.number), created: true},
    ...experiment.files,
    {path: `pipelines/${slug}/index.ts`, text: paperIndex, created: true},
    projectRegistry(effects, root, slug)
  ];
  if (!effects.exists(join(root, "content", "index.md")))
    changes.push({path: "content/index.md", text: homePage(title), created: true});
  return apply(effects, root, changes);
}

/** Writes a new experiment of an existing paper, with a new pipeline and plot module, registered. Returns the paths written. */
export function newExperiment(options: NewExperimentOptions, effects: Effects = fileEffects): string[] {
  const root = resolve(options.root);
  const {paper, id, pipeline} = options;
  if (!effects.exists(join(root, "content", paper, "index.md")))
    usage(
      `no paper ${paper}: content/${paper}/index.md does not exist (orthogonal new paper ${paper} --title … creates one)`
    );
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
    usage(`invalid experiment id ${id}: use lowercase letters, digits and dashes (at most 64)`);
  if (!slugPattern.test(pipeline) || pipeline.endsWith("-"))
    usage(`invalid pipeline name ${pipeline}: use lowercase letters, digits and dashes, starting with a letter`);
  const taken = experimentIds(effects, root);
  if (taken.has(id)) usage(`experiment id ${id} is already declared in ${taken.get(id)}`);
  const existing = effects
    .list(join(root, "content", paper))
    .filter(({name, folder}) => !folder && name.endsWith(".md") && name !== "index.md");
  const prefix = String(existing.length + 1).padStart(2, "0");
  const experiment = experimentFiles(effects, root, {paper, id, pipeline, file: `${prefix}-${id}.md`});
  const indexPath = join(root, "pipelines", paper, "index.ts");
  const changes: Change[] = [...experiment.files];
  if (effects.exists(indexPath)) {
    changes.push({
      path: `pipelines/${paper}/index.ts`,
      text: registerInPaper(readText(effects, indexPath)!, paper, experiment.registration),
      created: false
    });
  } else {
    changes.push(
      {path: `pipelines/${paper}/index.ts`, text: paperRegistry(root, paper, [experiment.registration]), created: true},
      projectRegistry(effects, root, paper)
    );
  }
  return apply(effects, root, changes);
}

/** What a paper's registry needs to know about one scaffolded pipeline. */
interface Registration {
  pipelineExport: string;
  pipelineModule: string;
  plotExport: string;
  plotId: string;
}

function experimentFiles(
  effects: Effects,
  root: string,
  options: {paper: string; id: string; pipeline: string; file: string; paperTitle?: string}
): {files: Change[]; registration: Registration; number: string} {
  const {paper, id, pipeline, file} = options;
  const module = camel(pipeline);
  const pipelineExport = reserved.has(module) ? `${module}Pipeline` : module;
  const pipelineId = `${paper}/${pipeline}`;
  const plotId = `${paper}/${pipeline}`;
  const figureId = `${id}-convergence`.slice(0, 64);
  const number = `${camel(id).replace(/[^A-Za-z]/g, "")}Estimate`;
  const problem = latexNameProblem(number);
  if (problem) usage(`cannot name the example number: ${problem}`);
  for (const path of [
    `content/${paper}/${file}`,
    `pipelines/${paper}/${module}.ts`,
    `pipelines/${paper}/${module}.plot.ts`
  ]) {
    if (effects.exists(join(root, path))) refuse(path);
  }
  const ids = experimentIds(effects, root);
  if (ids.has(figureId)) usage(`figure id ${figureId} is already declared in ${ids.get(figureId)}`);
  const engine = (name: string) => engineImport(root, `pipelines/${paper}/x.ts`, name);
  const files: Change[] = [
    {path: `content/${paper}/${file}`, text: experimentPage({id, pipelineId, plotId, figureId, number}), created: true},
    {path: `pipelines/${paper}/${module}.ts`, text: pipelineModule(pipelineExport, pipelineId, engine), created: true},
    {path: `pipelines/${paper}/${module}.plot.ts`, text: plotModule(`${pipelineExport}Plot`, engine), created: true}
  ];
  return {
    files,
    registration: {pipelineExport, pipelineModule: module, plotExport: `${pipelineExport}Plot`, plotId},
    number
  };
}

function paperPage(slug: string, title: string, authors: string[], number: string): string {
  return `---
title: ${yamlString(title)}
authors: [${authors.map(yamlString).join(", ")}]
abstract: >-
  One paragraph saying what the paper shows. The companion recomputes its experiments, checks its claims and
  draws its figures.
---
This page introduces the paper. Each experiment file in \`content/${slug}/\` adds a section below, in file-name order.

Numbers declared by experiments can be quoted anywhere in the prose, and they are the ones the paper prints from
\`figures/${slug}/numbers.tex\`: the example estimate is {{${number}}}.
`;
}

function experimentPage(o: {id: string; pipelineId: string; plotId: string; figureId: string; number: string}): string {
  return `---
id: ${o.id}
title: A Monte Carlo estimate and its closed form
pipeline: ${o.pipelineId}
params: {sigma: 1}
replicates: 8
sweep:
  n: [100, 1000, 10000]
profiles:
  quick:
    sweep: {n: [100, 1000]}
    replicates: 3
claims:
  - claim: estimate within 6 * sigma / sqrt(n) of theory
    description: At every n the estimate of E|X| is within six standard errors of the closed form σ√(2/π).
numbers:
  ${o.number}:
    value: mean(estimate)
    pm: se(estimate)
    where: n == 1000
    description: The estimate at n = 1000, mean ± standard error over seeds.
figures:
  - id: ${o.figureId}
    plot: ${o.plotId}
    caption: "Monte Carlo estimate of E|X| for X ~ N(0, σ²) against the number of draws n: mean ± sd over seeds; line: the closed form σ√(2/π)."
    alt: "The estimates approach the horizontal line of the closed form as n grows, with error bars that shrink."
---
Each run draws $n$ samples of $X \\sim N(0, \\sigma^2)$ and averages $|X|$; the closed form is
$E|X| = \\sigma\\sqrt{2/\\pi}$. At $n = 1000$ the estimate is {{${o.number}}} (mean ± standard error over seeds).

::figure{${o.figureId}}
`;
}

function pipelineModule(name: string, id: string, engine: (module: string) => string): string {
  return `// ${id}: a Monte Carlo estimate of E|X| for X ~ N(0, σ²), with its closed form σ√(2/π). Replace run() with the
// experiment's computation and say what it returns in outputs; keep it pure: parameters and the seeded random
// source in, named scalars and tables out.
${importStatement("{integer, pipeline, real}", engine("contract/index"))}

/** The mean of |X| over n draws of X ~ N(0, σ²), and its limit σ√(2/π). */
export const ${name} = pipeline({
  id: "${id}",
  description: "Monte Carlo estimate of E|X| for X ~ N(0, sigma^2) from n draws, and the closed form.",
  source: import.meta.url,
  params: {
    n: integer(1000, "number of draws", {min: 1}),
    sigma: real(1, "standard deviation of X", {min: 0})
  },
  outputs: {
    scalars: {estimate: "mean of |X| over the n draws", theory: "the closed form σ√(2/π)"},
    tables: {}
  },
  run({n, sigma}, rng) {
    const x = rng.fork("draws").normals(n);
    let sum = 0;
    for (const value of x) sum += Math.abs(sigma * value);
    return {
      scalars: {estimate: sum / n, theory: sigma * Math.sqrt(2 / Math.PI)},
      tables: {}
    };
  }
});
`;
}

function plotModule(name: string, engine: (module: string) => string): string {
  return `// The estimate against the number of draws (mean ± sd over seeds), with the closed form as a line.
${importStatement("* as Plot", "@observablehq/plot")}
${importStatement("type {ExperimentResult, FigureContext, PlotModule}", engine("contract/index"))}
${importStatement("{paperPlot, seriesColor}", engine("render/theme"))}

/** One point per n with an error bar, and the closed form. */
export const ${name}: PlotModule = {
  source: import.meta.url,
  plot(result: ExperimentResult, context: FigureContext) {
    const rows = result.points.map((point) => ({
      n: point.params.n as number,
      mean: point.summary.estimate.mean,
      low: point.summary.estimate.mean - point.summary.estimate.sd,
      high: point.summary.estimate.mean + point.summary.estimate.sd,
      theory: point.summary.theory.mean
    }));
    const color = seriesColor(0, context.theme);
    return paperPlot(context, {
      x: {type: "log", label: "draws n"},
      y: {label: "estimate of E|X|"},
      marks: [
        Plot.ruleY([rows[0].theory], {stroke: context.theme.ink, strokeDasharray: "3,2"}),
        Plot.ruleX(rows, {x: "n", y1: "low", y2: "high", stroke: color}),
        Plot.dot(rows, {x: "n", y: "mean", fill: color, r: context.theme.markerRadius})
      ]
    });
  }
};
`;
}

function paperRegistry(root: string, paper: string, registrations: Registration[]): string {
  const name = paperExport(paper);
  const imports = registrations.flatMap((r) => [
    importStatement(`{${r.pipelineExport}}`, `./${r.pipelineModule}.js`),
    importStatement(`{${r.plotExport}}`, `./${r.pipelineModule}.plot.js`)
  ]);
  return `// The ${paper} paper's pipelines, plot modules and table modules by id, for the project registry
// (pipelines/index.ts). \`orthogonal new experiment ${paper} …\` adds its entries to these lists.
${importStatement("type {Registry}", engineImport(root, `pipelines/${paper}/index.ts`, "contract/index"))}
${imports.join("\n")}

export const ${name}: Registry = {
  pipelines: {
${registrations.map((r) => `    [${r.pipelineExport}.id]: ${r.pipelineExport}`).join(",\n")}
  },
  plots: {
${registrations.map((r) => `    "${r.plotId}": ${r.plotExport}`).join(",\n")}
  },
  tables: {}
};
`;
}

/** Adds a pipeline and its plot to a paper's registry file written by `new paper`. */
function registerInPaper(text: string, paper: string, r: Registration): string {
  const pipelines = /^ {2}pipelines: \{\n/m;
  const plots = /^ {2}plots: \{\n/m;
  if (!pipelines.test(text) || !plots.test(text)) {
    usage(
      `pipelines/${paper}/index.ts does not have the layout orthogonal new writes (a "  pipelines: {" line and a "  plots: {" line), so it cannot register the new modules; nothing was written`
    );
  }
  const add = (source: string, pattern: RegExp, line: string) =>
    source.replace(pattern, (open) => {
      const rest = source.slice(source.search(pattern) + open.length);
      return `${open}${line}${/^\s*\}/.test(rest) ? "\n" : ",\n"}`;
    });
  let edited = insertImports(text, [
    importStatement(`{${r.pipelineExport}}`, `./${r.pipelineModule}.js`),
    importStatement(`{${r.plotExport}}`, `./${r.pipelineModule}.plot.js`)
  ]);
  edited = add(edited, pipelines, `    [${r.pipelineExport}.id]: ${r.pipelineExport}`);
  edited = add(edited, plots, `    "${r.plotId}": ${r.plotExport}`);
  return edited;
}

/** The project registry (pipelines/index.ts) with a paper's list added to `papers`, or a new registry file. */
function projectRegistry(effects: Effects, root: string, paper: string): Change {
  const path = join(root, "pipelines", "index.ts");
  const name = paperExport(paper);
  const line = importStatement(`{${name}}`, `./${paper}/index.js`);
  if (!effects.exists(path)) {
    const engine = (module: string) => engineImport(root, "pipelines/index.ts", module);
    return {
      path: "pipelines/index.ts",
      text: `// The project registry: every pipeline, plot module and table module, by id. Content files refer to these ids.
// Each paper lists its own in pipelines/<paper>/index.ts; \`orthogonal new paper\` adds the import of a new paper's
// list and its name to \`papers\` below.
${importStatement("type {Registry}", engine("contract/index"))}
${importStatement("{mergeRegistries}", engine("contract/index"))}
${line}

const papers: Registry[] = [${name}];

export const registry: Registry = mergeRegistries(papers);
`,
      created: true
    };
  }
  const text = readText(effects, path)!;
  const list = /^const papers(: Registry\[\])? = \[([^\]]*)\];$/m;
  const match = list.exec(text);
  if (!match) {
    usage(
      `pipelines/index.ts has no line "const papers: Registry[] = [...];" listing the papers' registries, so the new paper cannot be added to it; nothing was written. Add the line, spread papers into the registry (mergeRegistries([...papers])), and run the command again`
    );
  }
  const names = match![2]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const edited = text.replace(list, `const papers${match![1] ?? ""} = [${[...names, name].join(", ")}];`);
  return {path: "pipelines/index.ts", text: insertImports(edited, [line]), created: false};
}

function homePage(title: string): string {
  return `---
title: ${yamlString(title)}
description: The reproducible companion to ${yamlString(title).replace(/^"|"$/g, "")}.
---
Experiments, figures, tables and claims, recomputed from the declarations in \`content/\`.
`;
}

/** An import statement of generated code: `import NAMES from "SPECIFIER";`. */
function importStatement(names: string, specifier: string): string {
  return `import ${names} from ${JSON.stringify(specifier)};`;
}

/** Inserts import lines after the last import of a module. */
function insertImports(text: string, lines: string[]): string {
  const imports = [...text.matchAll(/^(?:import [^\n]*|\} )from "[^"]+";\n/gm)];
  const last = imports.at(-1);
  const at = last ? last.index! + last[0].length : 0;
  return `${text.slice(0, at)}${lines.join("\n")}\n${text.slice(at)}`;
}

/** Ids already declared in content (experiments, figures, tables), found by their YAML lines, with the file. */
function experimentIds(effects: Effects, root: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(root, "content");
  if (!effects.exists(dir)) return ids;
  for (const paper of effects.list(dir).filter((e) => e.folder)) {
    for (const {name} of effects.list(join(dir, paper.name)).filter((e) => !e.folder && e.name.endsWith(".md"))) {
      const path = `content/${paper.name}/${name}`;
      for (const match of (readText(effects, join(root, path)) ?? "").matchAll(
        /^\s*(?:- )?\{?\s*id:\s*"?([a-z0-9][a-z0-9-]*)"?/gm
      ))
        ids.set(match[1], path);
    }
  }
  return ids;
}

/**
 * The import specifier of an engine module ("contract/index", "render/theme") from a file of the project: relative
 * inside this package, "orthogonal/src/….js" in a project that depends on it.
 */
function engineImport(root: string, from: string, module: string): string {
  const js = `src/${module}.js`;
  if (resolve(root) !== resolve(packageRoot)) return `orthogonal/${js}`;
  const path = relative(dirname(join(root, from)), join(packageRoot, js))
    .split("\\")
    .join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

function apply(effects: Effects, root: string, changes: Change[]): string[] {
  for (const change of changes) if (change.created && effects.exists(join(root, change.path))) refuse(change.path);
  for (const change of changes) effects.write(join(root, change.path), change.text);
  return changes.map((change) => change.path);
}

function camel(name: string): string {
  const words = name.split("-").filter(Boolean);
  const text = words.map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join("");
  return /^[0-9]/.test(text) ? `n${text}` : text;
}

function paperExport(slug: string): string {
  return `${camel(slug)}Paper`;
}

function yamlString(text: string): string {
  return /^[\w ,.'()?!-]+$/.test(text) && !/^[\s-]|\s$/.test(text) && !/: /.test(text) ? text : JSON.stringify(text);
}

function usage(message: string): never {
  throw new CliError(message, ExitCode.usage);
}

function refuse(path: string): never {
  throw new CliError(
    `${path} already exists: orthogonal new never overwrites; choose another name or move it away`,
    ExitCode.usage
  );
}

const reserved = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await registry papers".split(
    " "
  )
);

// Reads content/: the home page, one folder per paper (index.md), and one Markdown file per experiment whose
// front matter declares it. Everything is checked here, so a bad declaration stops the build before any work.
import {join} from "node:path/posix";
import {z} from "zod";
import type {Claim} from "../contract/claims.js";
import type {Content, Experiment, Paper} from "../contract/content.js";
import {ContentError} from "../contract/error.js";
import {figureWidths} from "../contract/figure.js";
import {checkParam, defaultParams} from "../contract/params.js";
import type {ParamValue} from "../contract/params.js";
import type {Registry} from "../contract/registry.js";
import {parseClaim} from "./claims.js";
import {normalizeNumbers, numbersSpec} from "./numbers.js";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {parseMarkdown} from "./frontMatter.js";
import type {MarkdownSource} from "./frontMatter.js";

const safeId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "expected a safe file name: lowercase letters, digits and dashes, at most 64");
const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const sweepSpec = z.record(z.string(), z.array(z.unknown()).min(1, "expected at least one value"));
const paramsSpec = z.record(z.string(), z.unknown());

const profileSpec = z.strictObject({
  params: paramsSpec.optional(),
  sweep: sweepSpec.optional(),
  seeds: z.array(seed).min(1).optional(),
  replicates: z.number().int().min(1).max(1000).optional()
});

const claimSpec = z.union([
  z.string(),
  z.strictObject({
    claim: z.string(),
    description: z.string().optional(),
    where: z.string().optional(),
    profiles: z.array(z.string()).min(1).optional()
  })
]);

const experimentSpec = z.strictObject({
  id: safeId,
  title: z.string().min(1),
  pipeline: z.string(),
  params: paramsSpec.optional(),
  seed: seed.optional(),
  seeds: z.array(seed).min(1).optional(),
  replicates: z.number().int().min(1).max(1000).optional(),
  sweep: sweepSpec.optional(),
  profiles: z.record(z.string(), profileSpec).optional(),
  claims: z.array(claimSpec).optional(),
  numbers: numbersSpec.optional(),
  figures: z
    .array(
      z.strictObject({
        id: safeId,
        plot: z.string(),
        caption: z.string().min(1),
        alt: z.string().min(1),
        width: z.enum(figureWidths).optional(),
        aspect: z.number().positive().max(4).optional(),
        paper_figure: z.union([z.string().min(1), z.number()]).optional()
      })
    )
    .optional(),
  tables: z.array(z.strictObject({id: safeId, table: z.string(), caption: z.string().min(1)})).optional()
});

const paperSpec = z.strictObject({
  title: z.string().min(1),
  short: z.string().min(1).optional(),
  authors: z.array(z.string().min(1)).min(1),
  year: z.number().int().optional(),
  venue: z.string().optional(),
  arxiv: z
    .string()
    .regex(/^\d{4}\.\d{4,5}(v\d+)?$/, "expected an arXiv id like 2406.10019")
    .optional(),
  booktitle: z.string().min(1).optional(),
  code: z
    .string()
    .regex(/^https:\/\/\S+$/, "expected an https URL")
    .optional(),
  corrections: z
    .array(z.strictObject({statement: z.string().min(1), correction: z.string().min(1), experiment: safeId.optional()}))
    .optional(),
  abstract: z.string().optional(),
  order: z.number().optional()
});

const homeSpec = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  repository: z
    .string()
    .regex(/^https:\/\/\S+$/, "expected an https URL")
    .optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, "expected a DOI like 10.5281/zenodo.1234567")
    .optional()
});

/** The default profile: paper-scale parameters as declared. */
export const defaultProfile = "paper";

/**
 * Reads and checks all content below `root/content`. Throws a ContentError naming the file, line and field
 * of the first problem found.
 */
export function loadContent(
  root: string,
  registry: Registry,
  profile: string = defaultProfile,
  effects: Effects = fileEffects
): Content {
  const read = (path: string): MarkdownSource => parseMarkdown(path, readText(effects, join(root, path)) ?? "");
  const dir = join(root, "content");
  if (!effects.exists(dir)) throw new ContentError("content", undefined, "no content/ folder in the project root");
  const homePath = "content/index.md";
  if (!effects.exists(join(root, homePath)))
    throw new ContentError(homePath, undefined, "missing: the home page of the site");
  const homeSource = read(homePath);
  const home = {
    path: homePath,
    ...validate(homeSource, homeSpec, []),
    body: homeSource.body,
    bodyLine: homeSource.bodyLine
  };

  const papers: Paper[] = [];
  const ids = new Map<string, string>(); // experiment, figure and table ids → where first declared
  const numberNames = new Map<string, string>(); // number names → where declared
  for (const slug of effects
    .list(dir)
    .filter((e) => e.folder)
    .map((e) => e.name)) {
    const paperPath = `content/${slug}/index.md`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
      throw new ContentError(
        `content/${slug}`,
        undefined,
        "paper folder names must be lowercase letters, digits and dashes"
      );
    }
    if (!effects.exists(join(root, paperPath)))
      throw new ContentError(paperPath, undefined, "missing: every paper folder needs an index.md");
    const source = read(paperPath);
    const spec = validate(source, paperSpec, []);
    const experiments = effects
      .list(join(dir, slug))
      .filter((e) => !e.folder && e.name.endsWith(".md") && e.name !== "index.md")
      .map((e) => e.name)
      .map((name) => normalizeExperiment(read(`content/${slug}/${name}`), slug, registry, profile, ids, numberNames));
    (spec.corrections ?? []).forEach((correction, i) => {
      if (correction.experiment !== undefined && !experiments.some((e) => e.id === correction.experiment)) {
        const field = ["corrections", i, "experiment"];
        throw new ContentError(
          paperPath,
          field.join("."),
          `no experiment ${correction.experiment} in this paper`,
          source.lineOf(field)
        );
      }
    });
    papers.push({
      slug,
      path: paperPath,
      title: spec.title,
      shortTitle: spec.short ?? spec.title,
      authors: spec.authors,
      year: spec.year,
      venue: spec.venue,
      arxiv: spec.arxiv,
      booktitle: spec.booktitle,
      code: spec.code,
      corrections: spec.corrections ?? [],
      abstract: spec.abstract,
      order: spec.order ?? papers.length,
      body: source.body,
      bodyLine: source.bodyLine,
      experiments
    });
  }
  papers.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return {home, papers, experiments: papers.flatMap((paper) => paper.experiments)};
}

function normalizeExperiment(
  source: MarkdownSource,
  paper: string,
  registry: Registry,
  profileName: string,
  ids: Map<string, string>,
  numberNames: Map<string, string>
): Experiment {
  const spec = validate(source, experimentSpec, []);
  const fail = (field: (string | number)[], detail: string): never => {
    throw new ContentError(source.path, field.join("."), detail, source.lineOf(field));
  };
  const claim = (id: string, field: (string | number)[]) => {
    const previous = ids.get(id);
    if (previous) fail(field, `duplicate id ${id} (already declared in ${previous})`);
    ids.set(id, source.path);
  };
  claim(spec.id, ["id"]);

  const pipeline = registry.pipelines[spec.pipeline];
  if (!pipeline) {
    fail(
      ["pipeline"],
      `unknown pipeline ${spec.pipeline}; known: ${Object.keys(registry.pipelines).sort().join(", ")}`
    );
  }
  const declared = pipeline.params;
  const checkValue = (field: (string | number)[], name: string, value: unknown): ParamValue => {
    const param = declared[name];
    if (!param)
      fail(field, `unknown parameter ${name} of pipeline ${spec.pipeline}; known: ${Object.keys(declared).join(", ")}`);
    try {
      return checkParam(param, value);
    } catch (error) {
      return fail(field, `${(error as Error).message} (${name}: ${param.description})`);
    }
  };

  const profile = spec.profiles?.[profileName];
  const params: Record<string, ParamValue> = defaultParams(declared);
  for (const [name, value] of Object.entries(spec.params ?? {}))
    params[name] = checkValue(["params", name], name, value);
  for (const [name, value] of Object.entries(profile?.params ?? {})) {
    params[name] = checkValue(["profiles", profileName, "params", name], name, value);
  }
  const sweepSource = profile?.sweep ? ["profiles", profileName, "sweep"] : ["sweep"];
  const sweep = Object.entries(profile?.sweep ?? spec.sweep ?? {}).map(([name, values]) => ({
    name,
    values: values.map((value, i) => checkValue([...sweepSource, name, i], name, value))
  }));

  if (spec.seeds && spec.replicates) fail(["replicates"], "give either seeds or replicates, not both");
  const seedsOf = (p: {seeds?: number[]; replicates?: number}) =>
    p.seeds ?? (p.replicates ? Array.from({length: p.replicates}, (_, i) => (spec.seed ?? 0) + i) : undefined);
  const seeds = seedsOf(profile ?? {}) ?? seedsOf(spec) ?? [spec.seed ?? 0];
  if (new Set(seeds).size !== seeds.length) fail(["seeds"], "seeds must be distinct");

  const claims: Claim[] = [];
  (spec.claims ?? []).forEach((entry, i) => {
    const {claim: text, description, where, profiles} = typeof entry === "string" ? {claim: entry} : entry;
    if (profiles && !profiles.includes(profileName)) return;
    try {
      claims.push(parseClaim(text, {description, where}));
    } catch (error) {
      fail(["claims", i], (error as Error).message);
    }
  });

  const numbers = normalizeNumbers(
    spec.numbers,
    {path: source.path, experiment: spec.id, paper, profile: profileName, lineOf: source.lineOf},
    numberNames
  );

  const figures = (spec.figures ?? []).map((figure, i) => {
    claim(figure.id, ["figures", i, "id"]);
    if (!registry.plots[figure.plot]) {
      fail(
        ["figures", i, "plot"],
        `unknown plot ${figure.plot}; known: ${Object.keys(registry.plots).sort().join(", ")}`
      );
    }
    const {paper_figure: paperFigure, ...declared} = figure;
    return {
      ...declared,
      width: figure.width ?? "single",
      ...(paperFigure === undefined ? {} : {paperFigure: String(paperFigure)}),
      experiment: spec.id,
      paper
    };
  });
  const tables = (spec.tables ?? []).map((table, i) => {
    claim(table.id, ["tables", i, "id"]);
    if (!registry.tables[table.table]) {
      fail(
        ["tables", i, "table"],
        `unknown table ${table.table}; known: ${Object.keys(registry.tables).sort().join(", ")}`
      );
    }
    return {...table, experiment: spec.id, paper};
  });

  return {
    id: spec.id,
    title: spec.title,
    path: source.path,
    paper,
    pipeline: spec.pipeline,
    params,
    seeds,
    sweep,
    claims,
    numbers,
    figures,
    tables,
    body: source.body,
    bodyLine: source.bodyLine
  };
}

function validate<T>(source: MarkdownSource, schema: z.ZodType<T>, prefix: (string | number)[]): T {
  const result = schema.safeParse(source.frontMatter);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...prefix, ...(issue.path as (string | number)[])];
  let detail = issue.message;
  if (issue.code === "unrecognized_keys") {
    path.push(issue.keys[0]);
    detail = `unknown field ${issue.keys[0]}`;
  } else if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    detail = `missing required field (expected ${issue.expected})`;
  } else {
    detail = detail.replace(/^Invalid input: /, "");
  }
  throw new ContentError(source.path, path.length ? path.join(".") : undefined, detail, source.lineOf(path));
}

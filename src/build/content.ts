// Reads content/: the home page, one folder per paper (index.md), and one Markdown file per experiment whose
// front matter declares it. Everything is checked here, so a bad declaration stops the build before any work.
import {join} from "node:path/posix";
import {z} from "zod";
import type {Claim} from "../contract/claims.js";
import type {Content, Experiment, Paper} from "../contract/content.js";
import {CliError, ContentError, ExitCode} from "../contract/error.js";
import {figureWidths} from "../contract/figure.js";
import {checkParam, defaultParams} from "../contract/params.js";
import type {ParamSpecs, ParamValue} from "../contract/params.js";
import type {Registry} from "../contract/registry.js";
import {claimNames, parseClaim} from "./claims.js";
import {fileEffects} from "./effects.js";
import {normalizeNumbers, numbersSpec} from "./numbers.js";
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

/** The most tasks (sweep points × seeds) one experiment may declare: more is refused before anything runs. */
export const maxTasks = 100_000;

/** The default profile: paper-scale parameters as declared. */
export const defaultProfile = "paper";

/** The parameter profiles: `paper` (as declared) and `quick` (small parameters, for tests and previews). */
export const profileNames: readonly string[] = [defaultProfile, "quick"];

/**
 * Ids the site's pages use for their own elements, so no experiment, figure or table may take them (an experiment
 * X also reserves X-title and X-claims, a figure or table Y reserves Y-caption, and index is a paper's page).
 */
export const reservedIds: readonly string[] = [
  "abstract",
  "cite",
  "cite-companion",
  "cite-paper",
  "contents",
  "data",
  "downloads",
  "index",
  "item-claims",
  "main",
  "papers",
  "provenance",
  "references",
  "reproduce"
];

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
  if (!profileNames.includes(profile))
    throw new CliError(`invalid --profile: ${profile}; known: ${profileNames.join(", ")}`, ExitCode.usage);
  const read = (path: string): MarkdownSource => parseMarkdown(path, decodeUtf8(path, effects.read(join(root, path))));
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
    const entries = effects.list(join(dir, slug));
    for (const entry of entries) {
      const path = `content/${slug}/${entry.name}`;
      if (entry.folder && /\.(md|markdown)$/i.test(entry.name))
        throw new ContentError(path, undefined, "is a folder: an experiment is a Markdown file");
      if (!entry.folder && /\.(md|markdown)$/i.test(entry.name) && !entry.name.endsWith(".md"))
        throw new ContentError(path, undefined, "experiment files must end in .md (lowercase); rename it");
    }
    const experiments = entries
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
  const claim = (id: string, field: (string | number)[], suffixes: string[]) => {
    const previous = ids.get(id);
    if (previous) fail(field, `duplicate id ${id} (already declared in ${previous})`);
    if (reservedIds.includes(id)) fail(field, `id ${id} is reserved by the site's pages; choose another id`);
    for (const suffix of ["-title", "-claims", "-caption"]) {
      if (id.endsWith(suffix) && ids.has(id.slice(0, -suffix.length)))
        fail(field, `id ${id} is reserved by the site for ${id.slice(0, -suffix.length)}; choose another id`);
    }
    for (const suffix of suffixes) {
      const owner = ids.get(`${id}${suffix}`);
      if (owner) fail(field, `id ${id} would reserve ${id}${suffix}, already declared in ${owner}; choose another id`);
    }
    ids.set(id, source.path);
  };
  claim(spec.id, ["id"], ["-title", "-claims"]);

  const pipeline =
    own(registry.pipelines, spec.pipeline) ??
    fail(
      ["pipeline"],
      `unknown pipeline ${spec.pipeline}; known: ${Object.keys(registry.pipelines).sort().join(", ")}`
    );
  const declared: ParamSpecs = pipeline.params;
  const checkValue = (field: (string | number)[], name: string, value: unknown): ParamValue => {
    const param =
      own(declared, name) ??
      fail(field, `unknown parameter ${name} of pipeline ${spec.pipeline}; known: ${Object.keys(declared).join(", ")}`);
    try {
      return checkParam(param, value);
    } catch (error) {
      return fail(field, `${(error as Error).message} (${name}: ${param.description})`);
    }
  };

  for (const name of Object.keys(spec.profiles ?? {})) {
    if (!profileNames.includes(name))
      fail(["profiles", name], `unknown profile ${name}; known: ${profileNames.join(", ")}`);
  }
  const profile = own(spec.profiles ?? {}, profileName);
  const params: Record<string, ParamValue> = defaultParams(declared);
  for (const [name, value] of Object.entries(spec.params ?? {}))
    params[name] = checkValue(["params", name], name, value);
  for (const [name, value] of Object.entries(profile?.params ?? {})) {
    params[name] = checkValue(["profiles", profileName, "params", name], name, value);
  }
  const sweepSource = profile?.sweep ? ["profiles", profileName, "sweep"] : ["sweep"];
  const points = Object.values(profile?.sweep ?? spec.sweep ?? {}).reduce((n, values) => n * values.length, 1);
  if (points > maxTasks)
    fail(sweepSource, `${points} sweep points is more than the ${maxTasks} one experiment may have`);
  const sweep = Object.entries(profile?.sweep ?? spec.sweep ?? {}).map(([name, values]) => ({
    name,
    values: values.map((value, i) => checkValue([...sweepSource, name, i], name, value))
  }));

  if (spec.seeds && spec.replicates) fail(["replicates"], "give either seeds or replicates, not both");
  const seedsOf = (p: {seeds?: number[]; replicates?: number}) =>
    p.seeds ?? (p.replicates ? Array.from({length: p.replicates}, (_, i) => (spec.seed ?? 0) + i) : undefined);
  const seeds = seedsOf(profile ?? {}) ?? seedsOf(spec) ?? [spec.seed ?? 0];
  if (new Set(seeds).size !== seeds.length) fail(["seeds"], "seeds must be distinct");
  if (points * seeds.length > maxTasks) {
    fail(
      sweepSource,
      `${points} sweep points × ${seeds.length} seeds = ${points * seeds.length} tasks, more than the ${maxTasks} one experiment may have`
    );
  }

  const claims: Claim[] = [];
  (spec.claims ?? []).forEach((entry, i) => {
    const {claim: text, description, where, profiles} = typeof entry === "string" ? {claim: entry} : entry;
    const unknown = profiles?.find((name) => !profileNames.includes(name));
    if (unknown) fail(["claims", i, "profiles"], `unknown profile ${unknown}; known: ${profileNames.join(", ")}`);
    let parsed: Claim;
    try {
      parsed = parseClaim(text, {description, where});
    } catch (error) {
      return fail(["claims", i], (error as Error).message);
    }
    // A claim about parameters and constants alone cannot fail: it must name an output.
    if (!claimNames(parsed).some((name) => !Object.hasOwn(declared, name)))
      fail(["claims", i], `claim ${JSON.stringify(text)} names no output of pipeline ${spec.pipeline}: it cannot fail`);
    if (profiles && !profiles.includes(profileName)) return;
    claims.push(parsed);
  });

  const numbers = normalizeNumbers(
    spec.numbers,
    {path: source.path, experiment: spec.id, paper, profile: profileName, lineOf: source.lineOf},
    numberNames
  );

  const figures = (spec.figures ?? []).map((figure, i) => {
    claim(figure.id, ["figures", i, "id"], ["-caption"]);
    if (!own(registry.plots, figure.plot)) {
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
    claim(table.id, ["tables", i, "id"], ["-caption"]);
    if (!own(registry.tables, table.table)) {
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

// A content file as text; bytes that are not UTF-8 are a content error naming the line, never silently replaced.
function decodeUtf8(path: string, bytes: Uint8Array | undefined): string {
  if (bytes === undefined) return "";
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    const at = text.indexOf("\uFFFD");
    const line = at < 0 ? undefined : text.slice(0, at).split("\n").length;
    throw new ContentError(path, undefined, "not valid UTF-8: save the file as UTF-8", line);
  }
}

// A record's own entry (never one inherited from Object.prototype, such as constructor or toString).
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
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

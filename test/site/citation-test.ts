// Citations: the BibTeX reader (macros, braces, quotes, errors with lines), BibTeX written for papers and for the
// companion, references formatted for readers, and the repository's CITATION.cff (valid CFF 1.2.0).
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {parse as parseYaml} from "yaml";
import {z} from "zod";
import type {Paper} from "../../src/contract/content.js";
import {ContentError} from "../../src/contract/error.js";
import {companionEntry, formatBibtex, formatReference, latexToText, paperEntry, paperKey, parseBibtex} from "../../src/site/citation.js";

const bib = `% a comment line citing [@key]
@string{jmlr = "Journal of Machine Learning Research"}
@comment{ignored {nested} text}

@article{smith2020,
  title   = {The {Gaussian} case: $\\ell_2$ bounds},
  author  = {Smith, John and M{\\"u}ller, Anna and van der Berg, Piet},
  journal = jmlr # " (JMLR)",
  year    = 2020,
  pages   = {1--10},
  doi     = {10.1000/xyz}
}

@misc( paul2007,
  title = "Asymptotics of {sample} eigenstructure",
  author = "Debashis Paul",
  eprint = {math/0701052}, archivePrefix = {arXiv}, year = {2007},
)
`;

test("parseBibtex(text) reads entries, @string macros and concatenation, braces and quotes, and skips comments", () => {
  const entries = parseBibtex(bib, "content/references.bib");
  assert.deepEqual([...entries.keys()], ["smith2020", "paul2007"]);
  const smith = entries.get("smith2020")!;
  assert.equal(smith.type, "article");
  assert.equal(smith.line, 5);
  assert.equal(smith.fields.journal, "Journal of Machine Learning Research (JMLR)");
  assert.equal(smith.fields.year, "2020");
  assert.equal(smith.fields.title, "The {Gaussian} case: $\\ell_2$ bounds");
  assert.equal(entries.get("paul2007")!.fields.title, "Asymptotics of {sample} eigenstructure");
});

test("parseBibtex(text) throws a ContentError with the line for duplicate keys, unknown macros and unclosed entries", () => {
  const fails = (text: string, line: number, detail: RegExp) =>
    assert.throws(
      () => parseBibtex(text, "content/references.bib"),
      (error: unknown) => error instanceof ContentError && error.file === "content/references.bib" && error.line === line && detail.test(error.detail)
    );
  fails("@misc{a, title={x}}\n\n@misc{a, title={y}}\n", 3, /duplicate key a/);
  fails("@misc{a,\n  journal = nope\n}", 2, /unknown @string macro nope/);
  fails("@misc{a,\n  title = {never {closed}\n", 2, /unclosed \{/);
});

test("formatReference(entry) writes authors, title, venue, year and links, with LaTeX turned into Unicode", () => {
  const entries = parseBibtex(bib, "refs.bib");
  assert.equal(
    formatReference(entries.get("smith2020")!),
    `John Smith, Anna Müller, and Piet van der Berg. <cite>The Gaussian case: $\\ell_2$ bounds</cite>. Journal of Machine Learning Research (JMLR), pp. 1–10, 2020. <a href="https://doi.org/10.1000/xyz">doi:10.1000/xyz</a>`
  );
  assert.equal(
    formatReference(entries.get("paul2007")!),
    `Debashis Paul. <cite>Asymptotics of sample eigenstructure</cite>. arXiv preprint, 2007. <a href="https://arxiv.org/abs/math/0701052">arXiv:math/0701052</a>`
  );
  assert.equal(latexToText("G{\\'e}rard P\\'ech\\'e, \\c{c}a, \\ss{} and {\\o}, 1--2~pages"), "Gérard Péché, ça, ß and ø, 1–2 pages");
});

const paper: Paper = {
  slug: "adversarial",
  path: "content/adversarial/index.md",
  title: "Adversarial examples exist in two-layer ReLU networks for low-dimensional linear subspaces",
  shortTitle: "Adversarial examples",
  authors: ["Odelia Melamed", "Gilad Yehudai", "Gal Vardi"],
  year: 2023,
  venue: "NeurIPS 2023",
  arxiv: "2303.00783v2",
  order: 0,
  body: "",
  bodyLine: 1,
  experiments: []
};

test("paperEntry(paper) writes BibTeX from front matter, keyed by first author, year and first significant title word", () => {
  assert.equal(paperKey(paper), "melamed2023adversarial");
  assert.equal(paperKey({...paper, title: "How does feature learning reshape the function space?", authors: ["Émile Lobo"]}), "lobo2023feature");
  assert.equal(
    formatBibtex(paperEntry(paper)),
    `@inproceedings{melamed2023adversarial,
  title         = {{Adversarial examples exist in two-layer ReLU networks for low-dimensional linear subspaces}},
  author        = {Odelia Melamed and Gilad Yehudai and Gal Vardi},
  booktitle     = {NeurIPS 2023},
  year          = {2023},
  eprint        = {2303.00783},
  archivePrefix = {arXiv},
  url           = {https://arxiv.org/abs/2303.00783}
}`
  );
  assert.equal(paperEntry({...paper, venue: undefined}).type, "misc");
});

test("companionEntry(cff) writes a @software entry from CITATION.cff, and a @misc entry from the home page without one", () => {
  const cff = readFileSync(new URL("../../CITATION.cff", import.meta.url), "utf8");
  const entry = companionEntry(cff, {title: "x", description: "y"});
  assert.equal(entry.type, "software");
  assert.equal(entry.key, "orthogonal");
  assert.match(entry.fields.title, /^\{orthogonal: /);
  assert.equal(entry.fields.author, "{The orthogonal contributors}");
  assert.equal(entry.fields.version, "0.1.0");
  const fallback = companionEntry(undefined, {title: "Demo companion", description: "A 100% demo"});
  assert.equal(formatBibtex(fallback), "@misc{demo-companion,\n  title = {{Demo companion}},\n  note  = {A 100\\% demo}\n}");
});

// The parts of the Citation File Format 1.2.0 schema (https://github.com/citation-file-format/citation-file-format,
// schema.json) that CITATION.cff uses: required keys, and the types of the optional ones.
const person = z.strictObject({
  "family-names": z.string().min(1),
  "given-names": z.string().min(1).optional(),
  "name-particle": z.string().optional(),
  orcid: z.string().regex(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/).optional(),
  email: z.string().optional(),
  affiliation: z.string().optional()
});
const entity = z.strictObject({name: z.string().min(1), website: z.string().url().optional(), email: z.string().optional()});
const cffSchema = z.strictObject({
  "cff-version": z.literal("1.2.0"),
  message: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(z.union([person, entity])).min(1),
  type: z.enum(["software", "dataset"]).optional(),
  abstract: z.string().min(1).optional(),
  version: z.union([z.string(), z.number()]).optional(),
  license: z.string().optional(),
  keywords: z.array(z.string().min(1)).min(1).optional(),
  "repository-code": z.string().url().optional(),
  url: z.string().url().optional(),
  doi: z.string().regex(/^10\.\d{4,9}(\.\d+)?\/[A-Za-z0-9:/_;\-.()[\]\\]+$/).optional(),
  "date-released": z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()
});

test("CITATION.cff is valid CFF 1.2.0 and matches the package's version and license", () => {
  const cff = parseYaml(readFileSync(new URL("../../CITATION.cff", import.meta.url), "utf8"));
  const result = cffSchema.safeParse(cff);
  assert.ok(result.success, result.success ? "" : JSON.stringify(result.error.issues));
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {version: string; license: string};
  assert.equal(result.data!.version, pkg.version);
  assert.equal(result.data!.license, pkg.license);
});

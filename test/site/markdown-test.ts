// Prose rendering: KaTeX math, figure and table directives, numbered cross-references, citations, heading levels
// and ids, links between content files, and errors that name the content file and line.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Content, Experiment, Paper} from "../../src/contract/content.js";
import {ContentError} from "../../src/contract/error.js";
import {buildCatalog} from "../../src/site/catalog.js";
import {createMarkdown, directivesOf, parseProse, renderInline, renderProse} from "../../src/site/markdown.js";
import type {ProseContext, SourceLink} from "../../src/site/markdown.js";

const md = createMarkdown();

function context(overrides: Partial<ProseContext> = {}): ProseContext & {links: SourceLink[]} {
  const ids = new Set<string>();
  return {
    page: "p/index.html",
    reference: (kind, id) => (id === "known" ? {label: kind === "fig" ? "Figure 2" : "Table 1", target: `p/index.html#${id}`} : undefined),
    cite: (key) => (key === "smith2020" ? {label: "1", target: "p/index.html#ref-smith2020", title: "Smith. A paper. 2020."} : undefined),
    contentPage: (file) => ({"content/p/other.md": "p/index.html#other", "content/q/index.md": "q/index.html"})[file],
    slug: (text) => {
      let id = text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      while (ids.has(id)) id += "-2";
      ids.add(id);
      return id;
    },
    place: (kind, id, file, line) => `<figure id="${id}" data-kind="${kind}" data-where="${file}:${line}"></figure>\n`,
    number: (name) => (name === "gammaAtTwo" ? {html: "0.512 ± 0.013", latex: "0.512 \\pm 0.013"} : undefined),
    macros: {},
    links: [],
    ...overrides
  };
}

function render(body: string, options: {headingLevel?: number; bodyLine?: number; context?: ProseContext} = {}): string {
  const prose = parseProse(md, {file: "content/p/x.md", bodyLine: options.bodyLine ?? 10, body, headingLevel: options.headingLevel ?? 2});
  return renderProse(md, prose, options.context ?? context());
}

function contentError(fn: () => unknown, file: string, line: number, detail: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    assert.equal(error.file, file);
    assert.equal(error.line, line);
    assert.match(error.detail, detail);
    return true;
  });
}

test("renderProse typesets $…$ and $$…$$ with KaTeX to HTML and MathML at build time", () => {
  const html = render("Inline $\\gamma^2$ and\n\n$$\n\\lambda = (1+\\sqrt{\\gamma})^2\n$$\n");
  assert.match(html, /<span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
  assert.match(html, /<annotation encoding="application\/x-tex">\\gamma\^2<\/annotation>/);
  assert.match(html, /<span class="math-display" tabindex="0"><span class="katex-display">.*display="block"/s);
  assert.doesNotMatch(html, /\$/);
});

test("renderProse keeps dollar amounts, escaped dollars and code as text", () => {
  const html = render("It costs $5 and $10, or \\$3; code `$x$` stays.");
  assert.doesNotMatch(html, /katex/);
  assert.match(html, /\$5 and \$10, or \$3/);
  assert.match(html, /<code>\$x\$<\/code>/);
});

test("renderProse accepts $$…$$ inside a paragraph and ```math fences, keeping valid HTML", () => {
  const html = render("Before $$a = b$$ after.\n\n```math\nc^2\n```\n");
  assert.match(html, /<p>Before <span class="math-display" tabindex="0">/);
  assert.match(html, /<annotation encoding="application\/x-tex">c\^2\n?<\/annotation>/);
});

test("renderProse reports a math error with the content file and line", () => {
  contentError(() => render("First line.\n\nSecond $\\frac{1}{$ here."), "content/p/x.md", 12, /^math: /);
  contentError(() => render("$$\n\\begin{x}\n$$\n", {bodyLine: 5}), "content/p/x.md", 5, /^math: /);
});

test("directivesOf finds ::figure{id} and ::table{id} lines with their lines, and renderProse places them", () => {
  const body = "Text before.\n::figure{fig-a}\n\n::table{tbl-b}\nText after.\n";
  const prose = parseProse(md, {file: "content/p/x.md", bodyLine: 7, body, headingLevel: 2});
  assert.deepEqual(directivesOf(prose), [
    {kind: "figure", id: "fig-a", line: 8},
    {kind: "table", id: "tbl-b", line: 10}
  ]);
  const html = renderProse(md, prose, context());
  assert.match(html, /<p>Text before.<\/p>\n<figure id="fig-a" data-kind="figure" data-where="content\/p\/x.md:8"><\/figure>/);
  assert.match(html, /<figure id="tbl-b" data-kind="table" data-where="content\/p\/x.md:10"><\/figure>\n<p>Text after.<\/p>/);
});

test("an unknown directive name is a ContentError at its line", () => {
  contentError(() => parseProse(md, {file: "content/p/x.md", bodyLine: 3, body: "a\n\n::video{x}\n", headingLevel: 2}), "content/p/x.md", 5, /unknown directive ::video/);
});

test("renderProse turns @fig:id and @tbl:id into numbered links, and fails on unknown ids with file and line", () => {
  const html = render("See @fig:known and @tbl:known; mail a@fig:known.");
  assert.match(html, /See <a class="xref" href="#known">Figure 2<\/a> and <a class="xref" href="#known">Table 1<\/a>; mail a@fig:known\./);
  contentError(() => render("One.\nTwo @fig:missing."), "content/p/x.md", 11, /unknown figure in cross-reference @fig:missing/);
  contentError(() => render("Uses @tbl:nope"), "content/p/x.md", 10, /unknown table/);
});

test("renderProse numbers citations [@key] and [@a; @b], and fails on unknown keys with file and line", () => {
  const html = render("As shown [@smith2020].");
  assert.match(html, /As shown <span class="citation">\[<a href="#ref-smith2020" title="Smith\. A paper\. 2020\.">1<\/a>\]<\/span>\./);
  contentError(() => render("Line one\nline two [@smith2020; @jones1999]"), "content/p/x.md", 11, /unknown citation key jones1999/);
  contentError(() => render("[@fig:known]"), "content/p/x.md", 10, /write @fig:known without brackets/);
});

test("renderProse shifts headings to the page's level and gives them unique ids", () => {
  const html = render("# Top\n\n## Sub\n\n# Top\n", {headingLevel: 3});
  assert.match(html, /<h3 id="top">Top<\/h3>\n<h4 id="sub">Sub<\/h4>\n<h3 id="top-2">Top<\/h3>/);
});

test("renderProse maps links to content files onto their pages and collects relative links with lines", () => {
  const c = context();
  const html = render("See [other](other.md), [its part](other.md#part), [q](../q/index.md),\n[here](#top) and [out](https://example.org).", {context: c});
  assert.match(html, /href="#other"/);
  assert.match(html, /href="#part"/);
  assert.match(html, /href="\.\.\/q\/index\.html"/);
  assert.match(html, /href="https:\/\/example\.org"/);
  assert.deepEqual(
    c.links.map((l) => [l.href, l.line]),
    [
      ["#other", 10],
      ["#part", 10],
      ["../q/index.html", 10],
      ["#top", 11]
    ]
  );
  contentError(() => render("a\n[x](missing.md)"), "content/p/x.md", 11, /no such content file/);
  contentError(() => render("[x](/abs.html)"), "content/p/x.md", 10, /absolute link/);
  contentError(() => render("[x](ftp://example.org/x)"), "content/p/x.md", 10, /unsupported link/);
});

test("renderInline renders captions with math and cross-references, and names the field on errors", () => {
  const html = renderInline(md, "Value of $\\lambda$ (see @fig:known).", {file: "content/p/x.md", field: "figures.0.caption"}, context());
  assert.match(html, /^Value of <span class="katex">.*\(see <a class="xref" href="#known">Figure 2<\/a>\)\.$/s);
  assert.throws(
    () => renderInline(md, "@fig:nope", {file: "content/p/x.md", field: "figures.0.caption"}, context()),
    (error: unknown) => error instanceof ContentError && error.field === "figures.0.caption" && error.line === undefined
  );
});

function experiment(id: string, paper: string, figures: string[], tables: string[], body: string): Experiment {
  return {
    id,
    title: id,
    path: `content/${paper}/${id}.md`,
    paper,
    pipeline: "demo",
    params: {},
    seeds: [0],
    sweep: [],
    claims: [],
    numbers: [],
    figures: figures.map((f) => ({id: f, plot: "p", caption: f, alt: f, width: "single", experiment: id, paper})),
    tables: tables.map((t) => ({id: t, table: "t", caption: t, experiment: id, paper})),
    body,
    bodyLine: 20
  };
}

function content(paperBody: string, experiments: Experiment[]): Content {
  const paper: Paper = {slug: "p", path: "content/p/index.md", title: "P", shortTitle: "P", authors: ["A"], order: 0, body: paperBody, bodyLine: 5, experiments};
  return {home: {path: "content/index.md", title: "H", description: "D", body: "", bodyLine: 1}, papers: [paper], experiments};
}

test("buildCatalog numbers figures and tables in page order: directives where written, the rest at their section's end", () => {
  const a = experiment("a", "p", ["fa1", "fa2"], ["ta"], "::figure{fb}\n");
  const b = experiment("b", "p", ["fb"], ["tb"], "Text.\n::table{ta}\n");
  const catalog = buildCatalog(md, content("Intro.\n::figure{fa2}\n", [a, b]));
  const [layout] = catalog.papers;
  assert.deepEqual(
    layout.items.map((i) => `${i.id}=${i.label}`),
    ["fa2=Figure 1", "fb=Figure 2", "fa1=Figure 3", "ta=Table 1", "tb=Table 2"]
  );
  assert.deepEqual(
    layout.sections.map((s) => s.trailing.map((i) => i.id)),
    [["fa1"], ["tb"]]
  );
});

test("buildCatalog rejects unknown, mistyped and repeated directives with file and line", () => {
  const a = (body: string) => experiment("a", "p", ["fa"], ["ta"], body);
  contentError(() => buildCatalog(md, content("\n::figure{nope}\n", [a("")])), "content/p/index.md", 6, /unknown figure id; this paper declares fa/);
  contentError(() => buildCatalog(md, content("", [a("::figure{ta}")])), "content/p/a.md", 20, /ta is a table; write ::table\{ta\}/);
  contentError(() => buildCatalog(md, content("::figure{fa}\n", [a("x\n\n::figure{fa}")])), "content/p/a.md", 22, /placed twice \(first at content\/p\/index\.md:5\)/);
});

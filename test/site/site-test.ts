// Integration tests of the companion site on the "website" fixture project: the pages and downloads it writes,
// numbering and placement of figures and tables, provenance and commands that really reproduce the data,
// byte-identical rebuilds, skipping when nothing changed, stale pages removed, and content errors with lines.
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {builtProject, orthogonal} from "../fixture.js";

const built = () => builtProject("website");

const siteFiles = (root: string) => (readdirSync(join(root, "site"), {recursive: true, encoding: "utf8"}) as string[]).filter((f) => /\.\w+$/.test(f)).sort();
const read = (root: string, path: string) => readFileSync(join(root, "site", path), "utf8");
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
/** The text of the code block with this id, as a reader copies it. */
const codeText = (page: string, id: string) =>
  [...page.matchAll(/<pre id="([^"]+)"[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)]
    .find((m) => m[1] === id)?.[2]
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");

test("the site has a home page, a citation page, a page per paper and per figure or table, downloads and assets, byte-identical across builds", () => {
  const a = built();
  const files = siteFiles(a);
  for (const expected of [
    "index.html",
    "cite.html",
    "alpha/index.html",
    "beta/index.html",
    "alpha/alpha-lambda.html",
    "alpha/alpha-bulk.html",
    "alpha/alpha-values.html",
    "alpha/files/alpha-lambda.svg",
    "alpha/files/alpha-lambda.png",
    "alpha/files/alpha-lambda.pdf",
    "alpha/files/alpha-values.csv",
    "alpha/files/alpha-values.tex",
    "alpha/files/alpha-values.md",
    "alpha/data/alpha-spike.json",
    "alpha/data/alpha-spike.claims.json",
    "alpha/data/alpha-spike-bulk.csv",
    "beta/data/beta-one.json",
    "assets/style.css",
    "assets/site.js",
    "assets/katex/katex.min.css",
    "assets/katex/fonts/KaTeX_Main-Regular.woff2",
    "assets/fonts/DejaVuSans.ttf",
    "cite/companion.bib",
    "cite/alpha.bib",
    "cite/CITATION.cff",
    "search.html",
    "pagefind/pagefind.js"
  ]) {
    assert.ok(files.includes(expected), `missing site/${expected}`);
  }
  assert.ok(!files.some((f) => /\.(woff|ttf)$/.test(f) && f !== "assets/fonts/DejaVuSans.ttf"), "only KaTeX's WOFF2 fonts and the figures' font are copied");
  // A second build from scratch (figures, site and cache gone) writes the same bytes.
  const before = new Map(files.map((file) => [file, readFileSync(join(a, "site", file))]));
  for (const folder of ["site", "figures", ".cache"]) rmSync(join(a, folder), {recursive: true, force: true});
  const again = orthogonal(a, "build", "--jobs", "1");
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(siteFiles(a), files);
  for (const file of files) assert.ok(readFileSync(join(a, "site", file)).equals(before.get(file)!), `site/${file} differs between builds`);
  assert.equal(read(a, "alpha/data/alpha-spike.json"), readFileSync(join(a, "figures/alpha/data/alpha-spike.json"), "utf8"));
  assert.match(read(a, "alpha/data/alpha-spike-bulk.csv"), /^gamma,seed,i,value\n0\.5,0,0,-?\d/);
});

test("paper pages number figures and tables in page order, place them at their directives, and link cross-references and citations", () => {
  const root = built();
  const alpha = read(root, "alpha/index.html");
  const position = (needle: string) => {
    const i = alpha.indexOf(needle);
    assert.ok(i >= 0, `missing ${needle}`);
    return i;
  };
  // ::figure{alpha-lambda} in the paper's prose, ::table{alpha-values} in the experiment's, alpha-bulk unreferenced
  // there.
  assert.ok(position('<figure class="figure figure--double" id="alpha-lambda">') < position('<section class="experiment" id="alpha-spike"'));
  assert.ok(position('<figure class="table-figure" id="alpha-values">') < position('<figure class="figure figure--single" id="alpha-bulk">'));
  assert.ok(position('id="alpha-bulk"') < position('<section class="claims">\n<h3 id="alpha-spike-claims">'));
  assert.match(alpha, /<a class="item-label" href="alpha-lambda\.html">Figure 1<\/a>/);
  assert.match(alpha, /<a class="item-label" href="alpha-bulk\.html">Figure 2<\/a>/);
  assert.match(alpha, /<a class="item-label" href="alpha-values\.html">Table 1<\/a>/);
  assert.match(alpha, /which <a class="xref" href="#alpha-lambda">Figure 1<\/a> and <a class="xref" href="#alpha-values">Table 1<\/a> confirm; the bulk is in <a class="xref" href="#alpha-bulk">Figure 2<\/a>/);
  assert.match(alpha, /<span class="citation">\[<a href="#ref-baik2005phase" title="Jinho Baik, Gérard Ben Arous, and Sandrine Péché\. [^"]+">1<\/a>, <a href="#ref-paul2007asymptotics" [^>]+>2<\/a>\]<\/span>/);
  assert.match(alpha, /<li id="ref-baik2005phase">Jinho Baik, Gérard Ben Arous, and Sandrine Péché\. <cite>Phase transition/);
  assert.match(alpha, /<svg[^>]* role="img" aria-label="Dots on a rising curve: [^"]*" focusable="false">/);
  assert.doesNotMatch(alpha, /#000000/i, "inline figures use currentColor");
  // Claims fold into one <details> per experiment; each opens with its sentence, then its expression.
  assert.match(alpha, /<details class="claims-details">\n<summary><span class="status status--pass"><span aria-hidden="true">✓<\/span> 2 of 2 claims hold<\/span>/);
  assert.match(alpha, /<span class="status status--pass"><span aria-hidden="true">✓<\/span> holds<\/span> <p class="claim-sentence">[^<]+<\/p><\/div>\n<p class="claim-expression"><code class="claim-text">lambda within 5% of lambda_theory<\/code>/);
  assert.match(alpha, /<th scope="col" class="num">bound<\/th>/, "one-sided claims show a bound");
  assert.match(alpha, /<abbr title="[^"]+">margin<\/abbr>/);
  assert.match(alpha, /<h3 id="a-very-long-equation">/);
  assert.match(alpha, /@inproceedings\{lovelace2024alpha,/);
  const beta = read(root, "beta/index.html");
  assert.match(beta, /refers back to <a class="xref" href="\.\.\/alpha\/index\.html#alpha-bulk">Alpha, Figure 2<\/a> of the first, and to <a href="\.\.\/alpha\/index\.html#setting">its setting<\/a>/);
  const home = read(root, "index.html");
  assert.match(home, /<a href="alpha\/index\.html">the alpha paper<\/a>/);
  assert.match(home, /<a class="xref" href="alpha\/index\.html#alpha-lambda">Alpha, Figure 1<\/a>/);
  assert.match(home, /class="katex"/);
  assert.match(home, /✓<\/span> 3 of 3 claims hold/);
  assert.doesNotMatch(read(root, "cite.html"), /katex\.min\.css/, "KaTeX's stylesheet only where there is math");
});

test("figure pages give downloads, data, the manifest's provenance, and commands that reproduce the data exactly", () => {
  const root = built();
  const page = read(root, "alpha/alpha-lambda.html");
  const manifest = JSON.parse(readFileSync(join(root, "figures/manifest.json"), "utf8"));
  const entry = manifest["alpha-lambda"];
  for (const hash of [entry.datasetHash, entry.pipelineHash, entry.codeHash]) assert.match(page, new RegExp(`<code class="hash">${hash}</code>`));
  for (const file of ["files/alpha-lambda.svg", "files/alpha-lambda.png", "files/alpha-lambda.pdf", "data/alpha-spike.json", "data/alpha-spike-bulk.csv"]) {
    assert.match(page, new RegExp(`href="${file.replace(/\./g, "\\.")}" download`));
  }
  assert.match(page, /<dt>Seeds<\/dt><dd>0, 1<\/dd>/);
  assert.match(page, /<code>gamma<\/code><\/th><td>0\.5, 1, 2 <span class="muted">\(swept\)<\/span><\/td><td>spike strength<\/td>/);
  assert.equal(codeText(page, "alpha-lambda-build"), "npx orthogonal build --only alpha-spike");
  assert.match(page, /<\/code><\/pre><button type="button" class="copy-button" data-copy="alpha-lambda-build"[^>]* hidden>Copy<\/button>/);
  assert.equal(codeText(page, "alpha-lambda-install"), "npm ci");
  assert.match(page, /<code class="hash">[0-9a-f]{64}<\/code>:<\/p>\n<div class="code-block"><pre id="alpha-lambda-check"/);
  assert.equal(codeText(page, "alpha-lambda-check"), "sha256sum figures/alpha/data/alpha-spike.json");
  assert.match(page, /<h2 id="cite-item">Cite this figure<\/h2>\n<p>Figure alpha-lambda \(Figure 1 on the Alpha page\) of Site test companion, version 0\.0\.0\.<\/p>/);
  assert.match(page, /@software\{site-test-companion-alpha-lambda,/);
  const command = codeText(page, "alpha-lambda-run-2");
  assert.equal(command, "npx orthogonal run alpha-spike --set d=40 --set gamma=1 --seed 0 --json");
  const args = command!.split(" ").slice(2);
  const run = orthogonal(root, ...args);
  assert.equal(run.status, 0, run.stderr);
  const results = JSON.parse(readFileSync(join(root, "figures/alpha/data/alpha-spike.json"), "utf8"));
  assert.deepEqual(JSON.parse(run.stdout).dataset, results.points[1].runs[0].dataset);
  assert.match(read(root, "alpha/alpha-values.html"), /href="files\/alpha-values\.tex" download>LaTeX<\/a>/);
});

test("a rebuild with nothing changed skips the site, and an edit rewrites only the pages it touches", () => {
  const root = built();
  // The no-op rebuild's time budget (under 2 s) is checked in build-test.ts; here, that it writes nothing.
  const again = orthogonal(root, "build");
  assert.equal(again.status, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /wrote/);
  const file = join(root, "content/beta/one.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("A single point", "One single point"));
  const edited = orthogonal(root, "build");
  assert.equal(edited.status, 0, edited.stderr);
  // The edited page, and the search index's entry, metadata and fragment files that hold its words.
  assert.match(edited.stdout, /wrote [1-5] files? to/);
  assert.match(read(root, "beta/index.html"), /One single point/);
});

test("a cross-reference to a removed figure fails the build with its file and line; once fixed, the figure's page and files are removed", () => {
  const root = built();
  const spike = join(root, "content/alpha/spike.md");
  writeFileSync(spike, readFileSync(spike, "utf8").replace(/^ {2}- \{id: alpha-bulk.*\n/m, ""));
  const failed = orthogonal(root, "build");
  assert.equal(failed.status, 3, failed.stderr);
  const paper = readFileSync(join(root, "content/alpha/index.md"), "utf8");
  assert.match(failed.stderr, new RegExp(`content/alpha/index\\.md:${lineOf(paper, "@fig:alpha-bulk")}: unknown figure in cross-reference @fig:alpha-bulk`));
  writeFileSync(join(root, "content/alpha/index.md"), paper.replace("; the bulk is in @fig:alpha-bulk", ""));
  const beta = join(root, "content/beta/index.md");
  writeFileSync(beta, readFileSync(beta, "utf8").replace("@fig:alpha-bulk of the first", "the first"));
  const fixed = orthogonal(root, "build");
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.ok(!existsSync(join(root, "site/alpha/alpha-bulk.html")));
  assert.ok(!siteFiles(root).some((f) => f.includes("alpha-bulk")));
  assert.ok(existsSync(join(root, "site/alpha/alpha-lambda.html")));
});

test("a broken anchor, an unknown citation key or a figure directive with an unknown id fails with exit 3, file and line", () => {
  const root = built();
  const path = join(root, "content/alpha/spike.md");
  const original = readFileSync(path, "utf8");
  for (const [line, message] of [
    ["See [the proof](#nowhere).", /broken link #nowhere: no element with id "nowhere" on alpha\/index\.html/],
    ["As shown [@nobody2020].", /unknown citation key nobody2020 \(not in content\/references\.bib\)/],
    ["::figure{alpha-nothing}", /::figure\{alpha-nothing\}: unknown figure id; this paper declares alpha-lambda, alpha-bulk/],
    ["See [the other paper](../gamma/index.md).", /link to \.\.\/gamma\/index\.md: no such content file/]
  ] as const) {
    writeFileSync(path, `${original}\n${line}\n`);
    const result = orthogonal(root, "build");
    assert.equal(result.status, 3, `${line}\n${result.stderr}${result.stdout}`);
    const expectedLine = lineOf(readFileSync(path, "utf8"), line);
    assert.match(result.stderr, new RegExp(`^error: content/alpha/spike\\.md:${expectedLine}: `, "m"), result.stderr);
    assert.match(result.stderr, message);
  }
});


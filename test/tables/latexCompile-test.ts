// Every LaTeX table of the publication (quick profile) and every paper's numbers.tex compile with pdflatex in one
// small document: booktabs, each table in a table environment under its escaped caption, each number used in text
// and in math. CI installs TeX (.ci/run), so there a missing pdflatex fails; elsewhere the test is skipped with a note.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {build} from "../../src/build/build.js";
import {loadProject} from "../../src/build/project.js";
import {renderTable} from "../../src/build/renderOutputs.js";
import {escapeLatex, latexPackages, tableToLatex} from "../../src/tables/latex.js";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
const pdflatex = spawnSync("pdflatex", ["--version"], {encoding: "utf8"}).status === 0;
const skip =
  !pdflatex && process.env.CI !== "true"
    ? "pdflatex is not installed (apt-get install texlive-latex-base texlive-latex-recommended)"
    : false;

/** Every special character escapeLatex handles, and the Unicode symbols captions use. */
const specials = "Specials: \\ { } $ & % # _ ~ ^ | < > – — … λ ± × ≤ ≥ ‖w‖² 10⁻³ η̃ x₁ “quoted” café";

test("every generated LaTeX table and numbers.tex compiles with pdflatex in a small document", {skip}, async () => {
  assert.ok(pdflatex, "pdflatex is missing: CI must install texlive-latex-base and texlive-latex-recommended");
  const out = mkdtempSync(join(tmpdir(), "orthogonal-latex-"));
  const report = await build({root: packageRoot, profile: "quick", out, publish: false});
  assert.deepEqual(report.failures, []);
  const {registry, content} = await loadProject(packageRoot, "quick");

  const dir = mkdtempSync(join(tmpdir(), "orthogonal-latex-doc-"));
  const preamble: string[] = [];
  const body: string[] = [`\\section*{${escapeLatex(specials)}}`];
  for (const paper of content.papers) {
    const numbers = join(out, "figures", paper.slug, "numbers.tex");
    assert.ok(existsSync(numbers), `${paper.slug}: numbers.tex was not written`);
    copyFileSync(numbers, join(dir, `numbers-${paper.slug}.tex`));
    preamble.push(`\\input{numbers-${paper.slug}.tex}`);
  }
  for (const number of report.numbers)
    body.push(`\\texttt{${number.name}}: \\${number.name} and $x = \\${number.name}$.\\par`);
  // Headers, groups and text cells with every special character, escaped by the writer.
  writeFileSync(
    join(dir, "specials.tex"),
    tableToLatex({
      columns: [
        {key: "name", label: "name_1 & #2", group: "100% {raw}"},
        {key: "value", label: "‖w‖² ≤ 10⁻³ ~ ^", group: "100% {raw}"},
        {key: "sd", label: "λ ± σ", format: {type: "fixed", decimals: 2}}
      ],
      rows: [
        {name: specials, value: -1.5e-7, sd: {mean: 0.5, sd: 0.01}},
        {name: "$x$ \\ <y>", value: 12345.678, sd: null}
      ]
    })
  );
  body.push(
    `\\begin{table}[!ht]\n\\centering\n\\caption{${escapeLatex(specials)}}\n\\input{specials.tex}\n\\end{table}\n\\clearpage`
  );
  let tables = 0;
  for (const experiment of content.experiments) {
    const result = report.results.get(experiment.id);
    assert.ok(result, `${experiment.id} has no results`);
    for (const table of experiment.tables) {
      const [, latex] = renderTable(registry.tables[table.table], result);
      writeFileSync(join(dir, `${table.id}.tex`), latex);
      body.push(
        `\\begin{table}[!ht]\n\\centering\n\\caption{${escapeLatex(table.caption)}}\n\\label{tbl:${table.id}}\n\\input{${table.id}.tex}\n\\end{table}\n\\clearpage`
      );
      ++tables;
    }
  }
  assert.ok(tables >= 10, `expected the publication's tables, found ${tables}`);
  const document = [
    "\\documentclass{article}",
    "\\usepackage[T1]{fontenc}",
    ...latexPackages.map((name) => `\\usepackage{${name}}`),
    ...preamble,
    "\\begin{document}",
    ...body,
    "\\end{document}",
    ""
  ].join("\n");
  writeFileSync(join(dir, "tables.tex"), document);
  const started = performance.now();
  const run = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "tables.tex"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000
  });
  const seconds = (performance.now() - started) / 1000;
  const log = existsSync(join(dir, "tables.log")) ? readFileSync(join(dir, "tables.log"), "utf8") : run.stdout;
  const errors = log
    .split("\n")
    .filter((line, i, lines) => line.startsWith("!") || (i > 0 && lines[i - 1].startsWith("!")));
  assert.equal(
    run.status,
    0,
    `pdflatex failed on ${join(dir, "tables.tex")}:\n${errors.join("\n") || log.slice(-2000)}`
  );
  assert.ok(existsSync(join(dir, "tables.pdf")));
  assert.doesNotMatch(log, /Missing character/, "a character has no glyph in the font");
  assert.ok(seconds < 30, `pdflatex took ${seconds.toFixed(1)}s`);
});

// The author's path: scaffold a paper and an experiment into an empty project, build them (quick) with every claim
// holding, cite a number from a LaTeX document that compiles, change a parameter and see `orthogonal diff` name the
// number that moved, against the previous build, a build folder and a .tar.gz archive.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {latexPackages} from "../../src/tables/latex.js";
import {copyProject, orthogonal} from "../fixture.js";

const pdflatex = spawnSync("pdflatex", ["--version"]).status === 0;

function snapshot(root: string, paths: string[]): string[] {
  return paths.map((path) => readFileSync(join(root, path), "utf8"));
}

test("new paper and new experiment write a skeleton that builds with every claim passing, and refuse to overwrite", () => {
  const root = copyProject("author");
  const paper = orthogonal(
    root,
    "new",
    "paper",
    "decay",
    "--title",
    "How fast does it decay?",
    "--author",
    "B. Author"
  );
  assert.equal(paper.status, 0, paper.stderr);
  assert.match(
    paper.stdout,
    /wrote content\/decay\/index\.md\nwrote content\/decay\/01-example\.md\nwrote pipelines\/decay\/example\.ts/
  );
  const experiment = orthogonal(root, "new", "experiment", "decay", "decay-rate", "--pipeline", "rate");
  assert.equal(experiment.status, 0, experiment.stderr);
  assert.match(experiment.stdout, /wrote content\/decay\/02-decay-rate\.md/);

  const built = orthogonal(root, "build", "--profile", "quick");
  assert.equal(built.status, 0, built.stderr + built.stdout);
  assert.match(built.stdout, /failed 0; claims 2 passed, 0 failed/);
  const tex = readFileSync(join(root, "figures/decay/numbers.tex"), "utf8");
  assert.match(tex, /^\\newcommand\{\\decayExampleEstimate\}\{\\ensuremath\{0\.\d+ \\pm 0\.\d+\}\}/m);
  assert.match(tex, /^\\newcommand\{\\decayRateEstimate\}/m);
  const page = readFileSync(join(root, "site/decay/index.html"), "utf8");
  assert.match(page, /<span class="number">0\.\d+ ± 0\.\d+<\/span>/);

  const registries = [
    "pipelines/index.ts",
    "pipelines/decay/index.ts",
    "content/decay/index.md",
    "pipelines/decay/rate.ts"
  ];
  const before = snapshot(root, registries);
  for (const args of [
    ["new", "paper", "decay", "--title", "Again"],
    ["new", "experiment", "decay", "decay-rate", "--pipeline", "other"],
    ["new", "experiment", "decay", "decay-other", "--pipeline", "rate"],
    ["new", "experiment", "nope", "x", "--pipeline", "y"],
    ["new", "paper", "Bad_Slug", "--title", "x"]
  ]) {
    const refused = orthogonal(root, ...args);
    assert.equal(refused.status, 2, `${args.join(" ")}: exit ${refused.status}`);
    assert.match(refused.stderr, /^error: /);
  }
  assert.deepEqual(snapshot(root, registries), before, "a refused command wrote nothing");
});

test(
  "a scaffolded number is cited from a LaTeX document that compiles, and orthogonal diff names it when a parameter moves it",
  {skip: !pdflatex && process.env.CI !== "true" ? "pdflatex is not installed" : false},
  () => {
    const root = copyProject("author");
    assert.equal(orthogonal(root, "new", "paper", "decay", "--title", "How fast does it decay?").status, 0);
    assert.equal(orthogonal(root, "build", "--profile", "quick").status, 0);

    const paper = mkdtempSync(join(tmpdir(), "orthogonal-paper-"));
    cpSync(join(root, "figures/decay/numbers.tex"), join(paper, "numbers.tex"));
    writeFileSync(
      join(paper, "paper.tex"),
      `\\documentclass{article}\n${latexPackages.map((p) => `\\usepackage{${p}}`).join("\n")}\n\\input{numbers.tex}\n\\begin{document}\nThe estimate is \\decayExampleEstimate{} and $\\hat m = \\decayExampleEstimate$.\n\\end{document}\n`
    );
    const latex = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "paper.tex"], {
      cwd: paper,
      encoding: "utf8"
    });
    assert.equal(latex.status, 0, latex.stdout.slice(-1500));

    const saved = mkdtempSync(join(tmpdir(), "orthogonal-saved-"));
    cpSync(join(root, "figures"), join(saved, "build/figures"), {recursive: true});
    const archive = join(saved, "build.tar.gz");
    assert.equal(spawnSync("tar", ["-czf", archive, "-C", saved, "build"]).status, 0);
    const same = orthogonal(root, "diff", "--against", join(saved, "build"));
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, /nothing printed in the paper changed/);

    const file = join(root, "content/decay/01-example.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("params: {sigma: 1}", "params: {sigma: 2}"));
    assert.equal(orthogonal(root, "build", "--profile", "quick").status, 0);
    const printed = JSON.parse(readFileSync(join(root, "figures/decay/numbers.json"), "utf8")).decayExampleEstimate
      .text as string;
    for (const against of [[], ["--against", join(saved, "build")], ["--against", archive]]) {
      const diff = orthogonal(root, "diff", ...against);
      assert.equal(diff.status, 7, `${against.join(" ")}: ${diff.stderr}`);
      assert.match(
        diff.stdout,
        new RegExp(
          `^  decayExampleEstimate \\(decay-example\\): 0\\.\\d+ ± 0\\.\\d+ → ${printed.replace(/[.+]/g, "\\$&")}$`,
          "m"
        )
      );
      assert.match(diff.stdout, /^ {2}figure decay-example-convergence \(decay-example\): data changed$/m);
      assert.match(diff.stdout, /^ {2}decay-example: parameter sigma: 1 → 2$/m);
    }
    const json = JSON.parse(orthogonal(root, "diff", "--json").stdout);
    assert.deepEqual(
      json.numbers.map((n: {name: string}) => n.name),
      ["decayExampleEstimate"]
    );
    assert.equal(json.changed, true);
    assert.deepEqual(json.claims, []);
  }
);

// Numbers for the paper's text: names LaTeX can use, one point per number, printing, numbers.tex and numbers.json,
// inline {{name}} in prose, and content errors naming the file and line.
import assert from "node:assert/strict";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import type {NumberDeclaration} from "../../src/build/numbers.js";
import {evaluateNumber, latexNameProblem, normalizeNumbers, numbersJson, numbersTex} from "../../src/build/numbers.js";
import {ContentError} from "../../src/contract/error.js";
import type {PointResult} from "../../src/contract/results.js";
import {copyProject, orthogonal} from "../fixture.js";

function point(params: Record<string, number>, gamma: number, sd = 0.01, n = 4): PointResult {
  return {params, runs: [], summary: {gamma: {mean: gamma, sd, min: gamma - sd, max: gamma + sd, n}}};
}

const points = [point({alpha: 1, d: 800}, 0.6), point({alpha: 2, d: 800}, 0.7123), point({alpha: 2, d: 400}, 0.71)];

function declare(spec: Record<string, unknown>, profile = "paper"): NumberDeclaration[] {
  return normalizeNumbers(
    spec as never,
    {path: "content/p/x.md", experiment: "x", paper: "p", profile, lineOf: () => 7},
    new Map()
  );
}

test("latexNameProblem(name) accepts letters-only names and says why others cannot be LaTeX commands", () => {
  assert.equal(latexNameProblem("gammaAtTwo"), undefined);
  assert.match(latexNameProblem("gamma2")!, /letters only .* first digit, underscore/);
  assert.match(latexNameProblem("gamma_two")!, /letters only/);
  assert.match(latexNameProblem("alpha")!, /already a LaTeX command \(\\alpha\)/);
  assert.match(latexNameProblem("caption")!, /already a LaTeX command/);
  assert.match(latexNameProblem("x")!, /single letter/);
  assert.match(latexNameProblem("endValue")!, /starts with "end"/);
});

test("normalizeNumbers applies a profile's where and rejects a malformed expression with its line", () => {
  const [number] = declare(
    {gammaAtTwo: {value: "mean(gamma)", where: "alpha == 2 && d == 800", profiles: {quick: {where: "alpha == 2"}}}},
    "quick"
  );
  assert.equal(number.where, "alpha == 2");
  assert.throws(
    () => declare({gammaAtTwo: {value: "mean(gamma", where: "alpha == 2"}}),
    (error: unknown) => error instanceof ContentError && error.line === 7 && error.field === "numbers.gammaAtTwo.value"
  );
  assert.throws(
    () => declare({gamma2: {value: "gamma"}}),
    /content\/p\/x\.md:7: numbers\.gamma2: number name gamma2 is not a LaTeX command name/
  );
});

test("evaluateNumber(declaration, points) prints the one selected point, with ± where asked", () => {
  const [plain, pm, fixed] = declare({
    gammaAtTwo: {value: "mean(gamma)", where: "alpha == 2 && d == 800"},
    gammaPm: {value: "gamma", pm: "se(gamma)", where: "alpha == 2 && d == 800"},
    gammaFixed: {value: "gamma * 1e-6", where: "alpha == 1", digits: 2}
  });
  const a = evaluateNumber(plain, points);
  assert.deepEqual([a.value, a.text, a.latex, a.params], [0.7123, "0.712", "0.712", {alpha: 2, d: 800}]);
  const b = evaluateNumber(pm, points);
  assert.deepEqual([b.text, b.latex, b.pm], ["0.712 ± 0.005", "0.712 \\pm 0.005", 0.005]);
  const c = evaluateNumber(fixed, points);
  assert.deepEqual([c.text, c.html, c.latex], ["6.0×10⁻⁷", "6.0×10<sup>−7</sup>", "6.0\\times10^{-7}"]);
  assert.equal(evaluateNumber(plain, undefined).latex, "\\textbf{??}");
});

test("evaluateNumber fails with the file and line when where selects no point or several, or a name is unknown", () => {
  const [none, several, unknown] = declare({
    none: {value: "gamma", where: "alpha == 3"},
    several: {value: "gamma", where: "alpha == 2"},
    unknown: {value: "mean(beta)", where: "alpha == 1"}
  });
  assert.throws(
    () => evaluateNumber(none, points),
    /content\/p\/x\.md:7: numbers\.none\.where: alpha == 3 selects no point of x/
  );
  assert.throws(
    () => evaluateNumber(several, points),
    /numbers\.several\.where: alpha == 2 selects 2 points of x \(alpha=2 d=800; alpha=2 d=400\); a number needs exactly one/
  );
  assert.throws(() => evaluateNumber(unknown, points), /numbers\.unknown\.value: unknown output scalar beta/);
});

test("numbersTex and numbersJson write names in sorted order, one \\newcommand each, in math-safe form", () => {
  const declarations = declare({
    zetaAtOne: {value: "gamma", where: "alpha == 1"},
    gammaAtTwo: {value: "gamma", pm: "sd(gamma)", where: "alpha == 2 && d == 800"}
  });
  const numbers = declarations.map((d) => evaluateNumber(d, points));
  const tex = numbersTex({slug: "p", title: "A paper"}, numbers, declarations);
  assert.deepEqual(
    tex.split("\n").filter((line) => line.startsWith("\\newcommand")),
    [
      "\\newcommand{\\gammaAtTwo}{\\ensuremath{0.712 \\pm 0.010}} % x: gamma +- sd(gamma) where alpha == 2 && d == 800",
      "\\newcommand{\\zetaAtOne}{\\ensuremath{0.600}} % x: gamma where alpha == 1"
    ]
  );
  assert.deepEqual(Object.keys(JSON.parse(numbersJson(numbers))), ["gammaAtTwo", "zetaAtOne"]);
  assert.equal(numbersJson([...numbers].reverse()), numbersJson(numbers));
});

test("build writes numbers.tex and numbers.json, byte-identical on a forced rebuild, and the page prints them inline", () => {
  const root = copyProject("basic");
  const first = orthogonal(root, "build");
  assert.equal(first.status, 0, first.stderr);
  const tex = readFileSync(join(root, "figures/demo/numbers.tex"), "utf8");
  const json = readFileSync(join(root, "figures/demo/numbers.json"), "utf8");
  assert.match(tex, /^\\newcommand\{\\drawsPerSeed\}\{\\ensuremath\{4000\}\} % demo-mean: n where mu == 1\.5$/m);
  assert.match(tex, /^\\newcommand\{\\meanAtZero\}\{\\ensuremath\{-?0\.\d+ \\pm 0\.\d+\}\}/m);
  const printed = JSON.parse(json) as Record<string, {text: string}>;
  const page = readFileSync(join(root, "site/demo/index.html"), "utf8");
  assert.ok(page.includes(`<span class="number">${printed.meanAtZero.text}</span>`), "inline {{meanAtZero}}");
  assert.ok(page.includes(`<span class="number">4000</span>`), "inline {{drawsPerSeed}}");
  assert.equal(orthogonal(root, "build", "--force").status, 0);
  assert.equal(readFileSync(join(root, "figures/demo/numbers.tex"), "utf8"), tex);
  assert.equal(readFileSync(join(root, "figures/demo/numbers.json"), "utf8"), json);
});

test("a number selecting several points, a bad name or an unknown {{name}} stops the build with the file and line (exit 3)", () => {
  const root = copyProject("basic");
  const file = join(root, "content/demo/mean.md");
  const original = readFileSync(file, "utf8");
  const cases: [string, (text: string) => string, RegExp][] = [
    [
      "several points",
      (t) => t.replace("where: mu == 1.5}", "where: n > 0}"),
      /^error: content\/demo\/mean\.md:\d+: numbers\.drawsPerSeed\.where: n > 0 selects 2 points of demo-mean/m
    ],
    [
      "no point",
      (t) => t.replace("where: mu == 0,", "where: mu == 3,"),
      /^error: content\/demo\/mean\.md:\d+: numbers\.meanAtZero\.where: mu == 3 selects no point/m
    ],
    [
      "digit in a name",
      (t) => t.replace("meanAtZero: {", "mean0: {"),
      /^error: content\/demo\/mean\.md:\d+: numbers\.mean0: number name mean0 is not a LaTeX command name/m
    ],
    [
      "LaTeX command",
      (t) => t.replace("drawsPerSeed: {", "section: {"),
      /^error: content\/demo\/mean\.md:\d+: numbers\.section: number name section is already a LaTeX command/m
    ],
    [
      "unknown inline",
      (t) => t.replace("over {{drawsPerSeed}}", "over {{drawsPerSede}}"),
      /^error: content\/demo\/mean\.md:\d+: unknown number \{\{drawsPerSede\}\}/m
    ]
  ];
  for (const [name, edit, expected] of cases) {
    writeFileSync(file, edit(original));
    const result = orthogonal(root, "build");
    assert.equal(result.status, 3, `${name}: exit ${result.status}\n${result.stderr}`);
    assert.match(result.stderr, expected, name);
  }
  writeFileSync(file, original);
});

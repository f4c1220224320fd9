import assert from "node:assert/strict";
import {test} from "node:test";
import type {ExperimentResult} from "../../src/contract/results.js";
import type {TableFunction} from "../../src/contract/table.js";
import {tableToCsv} from "../../src/tables/csv.js";
import {escapeHtml, tableToHtml} from "../../src/tables/html.js";
import {escapeLatex, tableToLatex} from "../../src/tables/latex.js";
import {escapeMarkdown, tableToMarkdown} from "../../src/tables/markdown.js";
import {columnGroups, meanSd, normalizeTable} from "../../src/tables/table.js";
import type {Table} from "../../src/tables/table.js";
import {assertFileSnapshot} from "../snapshot.js";

/** A table module over a synthetic result: reproduced values (mean ± sd over seeds) next to published ones. */
const comparisonTable: TableFunction = (result: ExperimentResult): Table => ({
  columns: [
    {key: "model", label: "Model & variant"},
    {key: "lambda", label: "λ", latex: "$\\lambda$", format: {type: "significant", digits: 2}},
    {key: "n", label: "n", latex: "$n$", format: {type: "integer"}},
    {key: "error", label: "test error ‖ŵ − w*‖²", latex: "$\\|\\hat w - w^*\\|^2$", group: "Reproduced"},
    {key: "gap", label: "gap η̃", group: "Reproduced"},
    {key: "published", label: "test error", group: "Published", published: true},
    {key: "agrees", label: "within 2σ"}
  ],
  rows: result.points.map((point) => ({
    model: point.params.model as string,
    lambda: point.params.lambda as number,
    n: point.params.n as number,
    error: meanSd(point.summary.error),
    gap: point.summary.gap.mean,
    published: point.params.published as number | string,
    agrees: point.params.published === "n/a" ? null : point.summary.error.mean < 1
  }))
});

function summary(mean: number, sd: number) {
  return {mean, sd, min: mean - sd, max: mean + sd, n: 3};
}

const result: ExperimentResult = {
  id: "synthetic-table",
  pipeline: "test/synthetic",
  sweep: ["model"],
  points: [
    {
      params: {model: "ReLU, 50% width_1", lambda: 0.1, n: 100000, published: 0.51},
      runs: [],
      summary: {error: summary(0.51234, 0.0131), gap: summary(1.2345e-7, 0)}
    },
    {
      params: {model: 'leaky "ReLU" {α = 0.1}', lambda: -0, n: 12, published: "0.5 (Fig. 2)"},
      runs: [],
      summary: {error: summary(-1.234e-5, 2.1e-7), gap: summary(123456789, 0)}
    },
    {
      params: {model: "$5 ~ #3 ^ \\ | *x*", lambda: 1e-12, n: 7, published: "n/a"},
      runs: [],
      summary: {error: summary(3, 0), gap: summary(-0.000999, 0)}
    }
  ]
};

const table = comparisonTable(result);

test("tableToHtml(table) matches its snapshot", async () => {
  await assertFileSnapshot("comparisonTable", tableToHtml(table), "html");
});

test("tableToLatex(table) matches its snapshot", async () => {
  await assertFileSnapshot("comparisonTable", tableToLatex(table), "tex");
});

test("tableToCsv(table) matches its snapshot", async () => {
  await assertFileSnapshot("comparisonTable", tableToCsv(table), "csv");
});

test("tableToMarkdown(table) matches its snapshot", async () => {
  await assertFileSnapshot("comparisonTable", tableToMarkdown(table), "md");
});

test("tableToLatex(table) uses booktabs rules and escapes LaTeX specials", () => {
  const latex = tableToLatex(table);
  assert.match(latex, /^\\begin\{tabular\}\{lrrrrrl\}\n\\toprule\n/);
  assert.match(latex, /\\midrule\n/);
  assert.match(latex, /\\bottomrule\n\\end\{tabular\}\n$/);
  assert.match(latex, /\\multicolumn\{2\}\{c\}\{Reproduced\}/);
  assert.match(latex, /\\cmidrule\(lr\)\{4-5\}/);
  assert.match(latex, /\\\$5 \\textasciitilde\{\} \\#3 \\textasciicircum\{\} \\textbackslash\{\}/);
  assert.match(latex, /ReLU, 50\\% width\\_1/);
  assert.match(latex, /\$\(-1\.23 \\pm 0\.02\)\\times10\^\{-5\}\$/);
  assert.doesNotMatch(latex, /\\num|\\SI/);
  assert.equal(escapeLatex("a & b_1 λ² η̃ 10⁻³ x₁"), "a \\& b\\_1 $\\lambda^{2}$ $\\tilde{\\eta}$ 10$^{-3}$ x$_{1}$");
});

test("tableToCsv(table) follows RFC 4180 and keeps full precision", () => {
  const csv = tableToCsv(table);
  const lines = csv.split("\r\n");
  assert.equal(lines.at(-1), "");
  assert.equal(lines[0], "model,lambda,n,error,error_sd,gap,published,agrees");
  assert.equal(lines[1], '"ReLU, 50% width_1",0.1,100000,0.51234,0.0131,1.2345e-7,0.51,true');
  assert.equal(lines[2], '"leaky ""ReLU"" {α = 0.1}",0,12,-0.00001234,2.1e-7,123456789,0.5 (Fig. 2),true');
  assert.ok(!csv.replace(/\r\n/g, "").includes("\n"));
});

test("tableToHtml(table) escapes text, marks numbers and published columns", () => {
  const html = tableToHtml(table);
  assert.match(html, /<th colspan="2" class="group" scope="colgroup">Reproduced<\/th>/);
  assert.match(html, /<td>leaky &quot;ReLU&quot; \{α = 0\.1\}<\/td>/);
  assert.match(html, /<td class="num published" style="text-align: right">0\.510<\/td>/);
  assert.match(html, /\(−1\.23 ± 0\.02\)×10<sup>−5<\/sup>/);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

test("tableToMarkdown(table) escapes pipes and emphasis", () => {
  assert.equal(escapeMarkdown("a | *b* _c_ \\"), "a \\| \\*b\\* \\_c\\_ \\\\");
  assert.match(tableToMarkdown(table), /\| ---: \|/);
});

test("normalizeTable(table) fills defaults and rejects invalid tables", () => {
  const normalized = normalizeTable({
    columns: [
      {key: "a", label: "A"},
      {key: "b", label: "B"}
    ],
    rows: [{a: "x"}, {a: "y", b: 2}]
  });
  assert.deepEqual(normalized.columns[0].format, {type: "text"});
  assert.equal(normalized.columns[0].align, "left");
  assert.deepEqual(normalized.columns[1].format, {type: "significant", digits: 3});
  assert.equal(normalized.columns[1].align, "right");
  assert.equal(normalized.rows[0].b, null);
  assert.throws(() => normalizeTable({columns: [{key: "a", label: "A"}], rows: [{a: NaN}]}), /row 0, column a: NaN/);
  assert.throws(() => normalizeTable({columns: [{key: "a", label: "A"}], rows: [{a: {mean: 1, sd: -1}}]}), /sd is -1/);
  assert.throws(() => normalizeTable({columns: [{key: "a", label: "A"}], rows: [{b: 1}]}), /unknown column b/);
  assert.throws(
    () =>
      normalizeTable({
        columns: [
          {key: "a", label: "A"},
          {key: "a", label: "A"}
        ],
        rows: []
      }),
    /duplicate/
  );
  assert.throws(
    () => normalizeTable({columns: [{key: "a", label: "A", format: {type: "text"}}], rows: [{a: 1}]}),
    /text but holds numbers/
  );
  assert.throws(() => normalizeTable({columns: [], rows: []}), /at least one column/);
});

test("columnGroups(columns) splits columns into runs of equal group", () => {
  assert.deepEqual(columnGroups([{key: "a", label: ""}]), []);
  assert.deepEqual(columnGroups(table.columns), [
    {group: null, start: 0, span: 3},
    {group: "Reproduced", start: 3, span: 2},
    {group: "Published", start: 5, span: 1},
    {group: null, start: 6, span: 1}
  ]);
});

import assert from "node:assert/strict";
import {test} from "node:test";
import {fixedCreationDate, prepareSvg, renderPdf} from "../../src/render/pdf.js";
import {renderSvg} from "../../src/render/svg.js";
import {plotSynthetic, syntheticContext, syntheticResult} from "./fixture.js";

function syntheticSvg(): string {
  const context = syntheticContext();
  return renderSvg(plotSynthetic(syntheticResult(), context), context);
}

test("renderPdf(svg) writes a one-page PDF of the figure's size in pt", async () => {
  const context = syntheticContext();
  const pdf = (await renderPdf(syntheticSvg(), context)).toString("latin1");
  assert.ok(pdf.startsWith("%PDF-"));
  assert.ok(pdf.trimEnd().endsWith("%%EOF"));
  assert.equal(pdf.match(/\/Type \/Page\n/g)?.length, 1);
  assert.match(pdf, new RegExp(`/MediaBox \\[0 0 ${context.width} ${context.height}\\]`));
});

test("renderPdf(svg) embeds the bundled font and draws text with it", async () => {
  const pdf = (await renderPdf(syntheticSvg(), syntheticContext())).toString("latin1");
  assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  assert.match(pdf, /\/FontFile2 /);
  assert.match(pdf, /\/ToUnicode /);
  assert.doesNotMatch(pdf, /Helvetica/);
  assert.ok((pdf.match(/ Tj\n/g)?.length ?? 0) > 50, "text drawing operators");
  assert.match(pdf, /\bW n\b|\nW\nn\n/, "clip path");
});

test("renderPdf(svg) is byte-identical across renders, with a fixed date and a content-derived ID", async () => {
  const svg = syntheticSvg();
  const context = syntheticContext();
  const a = await renderPdf(svg, context);
  const b = await renderPdf(svg, context);
  assert.ok(a.equals(b));
  const text = a.toString("latin1");
  assert.equal(fixedCreationDate.getTime(), 0);
  assert.match(text, /\(D:19700101000000Z\)/);
  const id = /\/ID \[<([0-9a-f]+)>/.exec(text)?.[1];
  const other = /\/ID \[<([0-9a-f]+)>/.exec(
    (await renderPdf(svg.replace("theory", "Theory"), context)).toString("latin1")
  )?.[1];
  assert.ok(id && other && id !== other);
});

test("renderPdf(svg) rejects an invalid size", async () => {
  await assert.rejects(() => renderPdf(syntheticSvg(), {width: 0, height: 100}), /invalid figure size/);
});

test("prepareSvg(svg) drops the attributes svg-to-pdfkit does not know", () => {
  const svg = prepareSvg('<g aria-label="x" aria-hidden="true" font-variant="tabular-nums" fill="red"/>');
  assert.equal(svg, '<g fill="red"/>');
});

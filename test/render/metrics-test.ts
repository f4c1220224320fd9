import assert from "node:assert/strict";
import {test} from "node:test";
import PDFDocument from "pdfkit";
import {advanceWidth, tabulatedCodePoints, textWidth, unitsPerEm} from "../../src/render/metrics.js";
import {fontPath} from "../../src/render/theme.js";

test("advanceWidth(codePoint) matches the bundled font file for every tabulated character", () => {
  const doc = new PDFDocument({autoFirstPage: false});
  doc.font(fontPath()).fontSize(unitsPerEm);
  const codePoints = tabulatedCodePoints();
  assert.ok(codePoints.length > 250);
  for (const code of codePoints) {
    const expected = doc.widthOfString(String.fromCodePoint(code));
    assert.ok(
      Math.abs(advanceWidth(code)! - expected) < 1e-6,
      `U+${code.toString(16)}: ${advanceWidth(code)} ≠ ${expected}`
    );
  }
});

test("textWidth(text, fontSize) sums advances, ignoring combining marks", () => {
  assert.equal(textWidth("", 8), 0);
  assert.equal(textWidth("0.0", 2048), 1303 + 651 + 1303);
  assert.equal(textWidth("η̃", 10), textWidth("η", 10));
  assert.equal(textWidth("𝑥", 2048), advanceWidth(0x6e));
  const doc = new PDFDocument({autoFirstPage: false});
  doc.font(fontPath()).fontSize(8);
  const label = "simulation (λ = 0.1), mean ± sd";
  assert.ok(Math.abs(textWidth(label, 8) - doc.widthOfString(label)) / doc.widthOfString(label) < 0.02);
});

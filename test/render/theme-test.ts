import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {test} from "node:test";
import {figureSize} from "../../src/contract/figure.js";
import type {FigureWidth} from "../../src/contract/figure.js";
import {
  categorical,
  fontPath,
  formatPowerOfTen,
  okabeIto,
  paperPlot,
  seriesColor,
  superscript,
  theme
} from "../../src/render/theme.js";

test("figureSize(width) gives single- and double-column sizes at 72 px per inch", () => {
  assert.deepEqual(figureSize("single"), {width: 240, height: 180});
  assert.deepEqual(figureSize("double"), {width: 500, height: 220});
  assert.ok(Math.abs(figureSize("single").width / 72 - 3.3) < 0.1);
  assert.ok(Math.abs(figureSize("double").width / 72 - 6.9) < 0.1);
  assert.throws(() => figureSize("triple" as FigureWidth), /invalid figure width: triple/);
});

test("theme uses the bundled font and the Okabe–Ito palette", () => {
  assert.ok(existsSync(fontPath()));
  assert.equal(theme.fontFamily, "DejaVu Sans");
  assert.equal(new Set(theme.palette).size, 8);
  for (const color of theme.palette) assert.ok((Object.values(okabeIto) as string[]).includes(color));
  assert.equal(seriesColor(0), okabeIto.blue);
  assert.equal(seriesColor(8), seriesColor(0));
  assert.deepEqual(categorical(["a", "b"]), {
    type: "ordinal",
    domain: ["a", "b"],
    range: [okabeIto.blue, okabeIto.vermillion]
  });
});

test("paperPlot(context, options) applies the theme's axes and the figure size, keeping the module's options", () => {
  const options = paperPlot(
    {theme, width: 240, height: 180},
    {width: 1000, marginLeft: 60, y: {label: "error", tickSize: 5}}
  );
  assert.equal(options.width, 240);
  assert.equal(options.height, 180);
  assert.equal(options.marginLeft, 60);
  assert.equal(options.marginBottom, theme.margin.bottom);
  assert.deepEqual(options.y, {labelArrow: "none", labelAnchor: "center", tickSize: 5, line: true, label: "error"});
  assert.equal(options.x?.labelArrow, "none");
});

test("formatPowerOfTen(value) labels powers of ten with superscripts and leaves other ticks blank", () => {
  assert.equal(formatPowerOfTen(1e-3), "10⁻³");
  assert.equal(formatPowerOfTen(1), "1");
  assert.equal(formatPowerOfTen(10), "10");
  assert.equal(formatPowerOfTen(1e12), "10¹²");
  assert.equal(formatPowerOfTen(20), "");
  assert.equal(formatPowerOfTen(0), "");
  assert.equal(superscript(-12), "⁻¹²");
  assert.throws(() => superscript(0.5), /integer/);
});

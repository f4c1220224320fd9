import assert from "node:assert/strict";
import {test} from "node:test";
import {comparePng, pngMatches, pngPixelsHash, pngScale, pngSize, renderPng} from "../../src/render/png.js";
import {renderSvg} from "../../src/render/svg.js";
import {theme} from "../../src/render/theme.js";
import {assertFileSnapshot} from "../snapshot.js";
import {plotSynthetic, syntheticContext, syntheticResult} from "./fixture.js";

function syntheticSvg(): string {
  const context = syntheticContext();
  return renderSvg(plotSynthetic(syntheticResult(), context), context);
}

function textSvg(fontFamily: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="24" viewBox="0 0 160 24">` +
    `<text x="4" y="16" font-family="${fontFamily}" font-size="12">λ ‖w‖² −0.5 Aa</text></svg>`
  );
}

test("renderPng(svg) matches the snapshot by decoded pixels, within Plot's tolerances", async () => {
  const png = await renderPng(syntheticSvg());
  await assertFileSnapshot("syntheticFigure", png, "png", async (expected, actual) =>
    pngMatches(await comparePng(expected, actual))
  );
});

test("renderPng(svg) renders at twice the SVG's size", async () => {
  const context = syntheticContext();
  const size = await pngSize(await renderPng(syntheticSvg()));
  assert.deepEqual(size, {width: pngScale * context.width, height: pngScale * context.height});
  assert.equal(pngScale, 2);
});

test("renderPng(svg) gives the same pixels twice", async () => {
  const svg = syntheticSvg();
  const [a, b] = await Promise.all([renderPng(svg), renderPng(svg)]);
  assert.equal(await pngPixelsHash(a), await pngPixelsHash(b));
  assert.deepEqual(await comparePng(a, b), {p95: 0, mean: 0, max: 0});
});

test("renderPng(svg) sees only the bundled font: any family renders as DejaVu Sans", async () => {
  const bundled = await renderPng(textSvg("DejaVu Sans"));
  for (const family of ["serif", "monospace", "Liberation Serif", "system-ui"]) {
    assert.equal(await pngPixelsHash(await renderPng(textSvg(family))), await pngPixelsHash(bundled), family);
  }
  assert.match(process.env.FONTCONFIG_FILE ?? "", /\/fonts\/fonts\.conf$/);
});

test("renderPng(svg) flattens onto the theme's background", async () => {
  const png = await renderPng(textSvg("DejaVu Sans"), theme);
  const {default: sharp} = await import("sharp");
  const {data, info} = await sharp(png).ensureAlpha().raw().toBuffer({resolveWithObject: true});
  assert.deepEqual([...data.subarray(0, 4)], [255, 255, 255, 255]);
  assert.equal(info.channels, 4);
});

test("comparePng(a, b) measures pixel differences and rejects different sizes", async () => {
  const a = await renderPng(textSvg("DejaVu Sans"));
  const b = await renderPng(textSvg("DejaVu Sans").replace("−0.5", "+0.5"));
  const errors = await comparePng(a, b);
  assert.ok(errors.max > 100 && errors.mean > 0, JSON.stringify(errors));
  assert.equal(pngMatches(errors), false);
  const c = await renderPng(syntheticSvg());
  await assert.rejects(() => comparePng(a, c), /image sizes differ/);
});

test("pngPixelsHash(png) depends on pixels, not on PNG compression", async () => {
  const png = await renderPng(textSvg("DejaVu Sans"));
  const {default: sharp} = await import("sharp");
  const recompressed = await sharp(png).png({compressionLevel: 1}).toBuffer();
  assert.notDeepEqual(recompressed, png);
  assert.equal(await pngPixelsHash(recompressed), await pngPixelsHash(png));
});

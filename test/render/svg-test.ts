import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import * as Plot from "@observablehq/plot";
import {figureSize} from "../../src/contract/figure.js";
import {legend} from "../../src/render/legend.js";
import {renderSvg} from "../../src/render/svg.js";
import {theme} from "../../src/render/theme.js";
import {assertFileSnapshot} from "../snapshot.js";
import {plotSynthetic, syntheticContext, syntheticResult} from "./fixture.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

function renderSynthetic(options: {inline?: boolean; idPrefix?: string} = {}): string {
  const context = syntheticContext();
  return renderSvg(plotSynthetic(syntheticResult(), context), {...context, ...options});
}

/** Renders an unrelated figure with a clip path, which advances Plot's process-wide id counters. */
function renderOther(): string {
  return renderSvg(
    {
      marks: [
        Plot.lineY([3, 1, 4, 1, 5], {clip: true}),
        Plot.dot([1, 2], {x: (d: number) => d, y: (d: number) => d, clip: true})
      ]
    },
    {width: 100, height: 80, theme}
  );
}

test("renderSvg(plot) matches the snapshot of the synthetic figure", async () => {
  await assertFileSnapshot("syntheticFigure", renderSynthetic(), "svg");
});

test("renderSvg(plot) is byte-identical however many figures were rendered before", () => {
  const first = renderSynthetic();
  for (let i = 0; i < 5; ++i) renderOther();
  assert.equal(renderSynthetic(), first);
});

test("renderSvg(plot) is byte-identical in a separate process", () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "test/render/printFixture.ts"], {
    cwd: root,
    encoding: "utf8"
  });
  assert.equal(child.status, 0, child.stderr);
  renderOther();
  assert.equal(child.stdout, renderSynthetic());
});

test("renderSvg(plot) writes a standalone SVG: namespaces, viewBox, size, bundled font, explicit colours", () => {
  const svg = renderSynthetic();
  const {width, height} = figureSize("single");
  const open = /^<svg [^>]*>/.exec(svg)?.[0] ?? "";
  assert.match(open, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(open, /xmlns:xlink="http:\/\/www\.w3\.org\/1999\/xlink"/);
  assert.match(open, new RegExp(`viewBox="0 0 ${width} ${height}"`));
  assert.match(open, new RegExp(` width="${width}" height="${height}"`));
  assert.match(open, /font-family="DejaVu Sans, sans-serif"/);
  assert.match(open, /font-size="8"/);
  assert.match(open, /fill="#000000"/);
  assert.doesNotMatch(svg, /currentColor/i);
  assert.doesNotMatch(svg, /var\(/);
  assert.doesNotMatch(svg, /class="plot-/);
  assert.match(svg, /<style>text, tspan \{ white-space: pre; \}<\/style>/);
  assert.doesNotMatch(svg, /<figure|<div|<h2/);
  assert.ok(svg.endsWith("</svg>\n"));
});

test("renderSvg(plot) numbers clip paths per file and points references at them", () => {
  for (let i = 0; i < 3; ++i) renderOther();
  const svg = renderSynthetic();
  const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(ids, ["plot-clip-1"]);
  const references = [...svg.matchAll(/clip-path="url\(#([^)]+)\)"/g)].map((match) => match[1]);
  assert.ok(references.length > 0);
  assert.deepEqual([...new Set(references)], ["plot-clip-1"]);
});

test("renderSvg(plot) rounds numbers in attributes to at most 3 decimals", () => {
  const svg = renderSynthetic();
  const attributes = [...svg.matchAll(/ ([a-z:-]+)="([^"]*)"/g)].filter(([, name]) => !/^(aria-|xmlns)/.test(name));
  assert.ok(attributes.length > 100);
  for (const [, name, value] of attributes) assert.doesNotMatch(value, /\d\.\d{4,}|\de-\d/, `${name}="${value}"`);
});

test("renderSvg(plot) draws the legend inside the SVG, within the frame", () => {
  const svg = renderSynthetic();
  assert.match(svg, /<text [^>]*>theory 1\/√n \+ 0\.02<\/text>/);
  assert.match(svg, /<text [^>]*>simulation \(λ = 0\.1\), mean ± sd<\/text>/);
  assert.match(svg, />test error ‖ŵ − w\*‖²<\/text>/);
  assert.match(svg, />10²<\/text>/);
});

test("legend(items) places its box inside the frame for every anchor", () => {
  const {width, height} = figureSize("single");
  for (const anchor of ["top-left", "top-right", "bottom-left", "bottom-right"] as const) {
    const svg = renderSvg(
      {
        marginLeft: 40,
        marginRight: 10,
        marginTop: 10,
        marginBottom: 30,
        marks: [
          Plot.frame(),
          legend([{label: "a long legend label", color: theme.palette[0], kind: "line+point"}], {anchor})
        ]
      },
      {width, height, theme}
    );
    // The background box is a rect path translated to the anchor corner plus the group's offset.
    const group =
      /<g aria-label="dot" fill="#FFFFFF" fill-opacity="0\.85" transform="translate\(([-\d.]+),([-\d.]+)\)">\s*<path transform="translate\(([-\d.]+),([-\d.]+)\)" d="M([-\d.]+),([-\d.]+)h([\d.]+)v([\d.]+)/.exec(
        svg
      );
    assert.ok(group, `${anchor}: legend box not found`);
    const [dx, dy, x, y, left, top, w, h] = group.slice(1).map(Number);
    const x0 = x + dx + left;
    const y0 = y + dy + top;
    assert.ok(x0 >= 40 && x0 + w <= width - 10, `${anchor}: x ${x0}…${x0 + w}`);
    assert.ok(y0 >= 10 && y0 + h <= height - 30, `${anchor}: y ${y0}…${y0 + h}`);
  }
});

test("renderSvg(plot) throws, naming legend(), when Plot returns a <figure>", () => {
  const context = syntheticContext();
  assert.throws(() => renderSvg({title: "A title", marks: [Plot.dot([1, 2, 3])]}, context), /<figure>.*legend\(\)/s);
  assert.throws(
    () =>
      renderSvg(
        {color: {legend: true}, marks: [Plot.dot(["a", "b"], {x: (d: string) => d, fill: (d: string) => d})]},
        context
      ),
    /<figure>/
  );
});

test("renderSvg(plot) overrides the plot's width and height with the figure size", () => {
  const svg = renderSvg({width: 999, height: 999, marks: [Plot.frame()]}, {width: 120, height: 90, theme});
  assert.match(svg, /width="120" height="90" viewBox="0 0 120 90"/);
});

test("renderSvg(plot, {inline: true}) keeps currentColor and Plot's scoped style, with prefixed ids", () => {
  const svg = renderSynthetic({inline: true, idPrefix: "fig-3"});
  assert.match(svg, /^<svg [^>]*class="plot-d6a7b5"/);
  assert.match(svg, /fill="currentColor"/);
  assert.match(svg, /stroke="var\(--plot-background\)"/);
  assert.match(svg, /:where\(\.plot-d6a7b5\)/);
  assert.match(svg, / id="fig-3-clip-1"/);
  assert.match(svg, /clip-path="url\(#fig-3-clip-1\)"/);
  assert.doesNotMatch(svg, /plot-clip/);
});

// Figures made fit for inlining: ids prefixed per figure (with every reference to them), root labelled for
// assistive technology, the theme's explicit ink and background turned back into page colours.
import assert from "node:assert/strict";
import {test} from "node:test";
import {theme} from "../../src/render/theme.js";
import {figureHtml, followPageColors, inlineSvg, tableHtml} from "../../src/site/figure.js";
import type {PlacedItem} from "../../src/site/figure.js";

const svg = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made by a renderer -->
<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180" fill="${theme.ink}" aria-label="old">
  <defs><clipPath id="plot-clip-1"><rect width="10" height="10"/></clipPath></defs>
  <g clip-path="url(#plot-clip-1)" aria-labelledby="plot-title"><use href="#plot-clip-1"/><use xlink:href="#elsewhere"/></g>
  <title id="plot-title">t</title>
  <rect fill="${theme.background}" stroke="${theme.ink}" style="color: ${theme.ink}"/>
  <rect fill="#0072B2"/>
</svg>`;

test("inlineSvg(svg, prefix, alt) drops the prolog, prefixes ids and their references, and labels the root", () => {
  const out = inlineSvg(svg, "fig-a", 'A "quoted" description');
  assert.ok(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180" fill="'));
  assert.match(out, / viewBox="0 0 240 180" role="img" aria-label="A &quot;quoted&quot; description" focusable="false">/);
  assert.doesNotMatch(out, /<\?xml|<!--|aria-label="old"/);
  assert.match(out, /<clipPath id="fig-a-plot-clip-1">/);
  assert.match(out, /clip-path="url\(#fig-a-plot-clip-1\)" aria-labelledby="fig-a-plot-title"><use href="#fig-a-plot-clip-1"\/><use xlink:href="#elsewhere"\/>/);
  assert.match(out, /<title id="fig-a-plot-title">/);
});

test("followPageColors(svg) turns the theme's ink into currentColor and its background into var(--plot-background)", () => {
  const out = followPageColors(svg);
  assert.match(out, /<svg [^>]*fill="currentColor"/);
  assert.match(out, /<rect fill="var\(--plot-background\)" stroke="currentColor" style="color: currentColor"\/>/);
  assert.match(out, /<rect fill="#0072B2"\/>/);
});

const item: PlacedItem = {kind: "figure", id: "fig-a", label: "Figure 3", caption: "A <em>caption</em>.", href: "fig-a.html", width: "double", alt: "Alt text.", body: "<svg></svg>", command: "npx orthogonal build --only e"};

test("figureHtml(item) numbers the caption and links it to the figure's page; on that page the alt text is shown", () => {
  const placed = figureHtml(item);
  assert.match(placed, /^<figure class="figure figure--double" id="fig-a">/);
  assert.match(placed, /<figcaption><a class="item-label" href="fig-a\.html">Figure 3<\/a> A <em>caption<\/em>\. <a class="item-details" href="fig-a\.html" aria-label="Data and code of Figure 3">Data and code<\/a><\/figcaption>/);
  const own = figureHtml(item, {anchor: false});
  assert.match(own, /^<figure class="figure figure--double">/);
  assert.match(own, /<figcaption><span class="item-label">Figure 3<\/span> A <em>caption<\/em>\.<\/figcaption>/);
  assert.match(own, /<details class="alt-text"><summary>Text description<\/summary><p>Alt text\.<\/p><\/details>/);
  assert.match(figureHtml({...item, body: undefined}), /Not built yet: run <code>npx orthogonal build --only e<\/code>/);
});

test("tableHtml(item) puts the caption above the table, in a labelled box that scrolls sideways", () => {
  const html = tableHtml({...item, kind: "table", label: "Table 1", body: "<table></table>\n"});
  assert.match(html, /^<figure class="table-figure" id="fig-a">\n<figcaption id="fig-a-caption">/);
  assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-labelledby="fig-a-caption">\n<table><\/table>\n<\/div>/);
});

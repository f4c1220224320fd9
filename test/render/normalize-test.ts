import assert from "node:assert/strict";
import {test} from "node:test";
import {JSDOM} from "jsdom";
import {formatFixed, renumberIds, roundNumbers, serializeSvg} from "../../src/render/normalize.js";

function svgElement(markup: string): Element {
  const {document} = new JSDOM("").window;
  const container = document.createElement("div");
  container.innerHTML = markup;
  return container.firstElementChild!;
}

test("roundNumbers(value) rounds long decimals and exponents to 3 places, leaving integers and colours", () => {
  assert.equal(roundNumbers("translate(153.56735564286234,130)"), "translate(153.567,130)");
  assert.equal(roundNumbers("M40.12345,56L1.23456-2.34567Z"), "M40.123,56L1.235-2.346Z");
  assert.equal(roundNumbers("M1.5,2.25L3.125,4"), "M1.5,2.25L3.125,4");
  assert.equal(roundNumbers("#56B4E9"), "#56B4E9");
  assert.equal(roundNumbers("fill:#4E9ABC;opacity:0.123456"), "fill:#4E9ABC;opacity:0.123");
  assert.equal(roundNumbers("url(#plot-clip-12)"), "url(#plot-clip-12)");
  assert.equal(roundNumbers("0.71em"), "0.71em");
  assert.equal(roundNumbers("1e-7"), "0");
  assert.equal(roundNumbers("-0.0001"), "0");
  assert.equal(roundNumbers("2.5e-3"), "0.003");
});

test("formatFixed(x) writes at most 3 decimals without trailing zeros or −0", () => {
  assert.equal(formatFixed(100), "100");
  assert.equal(formatFixed(100, 0), "100");
  assert.equal(formatFixed(-0), "0");
  assert.equal(formatFixed(-0.0004), "0");
  assert.equal(formatFixed(2.5), "2.5");
  assert.equal(formatFixed(1 / 3), "0.333");
  assert.throws(() => formatFixed(NaN), /NaN/);
});

test("renumberIds(svg) numbers Plot's ids per kind in document order and rewrites references", () => {
  const svg = svgElement(
    `<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="plot-clip-7"/><clipPath id="plot-clip-9"/>` +
      `<g clip-path="url(#plot-clip-9)"/><g clip-path="url(#plot-clip-7)"/><pattern id="plot-pattern-4"/>` +
      `<rect fill="url(#plot-pattern-4)"/><use href="#plot-clip-7"/><g id="mine"/></svg>`
  );
  renumberIds(svg, "fig");
  const ids = [...svg.querySelectorAll("[id]")].map((element) => element.id);
  assert.deepEqual(ids, ["fig-clip-1", "fig-clip-2", "fig-pattern-1", "mine"]);
  assert.deepEqual(
    [...svg.querySelectorAll("g[clip-path]")].map((element) => element.getAttribute("clip-path")),
    ["url(#fig-clip-2)", "url(#fig-clip-1)"]
  );
  assert.equal(svg.querySelector("rect")!.getAttribute("fill"), "url(#fig-pattern-1)");
  assert.equal(svg.querySelector("use")!.getAttribute("href"), "#fig-clip-1");
});

test("serializeSvg(svg) writes indented XML with namespaces, escaping, and text kept on one line", () => {
  const svg = svgElement(
    `<svg xmlns="http://www.w3.org/2000/svg" width="10" aria-label="a &lt; b"><g transform="translate(1.23456,0)">` +
      `<text x="1">a &amp; b <tspan>λ</tspan></text><path d="M0,0"></path></g></svg>`
  );
  assert.equal(
    serializeSvg(svg),
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" aria-label="a &lt; b">\n` +
      `  <g transform="translate(1.235,0)">\n` +
      `    <text x="1">a &amp; b <tspan>λ</tspan></text>\n` +
      `    <path d="M0,0"/>\n` +
      `  </g>\n` +
      `</svg>\n`
  );
  assert.throws(() => serializeSvg(svgElement("<div></div>")), /expected an <svg>/);
});

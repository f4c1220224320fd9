// Raw HTML in prose and captions: allowed markup is kept as written, KaTeX output is untouched, and every blocked
// construct (script, event handlers, javascript: links quoted or not, outside images, srcset, poster, style) is a
// ContentError naming the file and line (or the caption's field).
import assert from "node:assert/strict";
import {test} from "node:test";
import {ContentError} from "../../src/contract/error.js";
import {checkLinks} from "../../src/site/links.js";
import {createMarkdown, parseProse, renderInline, renderProse} from "../../src/site/markdown.js";
import type {ProseContext} from "../../src/site/markdown.js";
import {blockedHtml} from "../../src/site/sanitize.js";

const md = createMarkdown();

function context(): ProseContext {
  return {
    page: "p/index.html",
    reference: () => undefined,
    cite: () => undefined,
    contentPage: () => undefined,
    slug: (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    place: () => "",
    number: () => undefined,
    macros: {},
    links: []
  };
}

function render(body: string): string {
  return renderProse(md, parseProse(md, {file: "content/p/x.md", bodyLine: 10, body, headingLevel: 2}), context());
}

function blocked(body: string, line: number, detail: RegExp): void {
  assert.throws(
    () => render(body),
    (error: unknown) =>
      error instanceof ContentError && error.file === "content/p/x.md" && error.line === line && detail.test(error.detail),
    body
  );
}

test("renderProse keeps allowed raw HTML and KaTeX math as written", () => {
  const html = render('Inline $x^2 + \\sqrt{y}$ and <span class="note">a <em>note</em></span>.\n\n<details><summary>More</summary>\n\n$$\\int_0^1 f(x)\\,dx$$\n\n</details>\n');
  assert.match(html, /<span class="note">a <em>note<\/em><\/span>/);
  assert.match(html, /<span class="katex">/);
  assert.match(html, /<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"/);
  assert.match(html, /<annotation encoding="application\/x-tex">/);
  assert.match(html, /<details><summary>More<\/summary>/);
});

test("renderProse reports blocked raw HTML as a ContentError with the line", () => {
  blocked("Text.\n\n<script>alert(1)</script>\n", 12, /raw HTML: <script> is not allowed/);
  blocked("A picture <img src=x onerror=alert(1)> here.", 10, /attribute onerror of <img>/);
  blocked("Line one\nand <a href=javascript:alert(1)>a link</a>.", 11, /javascript:alert\(1\).*not an allowed link/);
  blocked("<img src=https://evil.example/x.png>", 10, /would load from outside the site/);
  blocked("<img src=\"a.png\" srcset=\"https://evil.example/b.png 2x\">", 10, /attribute srcset/);
  blocked("<video poster=x.png></video>", 10, /<video> is not allowed/);
  blocked("<span style=\"background:url(https://evil.example/x)\">x</span>", 10, /attribute style/);
  blocked("![x](https://evil.example/x.png)", 10, /image https:\/\/evil.example\/x.png would load from outside the site/);
});

test("renderInline reports blocked HTML in a caption with the file and field", () => {
  assert.throws(
    () => renderInline(md, "A caption <img src=x onerror=alert(1)>", {file: "content/p/x.md", field: "figures.0.caption"}, context()),
    (error: unknown) => error instanceof ContentError && error.field === "figures.0.caption" && /onerror/.test(error.detail)
  );
});

test("blockedHtml(html) checks unbalanced fragments tag by tag", () => {
  assert.equal(blockedHtml('<span class="x">'), undefined);
  assert.equal(blockedHtml("</span>"), undefined);
  assert.equal(blockedHtml("<!-- a comment -->"), undefined);
  assert.match(blockedHtml("<iframe src=x></iframe>")!, /<iframe>/);
});

test("the site check sees single-quoted and unquoted attributes that load from outside", () => {
  for (const tag of ["<img src=https://evil.example/x.png>", "<img src='https://evil.example/x.png'>"]) {
    const files = new Map<string, string | Uint8Array>([["index.html", `<!doctype html><p>${tag}</p>`]]);
    assert.throws(() => checkLinks(files, []), /would load from outside the site/, tag);
  }
});

// The link checker: broken links and anchors written in prose fail with the content file and line; broken links
// of the templates, resources from outside the site, missing CSS files and duplicate ids fail the build too.
import assert from "node:assert/strict";
import {test} from "node:test";
import {ContentError} from "../../src/contract/error.js";
import {checkLinks} from "../../src/site/links.js";
import type {SourceLink} from "../../src/site/markdown.js";
import {relativeHref, resolveHref} from "../../src/site/paths.js";

const page = (body: string) => `<!doctype html><html><head><link rel="stylesheet" href="../assets/style.css"></head><body>${body}</body></html>`;

function site(extra: Record<string, string> = {}): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ["index.html", `<!doctype html><link rel="stylesheet" href="assets/style.css"><main id="main"><a href="demo/index.html#intro">paper</a><a href="https://example.org">out</a></main>`],
    ["demo/index.html", page(`<h1 id="intro">Demo</h1><a href="#intro">top</a><a href="../index.html">home</a><a href="data/x.json" download>x</a><svg><use href="#dot"/><circle id="dot"/></svg>`)],
    ["demo/data/x.json", "{}"],
    ["assets/style.css", "body{background:url(data:image/png;base64,AAAA)}"],
    ...Object.entries(extra)
  ]);
}

const link = (href: string, line = 12): SourceLink => ({page: "demo/index.html", href, file: "content/demo/index.md", line});

test("checkLinks(site) accepts relative links, anchors, downloads, external links and data URLs", () => {
  checkLinks(site(), [link("#intro"), link("../index.html"), link("data/x.json")]);
});

test("checkLinks(site) names the content file and line of a broken prose link or anchor", () => {
  for (const [href, detail] of [
    ["missing.html", /broken link missing\.html: no such file in the site \(demo\/missing\.html\)/],
    ["#nowhere", /broken link #nowhere: no element with id "nowhere" on demo\/index\.html/],
    ["../index.html#nope", /no element with id "nope" on index\.html/],
    ["../../outside.html", /leaves the site folder/]
  ] as const) {
    assert.throws(
      () => checkLinks(site(), [link(href, 7)]),
      (error: unknown) => error instanceof ContentError && error.file === "content/demo/index.md" && error.line === 7 && detail.test(error.detail),
      href
    );
  }
});

test("checkLinks(site) fails on broken template links, outside resources, missing CSS files and duplicate ids", () => {
  const fails = (extra: Record<string, string>, message: RegExp) => assert.throws(() => checkLinks(site(extra), []), message);
  fails({"demo/a.html": page(`<a href="b.html">b</a>`)}, /site\/demo\/a\.html: broken link b\.html: no such file/);
  fails({"demo/a.html": page(`<img src="https://cdn.example.org/x.png" alt="x">`)}, /<img src="https:\/\/cdn\.example\.org\/x\.png"> would load from outside the site/);
  fails({"demo/a.html": page(`<a href="/index.html">root</a>`)}, /absolute link \/index\.html/);
  fails({"assets/katex.css": "@font-face{src:url(fonts/KaTeX_Main.woff2)}"}, /site\/assets\/katex\.css: url\(fonts\/KaTeX_Main\.woff2\): no such file/);
  fails({"demo/a.html": page(`<p id="x"></p><p id="x"></p>`)}, /site\/demo\/a\.html: duplicate id x/);
});

test("relativeHref(from, to) and resolveHref(from, href) are inverse for site paths", () => {
  assert.equal(relativeHref("demo/index.html", "assets/style.css"), "../assets/style.css");
  assert.equal(relativeHref("index.html", "demo/index.html#x"), "demo/index.html#x");
  assert.equal(relativeHref("demo/index.html", "demo/index.html#x"), "#x");
  assert.equal(relativeHref("demo/a.html", "demo/index.html"), "index.html");
  assert.deepEqual(resolveHref("demo/index.html", "../assets/style.css"), {path: "assets/style.css", fragment: ""});
  assert.deepEqual(resolveHref("demo/index.html", "#x"), {path: "demo/index.html", fragment: "x"});
  assert.deepEqual(resolveHref("demo/index.html", "./"), {path: "demo/index.html", fragment: ""});
  assert.deepEqual(resolveHref("demo/index.html", "../"), {path: "index.html", fragment: ""});
  assert.equal(resolveHref("demo/index.html", "../../x.html"), undefined);
});

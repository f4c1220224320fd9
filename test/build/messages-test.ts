// Content problems that used to surface as internal errors or unclear messages: each is a ContentError naming the
// file (and line), and parameter values are reported as written.
import assert from "node:assert/strict";
import {test} from "node:test";
import {loadContent} from "../../src/build/content.js";
import {MemoryEffects} from "../../src/build/effects.js";
import {parseMarkdown} from "../../src/build/frontMatter.js";
import {ContentError, integer, parseParam, checkParam, ExitCode} from "../../src/contract/index.js";
import {parseBibtex} from "../../src/site/citation.js";
import {registry} from "./registry.js";

const root = "/project";
const base = {
  [`${root}/content/index.md`]: "---\ntitle: T\ndescription: D\n---\n",
  [`${root}/content/demo/index.md`]: "---\ntitle: Demo\nauthors: [A]\n---\n"
};
const mean = "---\nid: demo-mean\ntitle: Mean\npipeline: demo/gaussian-mean\nparams: {n: 10}\n---\nProse.\n";

function contentError(fn: () => unknown, file: string, detail: RegExp, line?: number): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    assert.equal(error.exitCode, ExitCode.content);
    assert.equal(error.file, file);
    assert.match(error.detail, detail);
    if (line !== undefined) assert.equal(error.line, line);
    return true;
  });
}

test("parseMarkdown refuses a YAML alias bomb as invalid content", () => {
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 0; i < 8; ++i)
    bomb.push(
      `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9)
        .fill(`*${i ? "bcdefghi"[i - 1] : "a"}`)
        .join(", ")}]`
    );
  contentError(
    () => parseMarkdown("content/demo/bomb.md", `---\n${bomb.join("\n")}\n---\n`),
    "content/demo/bomb.md",
    /invalid YAML: .*alias/i
  );
});

test("parseMarkdown gives one line number for a YAML error: the file's", () => {
  assert.throws(
    () => parseMarkdown("content/demo/x.md", "---\nid: x\nid: y\n---\n"),
    (error: unknown) => error instanceof ContentError && error.line === 3 && !/at line/.test(error.message)
  );
});

test("loadContent names a folder called x.md, an experiment file ending .MD or .markdown, and non-UTF-8 bytes", () => {
  const load = (extra: Record<string, string | Uint8Array>) => () =>
    loadContent(root, registry, "paper", new MemoryEffects({...base, ...extra}));
  contentError(load({[`${root}/content/demo/x.md/notes.txt`]: "x"}), "content/demo/x.md", /is a folder/);
  contentError(load({[`${root}/content/demo/mean.MD`]: mean}), "content/demo/mean.MD", /must end in \.md/);
  contentError(load({[`${root}/content/demo/mean.markdown`]: mean}), "content/demo/mean.markdown", /must end in \.md/);
  const bytes = Buffer.concat([
    Buffer.from(mean.replace("Prose.\n", "Line one.\nCaf")),
    Buffer.from([0xe9]),
    Buffer.from("\n")
  ]);
  contentError(load({[`${root}/content/demo/mean.md`]: bytes}), "content/demo/mean.md", /not valid UTF-8/, 8);
});

test("checkParam and parseParam report the value as written, not null", () => {
  const spec = integer(10, "samples", {min: 1, max: 100});
  assert.throws(() => checkParam(spec, NaN), /got NaN/);
  assert.throws(() => checkParam(spec, Infinity), /got Infinity/);
  assert.throws(() => parseParam(spec, "abc"), /got "abc"/);
});

test("parseBibtex refuses a url that is not http(s), with its line", () => {
  contentError(
    () => parseBibtex("@misc{k,\n  title = {T},\n  url = {javascript:alert(1)}\n}\n", "content/references.bib"),
    "content/references.bib",
    /url of k must be an https:/,
    3
  );
});

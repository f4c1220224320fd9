// Front matter: YAML between --- lines, the body and its first line, and the line of any field.
import assert from "node:assert/strict";
import {test} from "node:test";
import {parseMarkdown} from "../../src/build/frontMatter.js";
import {ContentError} from "../../src/contract/index.js";

const text = `---
id: demo
params:
  n: 4
claims:
  - x < 1
  - claim: y > 2
---
Body line one.
`;

test("parseMarkdown(path, text) splits front matter and body, and finds the line of a field", () => {
  const source = parseMarkdown("content/demo/a.md", text);
  assert.deepEqual(source.frontMatter, {id: "demo", params: {n: 4}, claims: ["x < 1", {claim: "y > 2"}]});
  assert.equal(source.body, "Body line one.\n");
  assert.equal(source.bodyLine, 9);
  assert.equal(source.lineOf(["params", "n"]), 4);
  assert.equal(source.lineOf(["claims", 1, "claim"]), 7);
  assert.equal(source.lineOf(["params", "unknown"]), 3, "an unknown key points at its parent");
});

test("parseMarkdown(path, text) without front matter gives an empty object and the whole text", () => {
  const source = parseMarkdown("a.md", "# Title\n");
  assert.deepEqual(source.frontMatter, {});
  assert.equal(source.bodyLine, 1);
});

test("parseMarkdown throws a ContentError with the line for bad YAML, duplicate keys and an unclosed block", () => {
  assert.throws(
    () => parseMarkdown("a.md", "---\nid: [1\n---\n"),
    (e: unknown) => e instanceof ContentError && /a\.md:\d+: invalid YAML/.test(e.message)
  );
  assert.throws(() => parseMarkdown("a.md", "---\nid: 1\nid: 2\n---\n"), /a\.md:3: invalid YAML/);
  assert.throws(
    () => parseMarkdown("a.md", "---\nid: 1\n"),
    /a\.md:1: front matter opened with --- on line 1 is never closed/
  );
});

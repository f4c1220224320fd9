// Broken content files: each gives one clear line naming the file (and line or field), exit code 3, and
// leaves earlier outputs and the cache untouched.
import assert from "node:assert/strict";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {test} from "node:test";
import {copyProject, orthogonal} from "../fixture.js";

const mean = "content/demo/mean.md";
const paper = "content/demo/index.md";

/** [name, file, edit, expected message] */
const cases: [string, string, (text: string) => string, RegExp][] = [
  [
    "malformed YAML",
    mean,
    (t) => t.replace("params:\n  n: 4000", "params:\n  n: [4000"),
    /^error: content\/demo\/mean\.md:\d+: invalid YAML/
  ],
  [
    "unclosed front matter",
    mean,
    (t) => t.replace(/\n---\nSample/, "\nSample"),
    /^error: content\/demo\/mean\.md:1: front matter opened with --- on line 1 is never closed/
  ],
  [
    "unknown pipeline",
    mean,
    (t) => t.replace("pipeline: demo/gaussian-mean", "pipeline: demo/nope"),
    /^error: content\/demo\/mean\.md:4: pipeline: unknown pipeline demo\/nope; known: demo\/gaussian-mean/
  ],
  [
    "unknown parameter",
    mean,
    (t) => t.replace("  n: 4000", "  m: 4000"),
    /^error: content\/demo\/mean\.md:6: params\.m: unknown parameter m of pipeline demo\/gaussian-mean; known: n, mu, poison/
  ],
  [
    "wrong parameter type",
    mean,
    (t) => t.replace("  n: 4000", "  n: many"),
    /^error: content\/demo\/mean\.md:6: params\.n: expected an integer ≥ 1, got "many"/
  ],
  [
    "parameter out of range",
    mean,
    (t) => t.replace("  n: 4000", "  n: 0"),
    /^error: content\/demo\/mean\.md:6: params\.n: expected an integer ≥ 1, got 0/
  ],
  [
    "sweep value of the wrong type",
    mean,
    (t) => t.replace("mu: [0, 1.5]", "mu: [0, high]"),
    /^error: content\/demo\/mean\.md:9: sweep\.mu\.1: expected a number, got "high"/
  ],
  [
    "duplicate id",
    "content/demo/other.md",
    (t) => t.replace("id: demo-other", "id: demo-mean"),
    /^error: content\/demo\/other\.md:2: id: duplicate id demo-mean \(already declared in content\/demo\/mean\.md\)/
  ],
  [
    "unsafe id",
    mean,
    (t) => t.replace("id: demo-mean", "id: ../evil"),
    /^error: content\/demo\/mean\.md:2: id: expected a safe file name/
  ],
  [
    "unknown field",
    mean,
    (t) => t.replace("replicates: 4", "replicates: 4\nseedz: 3"),
    /^error: content\/demo\/mean\.md:8: seedz: unknown field seedz/
  ],
  [
    "missing required field",
    mean,
    (t) => t.replace("title: Gaussian sample mean\n", ""),
    /^error: content\/demo\/mean\.md: title: missing required field \(expected string\)/
  ],
  [
    "malformed claim",
    mean,
    (t) => t.replace("claim: variance within 10% of 1", "claim: variance is about 1"),
    /^error: content\/demo\/mean\.md:\d+: claims\.1: expected "A < B"/
  ],
  [
    "seeds and replicates together",
    mean,
    (t) => t.replace("replicates: 4", "replicates: 4\nseeds: [1, 2]"),
    /^error: content\/demo\/mean\.md:\d+: replicates: give either seeds or replicates, not both/
  ],
  [
    "paper without authors",
    paper,
    (t) => t.replace("authors: [A. Author]\n", ""),
    /^error: content\/demo\/index\.md: authors: missing required field/
  ],
  [
    "duplicate YAML key",
    mean,
    (t) => t.replace("title: Gaussian sample mean", "title: Gaussian sample mean\ntitle: again"),
    /^error: content\/demo\/mean\.md:\d+: invalid YAML: Map keys must be unique/
  ]
];

test("broken content: each case gives a one-line error naming the file, exits 3, and writes nothing", () => {
  const root = copyProject("basic");
  const good = orthogonal(root, "build");
  assert.equal(good.status, 0, good.stderr);
  const snapshot = () => {
    const files = readdirSync(root, {recursive: true, encoding: "utf8"})
      .filter((f) => /^(figures|site|\.cache)\//.test(f))
      .sort();
    return files.map((f) => {
      try {
        return `${f}:${readFileSync(join(root, f), "utf8")}`;
      } catch {
        return f; // a folder
      }
    });
  };
  const before = snapshot();
  for (const [name, file, edit, expected] of cases) {
    const path = join(root, file);
    const original = readFileSync(path, "utf8");
    const broken = edit(original);
    assert.notEqual(broken, original, `${name}: the edit changed nothing`);
    writeFileSync(path, broken);
    try {
      const result = orthogonal(root, "build");
      assert.equal(result.status, 3, `${name}: exit ${result.status}\n${result.stderr}`);
      assert.match(result.stderr, expected, name);
      assert.equal(result.stderr.trim().split("\n").length, 1, `${name}: expected one line, got\n${result.stderr}`);
      assert.deepEqual(snapshot(), before, `${name}: outputs changed`);
    } finally {
      writeFileSync(path, original);
    }
  }
});

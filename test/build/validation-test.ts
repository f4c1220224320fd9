// Content validation in-process (in-memory files): profile names, names inherited from Object.prototype, ids the
// site reserves, and claims that cannot fail are each a ContentError naming the file, line and field, or a usage
// error for a bad --profile, before any work is done.
import assert from "node:assert/strict";
import {test} from "node:test";
import {loadContent} from "../../src/build/content.js";
import {MemoryEffects} from "../../src/build/effects.js";
import {CliError, ContentError, ExitCode} from "../../src/contract/index.js";
import {registry} from "./registry.js";

const root = "/project";
const experiment = (front: string) =>
  `---\nid: demo-mean\ntitle: Mean\n${front.startsWith("pipeline:") ? "" : "pipeline: demo/gaussian-mean\n"}${front}\n---\nProse.\n`;

function load(front: string, profile = "paper", extra: Record<string, string> = {}) {
  const effects = new MemoryEffects({
    [`${root}/content/index.md`]: "---\ntitle: T\ndescription: D\n---\n",
    [`${root}/content/demo/index.md`]: "---\ntitle: Demo\nauthors: [A]\n---\n",
    [`${root}/content/demo/mean.md`]: experiment(front),
    ...extra
  });
  return loadContent(root, registry, profile, effects);
}

function contentError(front: string, field: string, detail: RegExp, profile = "paper", extra = {}): void {
  assert.throws(
    () => load(front, profile, extra),
    (error: unknown) => {
      assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
      assert.equal(error.exitCode, ExitCode.content);
      assert.equal(error.field, field, error.message);
      assert.match(error.detail, detail);
      assert.ok(error.line !== undefined && error.line > 1, `no line in ${error.message}`);
      return true;
    },
    front
  );
}

test("loadContent rejects an unknown --profile, profile key or claim profile", () => {
  assert.throws(
    () => load("params: {n: 10}", "quik"),
    (error: unknown) =>
      error instanceof CliError &&
      error.exitCode === ExitCode.usage &&
      /invalid --profile: quik; known: paper, quick/.test(error.message)
  );
  contentError("profiles:\n  quik: {params: {n: 5}}", "profiles.quik", /unknown profile quik; known: paper, quick/);
  contentError("claims:\n  - claim: mean < 1\n    profiles: [papr]", "claims.0.profiles", /unknown profile papr/);
  assert.equal(load("claims:\n  - claim: mean < 1\n    profiles: [quick]", "paper").experiments[0].claims.length, 0);
  assert.equal(load("claims:\n  - claim: mean < 1\n    profiles: [quick]", "quick").experiments[0].claims.length, 1);
});

test("loadContent rejects names inherited from Object.prototype", () => {
  contentError("pipeline: constructor", "pipeline", /unknown pipeline constructor/);
  contentError("params: {constructor: 1}", "params.constructor", /unknown parameter constructor/);
  contentError("params: {toString: 1}", "params.toString", /unknown parameter toString/);
  contentError("sweep: {hasOwnProperty: [1, 2]}", "sweep.hasOwnProperty.0", /unknown parameter hasOwnProperty/);
  contentError(
    "figures:\n  - {id: f, plot: constructor, caption: c, alt: a}",
    "figures.0.plot",
    /unknown plot constructor/
  );
  contentError("tables:\n  - {id: t, table: toString, caption: c}", "tables.0.table", /unknown table toString/);
});

test("loadContent rejects ids the site reserves", () => {
  contentError("figures:\n  - {id: cite, plot: p, caption: c, alt: a}", "figures.0.id", /id cite is reserved/);
  contentError("tables:\n  - {id: main, table: t, caption: c}", "tables.0.id", /id main is reserved/);
  contentError(
    "tables:\n  - {id: demo-mean-claims, table: t, caption: c}",
    "tables.0.id",
    /reserved by the site for demo-mean/
  );
});

test("loadContent rejects claims that cannot fail", () => {
  contentError("claims: ['1 < 2']", "claims.0", /names no output/);
  contentError("claims: ['n > 0']", "claims.0", /names no output/);
  contentError("claims: ['mean within 100% of mean']", "claims.0", /compares an expression with itself/);
  contentError("claims: ['mean within 100% of theory_mean']", "claims.0", /relative tolerance must be below 100%/);
  contentError("claims: ['mean < 1/0']", "claims.0", /right side is not a finite number/);
  contentError("claims: ['mean within 1/0 of theory_mean']", "claims.0", /tolerance is not a finite number/);
  assert.equal(load("claims: ['mean within 2% of theory_mean', 'mean < 1']").experiments[0].claims.length, 2);
});

test("loadContent refuses more tasks than one experiment may have, before expanding the sweep", () => {
  const values = `[${Array.from({length: 20}, (_, i) => i + 1).join(", ")}]`;
  contentError(
    `sweep: {n: ${values}, mu: ${values}, poison: [true, false]}\nreplicates: 200`,
    "sweep",
    /tasks, more than the 100000/
  );
  contentError(
    `sweep: {n: ${values}, mu: ${values}, a: ${values}, b: ${values}}`,
    "sweep",
    /160000 sweep points is more than/
  );
});

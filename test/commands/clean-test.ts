// `orthogonal clean` in-process: it refuses a folder that is not a project, and removes only what the build wrote.
import assert from "node:assert/strict";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import {build} from "../../src/build/build.js";
import {MemoryEffects} from "../../src/build/effects.js";
import {inProcessRunner} from "../../src/build/runner.js";
import {clean} from "../../src/commands/clean.js";
import {CliError, ExitCode} from "../../src/contract/index.js";
import {contentFiles} from "../fixture.js";

const root = fileURLToPath(new URL("../input/build/website", import.meta.url));

test("clean(root) refuses a folder that is not a project and deletes nothing", () => {
  const effects = new MemoryEffects({
    "/home/u/.cache/pip/x": "keep",
    "/home/u/figures/holiday.png": "keep",
    "/home/u/site/index.html": "keep"
  });
  assert.throws(
    () => clean("/home/u", effects),
    (error) =>
      error instanceof CliError && error.exitCode === ExitCode.usage && /not an orthogonal project/.test(error.message)
  );
  assert.equal(effects.files.size, 3);
});

test("clean(root) removes the cache and the files the build wrote, and keeps everything else", async () => {
  const effects = new MemoryEffects(contentFiles(root));
  const mine = ["site/CNAME", "site/.nojekyll", "site/extra/page.html", "figures/alpha/notes.txt", ".cache/other/x"];
  for (const file of mine) effects.write(join(root, file), "mine");
  await build({root, profile: "paper", runner: inProcessRunner}, effects);
  assert.ok(effects.exists(join(root, "site/index.html")) && effects.exists(join(root, ".cache/datasets")));
  clean(root, effects);
  const left = [...effects.files.keys()]
    .map((path) => path.slice(root.length + 1))
    .filter((path) => !path.startsWith("content/"));
  assert.deepEqual(left.sort(), [...mine].sort());
});

test("a site rebuild keeps files it did not write (CNAME, .nojekyll, the user's folders) and removes its stale pages", async () => {
  const effects = new MemoryEffects(contentFiles(root));
  await build({root, profile: "paper", runner: inProcessRunner}, effects);
  const mine = ["site/CNAME", "site/.nojekyll", "site/extra/page.html"];
  for (const file of mine) effects.write(join(root, file), "mine");
  const pages = () =>
    [...effects.files.keys()].filter((path) => path.includes("/site/") && path.includes("alpha-bulk"));
  assert.ok(pages().length > 0);
  for (const file of ["alpha/spike.md", "alpha/index.md", "beta/index.md"].map((name) => join(root, "content", name)))
    effects.write(file, effects.text(file)!.replace(/alpha-bulk\b/g, "alpha-renamed"));
  await build({root, profile: "paper", runner: inProcessRunner}, effects);
  for (const file of mine) assert.equal(effects.text(join(root, file)), "mine", file);
  assert.deepEqual(pages(), []);
});

// The whole publication at its quick profile: every figure and table is compared with its snapshot (SVG and
// tables by bytes, PNG by decoded pixels), and a forced rebuild in another folder reproduces every output byte
// for byte (PNG: pixel for pixel).
import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Manifest} from "../../src/contract/manifest.js";
import {comparePng, pngMatches} from "../../src/render/png.js";
import {orthogonal} from "../fixture.js";
import {assertFileSnapshot} from "../snapshot.js";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

function buildQuick(...flags: string[]): string {
  const out = mkdtempSync(join(tmpdir(), "orthogonal-publication-"));
  const result = orthogonal(packageRoot, "build", "--profile", "quick", "--out", out, ...flags);
  assert.equal(result.status, 0, `quick build failed (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  return out;
}

const pixelsMatch = async (expected: Buffer, actual: Buffer) => pngMatches(await comparePng(expected, actual));

test("every figure and table of the publication matches its snapshot; a forced rebuild reproduces every output", async () => {
  const out = buildQuick();
  const manifest = JSON.parse(readFileSync(join(out, "figures/manifest.json"), "utf8")) as Manifest;
  const ids = Object.keys(manifest).sort();
  assert.ok(ids.length > 20, `expected the papers' figures and tables, found ${ids.length}`);
  for (const id of ids) {
    const entry = manifest[id];
    for (const file of entry.files) {
      const ext = file.slice(file.lastIndexOf(".") + 1);
      if (ext === "pdf") continue; // PDFs embed the same SVG; their determinism is checked below
      const bytes = readFileSync(join(out, file));
      await assertFileSnapshot(`publication/${entry.paper}/${id}`, bytes, ext, ext === "png" ? pixelsMatch : undefined);
    }
  }

  const again = buildQuick("--force");
  const files = (root: string) =>
    readdirSync(join(root, "figures"), {recursive: true, encoding: "utf8"}).filter((f) => /\.(json|svg|pdf|png|html|tex|csv|md)$/.test(f) && f !== "provenance.json").sort();
  assert.deepEqual(files(again), files(out));
  for (const file of files(out)) {
    const a = readFileSync(join(out, "figures", file));
    const b = readFileSync(join(again, "figures", file));
    if (file.endsWith(".png")) assert.ok(await pixelsMatch(a, b), `${file}: pixels differ`);
    else assert.ok(a.equals(b), `${file} differs between two builds`);
  }
});

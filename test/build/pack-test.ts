// `orthogonal pack`: the archive is byte-reproducible, verifies, and refuses uncommitted changes and stale outputs;
// and the reproduce recipe of a figure page, followed literally in an empty folder from the packed archive,
// recomputes the figure's data byte for byte. The project packed here is self-contained: the engine (bin/, src/,
// fonts/, package.json, the lockfile) with the small "website" fixture as its content and pipelines, committed to
// a fresh git repository. `npm ci` in the recipe is replaced by a link to this checkout's node_modules (the same
// lockfile; a real `npm ci` would only download what is already installed here).
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, test} from "node:test";
import {fileURLToPath} from "node:url";
import {gunzipSync, gzipSync} from "node:zlib";
import {JSDOM} from "jsdom";
import {readTar} from "../../src/build/tar.js";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
const fixture = join(packageRoot, "test/input/build/website");
const temporary: string[] = [];

after(() => {
  for (const dir of temporary) rmSync(dir, {recursive: true, force: true});
});

/** A fresh git repository holding the engine and the website fixture, committed at a fixed date. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "orthogonal-pack-"));
  temporary.push(root);
  for (const path of ["bin", "src", "fonts", "package.json", "package-lock.json", "tsconfig.json", "CITATION.cff"]) {
    cpSync(join(packageRoot, path), join(root, path), {recursive: true});
  }
  cpSync(join(fixture, "content"), join(root, "content"), {recursive: true});
  cpSync(join(fixture, "pipelines"), join(root, "pipelines"), {recursive: true});
  writeFileSync(join(root, ".gitignore"), "node_modules\n.cache/\n/figures/\n/site/\n/dist/\n");
  linkModules(root);
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "Publication");
  return root;
}

function git(root: string, ...args: string[]): string {
  const env = {...process.env, GIT_AUTHOR_DATE: "2026-03-04T05:06:07Z", GIT_COMMITTER_DATE: "2026-03-04T05:06:07Z"};
  const result = spawnSync(
    "git",
    ["-c", "user.name=Publication", "-c", "user.email=publication@example.org", ...args],
    {cwd: root, env, encoding: "utf8"}
  );
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

function linkModules(root: string): void {
  spawnSync("ln", ["-s", join(packageRoot, "node_modules"), join(root, "node_modules")]);
}

function cli(root: string, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [join(root, "bin/orthogonal.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, CI: "true"}
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

test("pack writes a byte-reproducible archive that verifies, and refuses uncommitted changes and stale outputs", () => {
  const root = project();
  const none = cli(root, "pack");
  assert.equal(none.status, 6, none.stderr);
  assert.match(none.stderr, /no build outputs .* run orthogonal build first/);
  assert.equal(cli(root, "build", "--jobs", "1").status, 0);

  const first = cli(root, "pack");
  assert.equal(first.status, 0, first.stderr + first.stdout);
  const archivePath = join(root, "dist/orthogonal-0.1.0.tar.gz");
  const archive = readFileSync(archivePath);
  const record = JSON.parse(readFileSync(join(root, "dist/pack.json"), "utf8")) as {
    sha256: string;
    size: number;
    commit: string;
    date: string;
  };
  assert.equal(record.size, archive.length);
  assert.equal(record.date, "2026-03-04T05:06:07Z");

  // Sorted entries under one top folder, dated at the commit, owned by root; the source, outputs and records.
  const tar = gunzipSync(archive);
  const entries = readTar(tar);
  const paths = entries.map((e) => e.path);
  assert.deepEqual(paths, [...paths].sort());
  assert.ok(paths.every((p) => p.startsWith("orthogonal-0.1.0/")));
  for (const expected of [
    "MANIFEST.sha256",
    "CITATION.cff",
    ".zenodo.json",
    "RELEASE.json",
    "package-lock.json",
    "bin/orthogonal.js",
    "content/alpha/spike.md",
    "fonts/DejaVuSans.ttf",
    "figures/manifest.json",
    "figures/alpha/data/alpha-spike.json",
    "figures/alpha/alpha-lambda.svg"
  ]) {
    assert.ok(paths.includes(`orthogonal-0.1.0/${expected}`), `missing ${expected}`);
  }
  assert.ok(
    !paths.some((p) => /^orthogonal-0\.1\.0\/(node_modules|\.cache|site|dist)\/|provenance\.json$/.test(p)),
    "no dependencies, cache, site or build-time record"
  );
  assert.equal(entries.find((e) => e.path.endsWith("bin/orthogonal.js"))!.mode, 0o755);
  const header = tar.subarray(0, 512);
  assert.equal(parseInt(new TextDecoder().decode(header.subarray(136, 147)), 8), Date.parse(record.date) / 1000);
  const cff = new TextDecoder().decode(entries.find((e) => e.path.endsWith("/CITATION.cff"))!.data);
  assert.match(cff, /version: 0\.1\.0/);
  assert.match(cff, /date-released: 2026-03-04/);
  assert.match(cff, new RegExp(`commit: ${record.commit}`));
  assert.match(cff, /references:\n(.|\n)*title: "?Alpha: spikes/);
  const zenodo = JSON.parse(
    new TextDecoder().decode(entries.find((e) => e.path.endsWith("/.zenodo.json"))!.data)
  ) as Record<string, unknown>;
  assert.equal(zenodo.version, "0.1.0");
  assert.equal(zenodo.publication_date, "2026-03-04");
  assert.deepEqual(
    (zenodo.related_identifiers as {identifier: string}[]).map((r) => r.identifier),
    ["arXiv:2406.10019"]
  );

  const verified = cli(root, "pack", "--verify", archivePath);
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, new RegExp(`files match MANIFEST\\.sha256 .*SHA-256 ${record.sha256}`));

  // The same commit and outputs give the same bytes.
  rmSync(join(root, "dist"), {recursive: true});
  assert.equal(cli(root, "pack").status, 0);
  assert.ok(readFileSync(archivePath).equals(archive), "a second pack writes other bytes");

  // Every page links the archive with its size and checksum, and names the version and the commit.
  const home = readFileSync(join(root, "site/index.html"), "utf8");
  assert.match(
    home,
    new RegExp(
      `<a href="downloads/orthogonal-0\\.1\\.0\\.tar\\.gz" download>orthogonal-0\\.1\\.0\\.tar\\.gz</a> \\(\\d+ kB, SHA-256 <code class="hash">${record.sha256}</code>\\)`
    )
  );
  assert.match(
    home,
    new RegExp(
      `version 0\\.1\\.0, commit <code title="${record.commit}">${record.commit.slice(0, 12)}</code> of 2026-03-04`
    )
  );
  assert.ok(readFileSync(join(root, "site/downloads/orthogonal-0.1.0.tar.gz")).equals(archive));
  assert.doesNotMatch(home, /Repository:|DOI:/, "undeclared repository and DOI are not shown");

  // A damaged archive fails verification and names the file.
  const damaged = Buffer.from(tar);
  const spike = entries.findIndex((e) => e.path.endsWith("figures/alpha/data/alpha-spike.json"));
  let offset = 0;
  for (let i = 0; i < spike; ++i) offset += 512 + Math.ceil(entries[i].data.length / 512) * 512;
  damaged[offset + 512 + 10] ^= 1;
  writeFileSync(join(root, "dist/damaged.tar.gz"), gzipSync(damaged));
  const bad = cli(root, "pack", "--verify", join(root, "dist/damaged.tar.gz"));
  assert.equal(bad.status, 6);
  assert.match(bad.stderr, /figures\/alpha\/data\/alpha-spike\.json: checksum differs/);

  // Uncommitted changes and stale outputs are refused, naming them.
  writeFileSync(
    join(root, "content/alpha/spike.md"),
    readFileSync(join(root, "content/alpha/spike.md"), "utf8").replace("d: 40", "d: 41")
  );
  const dirty = cli(root, "pack");
  assert.equal(dirty.status, 6);
  assert.match(dirty.stderr, /uncommitted changes in content\/alpha\/spike\.md/);
  git(root, "commit", "-q", "-am", "Larger d");
  const stale = cli(root, "pack");
  assert.equal(stale.status, 6);
  assert.match(stale.stderr, /alpha-spike: results are stale/);
});

test("the reproduce recipe of a figure page, followed literally from the packed archive in an empty folder, recomputes the data byte for byte", () => {
  const root = project();
  assert.equal(cli(root, "build", "--jobs", "2").status, 0);
  const packed = cli(root, "pack");
  assert.equal(packed.status, 0, packed.stderr);

  // The recipe as the page gives it: every command block of its Reproduce section, in order.
  const page = new JSDOM(readFileSync(join(root, "site/alpha/alpha-lambda.html"), "utf8")).window.document;
  const section = page.getElementById("reproduce")!.closest("section")!;
  const blocks = [...section.querySelectorAll("pre")]
    .filter((pre) => !pre.closest("details"))
    .map((pre) => pre.textContent!);
  const hashes = [...section.querySelectorAll("code.hash")].map((code) => code.textContent!);
  assert.ok(
    blocks[0].startsWith("sha256sum orthogonal-0.1.0.tar.gz\ntar -xzf orthogonal-0.1.0.tar.gz\ncd orthogonal-0.1.0"),
    blocks[0]
  );
  assert.deepEqual(blocks.slice(1, 2), ["npm ci"]);
  assert.ok(blocks.some((b) => b.startsWith("npx orthogonal run alpha-spike ")));
  assert.ok(blocks.includes("npx orthogonal build --only alpha-spike"));
  assert.ok(blocks.includes("sha256sum figures/alpha/data/alpha-spike.json"));

  // An empty folder holding only the downloaded archive; npx and npm stand for the installed commands.
  const folder = mkdtempSync(join(tmpdir(), "orthogonal-reader-"));
  temporary.push(folder);
  cpSync(join(root, "site/downloads/orthogonal-0.1.0.tar.gz"), join(folder, "orthogonal-0.1.0.tar.gz"));
  const shims = join(folder, ".shims");
  mkdirSync(shims);
  writeFileSync(
    join(shims, "npx"),
    `#!/bin/sh\n[ "$1" = orthogonal ] || exit 127\nshift\nexec "${process.execPath}" "$PWD/bin/orthogonal.js" "$@"\n`
  );
  writeFileSync(
    join(shims, "npm"),
    `#!/bin/sh\n[ "$1" = ci ] || exit 127\nexec ln -s "${join(packageRoot, "node_modules")}" node_modules\n`
  );
  chmodSync(join(shims, "npx"), 0o755);
  chmodSync(join(shims, "npm"), 0o755);
  const script = `set -e\n${blocks.map((b) => (b.startsWith("npx orthogonal run") ? `${b} > point.json` : b)).join("\n")}\n`;
  const run = spawnSync("bash", ["-c", script], {
    cwd: folder,
    encoding: "utf8",
    env: {...process.env, PATH: `${shims}:${process.env.PATH}`, CI: "true"}
  });
  assert.equal(run.status, 0, run.stderr + run.stdout);

  // sha256sum printed the archive's checksum and then the results file's, as the page says.
  assert.ok(run.stdout.includes(`${hashes[1]}  orthogonal-0.1.0.tar.gz`), "archive checksum as on the page");
  assert.ok(
    run.stdout.includes(`${hashes.at(-1)}  figures/alpha/data/alpha-spike.json`),
    "results checksum as on the page"
  );
  const unpacked = join(folder, "orthogonal-0.1.0");
  assert.ok(!existsSync(join(unpacked, ".git")), "no git in the unpacked folder");
  const original = readFileSync(join(root, "figures/alpha/data/alpha-spike.json"));
  assert.ok(readFileSync(join(unpacked, "figures/alpha/data/alpha-spike.json")).equals(original), "the results differ");
  // The printed point is the first run of the results file, byte for byte as JSON.
  const point = JSON.parse(readFileSync(join(unpacked, "point.json"), "utf8")) as {dataset: unknown};
  const results = JSON.parse(original.toString("utf8")) as {points: {runs: {dataset: unknown}[]}[]};
  assert.equal(JSON.stringify(point.dataset), JSON.stringify(results.points[0].runs[0].dataset));

  // A full build of the unpacked archive reproduces every dataset byte for byte, and names the commit.
  const full = cli(unpacked, "build", "--jobs", "2");
  assert.equal(full.status, 0, full.stderr);
  for (const paper of readdirSync(join(root, "figures")).filter((f) => !f.includes("."))) {
    for (const file of readdirSync(join(root, "figures", paper, "data"))) {
      assert.ok(
        readFileSync(join(unpacked, "figures", paper, "data", file)).equals(
          readFileSync(join(root, "figures", paper, "data", file))
        ),
        `${paper}/data/${file} differs`
      );
    }
  }
  const record = JSON.parse(readFileSync(join(root, "dist/pack.json"), "utf8")) as {commit: string};
  assert.match(
    readFileSync(join(unpacked, "site/index.html"), "utf8"),
    new RegExp(`commit <code title="${record.commit}">`)
  );
});

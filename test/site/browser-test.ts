// Browser tests of the companion site in Chromium: every page of the fixture project's site, and of the real
// site built with the quick profile, at 375 px and 1280 px, light and dark, over file://. Fails on console
// errors, failed or outside requests, broken links or anchors, missing images, horizontal scrolling, low
// contrast, heading problems or a missing skip link; saves screenshots to test/output/screenshots/ (of the real site only with ORTHOGONAL_SCREENSHOTS=1).
import assert from "node:assert/strict";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {extname, join, normalize} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath, pathToFileURL} from "node:url";
import type {Browser} from "playwright-core";
import {builtProject, orthogonal} from "../fixture.js";
import {checkSite, launchBrowser} from "./browserCheck.js";

let browser: Browser;

before(async () => {
  assert.ok(existsSync("/usr/bin/chromium"), "Chromium is missing: apt-get update && apt-get install -y chromium");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test("every page of the fixture site reads well at 375 px and 1280 px, light and dark, from file://", async () => {
  const root = builtProject("website");
  const problems = await checkSite(browser, join(root, "site"), "website", {screenshots: true});
  assert.deepEqual(problems, []);
});

test("copy buttons appear only with scripts, and the commands are there without them", async () => {
  const root = builtProject("website");
  const url = pathToFileURL(join(root, "site/alpha/alpha-lambda.html")).href;
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({javaScriptEnabled});
    const page = await context.newPage();
    await page.goto(url);
    assert.equal(await page.locator("#alpha-lambda-build").textContent(), "npx orthogonal build --only alpha-spike");
    assert.equal(await page.locator("#alpha-lambda-build").isVisible(), true);
    const button = page.locator('button[data-copy="alpha-lambda-build"]');
    assert.equal(await button.isVisible(), javaScriptEnabled);
    if (javaScriptEnabled) {
      await button.click();
      await page.waitForFunction(() => document.querySelector('button[data-copy="alpha-lambda-build"]')?.textContent !== "Copy", null, {timeout: 5000});
      assert.match((await button.textContent()) ?? "", /^(Copied|Selected: press Ctrl\+C)$/);
    }
    await context.close();
  }
});

test("search, served over http, finds a figure by a word of its caption, with no network", async () => {
  const root = builtProject("website");
  const siteDir = join(root, "site");
  const types: Record<string, string> = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm"};
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname)).replace(/^\/+/, "");
    const file = join(siteDir, path || "index.html");
    if (!file.startsWith(siteDir) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"}).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/search.html?q=measured`);
    await page.waitForSelector("#search-results li a", {timeout: 20000});
    const links = await page.locator("#search-results li a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    assert.ok(links.includes("alpha/alpha-lambda.html"), `results: ${links.join(", ")}`);
    assert.match((await page.locator("#search-status").textContent()) ?? "", /found for “measured”/);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  } finally {
    await context.close();
    server.close();
  }
});

test("every page of the real site, built with the quick profile, passes the same checks", async () => {
  const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
  const out = mkdtempSync(join(tmpdir(), "orthogonal-site-"));
  try {
    const build = orthogonal(packageRoot, "build", "--profile", "quick", "--out", out);
    assert.equal(build.status, 0, `the real content does not build (exit ${build.status}):\n${build.stderr}\n${build.stdout}`);
    // Screenshots of the 67 real pages in four modes take minutes: written only on request, for review.
    const screenshots = process.env.ORTHOGONAL_SCREENSHOTS === "1";
    // The fixture site is checked in all four modes. The real site: every page at phone width in light; at desktop width
    // in dark, the pages that are not figure or table pages and the first figure or table page of each paper (the
    // others share its template), which covers both widths and both schemes in a third of the time. axe-core runs on
    // those representative pages in light and on the pages that are not figure or table pages in dark (in dark it adds
    // only its contrast rule to light's, and checkPage's own contrast check runs on every page); on every page the
    // checks of checkPage (overflow, images, text alternatives, contrast, headings, links) cover what differs between
    // pages of one template.
    const representative = (path: string) => {
      const [folder, file] = path.split("/");
      if (file === undefined || file === "index.html") return true;
      const figures = readdirSync(join(out, "site", folder)).filter((f) => f.endsWith(".html") && f !== "index.html");
      return file === figures.sort()[0];
    };
    const modes = [
      {scheme: "light", width: 375},
      {scheme: "dark", width: 1280, pages: representative}
    ] as const;
    const notFigure = (path: string) => !path.includes("/") || path.endsWith("/index.html");
    const axePages = (path: string, scheme: string) => (scheme === "light" ? representative(path) : notFigure(path));
    const problems = await checkSite(browser, join(out, "site"), "real", {screenshots, modes, axePages});
    assert.deepEqual(problems, []);
  } finally {
    rmSync(out, {recursive: true, force: true});
  }
});

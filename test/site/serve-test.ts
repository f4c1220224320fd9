// `orthogonal serve`: serves the built site on 127.0.0.1 with content types, folder indexes and no way out of
// site/, injects live reload into served HTML only, rebuilds on save and tells pages to reload or show the error.
import assert from "node:assert/strict";
import {readFileSync, writeFileSync} from "node:fs";
import {get, request} from "node:http";
import {join} from "node:path";
import {test} from "node:test";
import {reloadPath, serve} from "../../src/commands/serve.js";
import type {BuildOutcome} from "../../src/commands/serve.js";
import {copyProject} from "../fixture.js";

function raw(url: string, path: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const {hostname, port} = new URL(url);
    const req = request({hostname, port, path, method: "GET"}, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk));
      response.on("end", () => resolve({status: response.statusCode ?? 0, body}));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Collects server-sent events from the live-reload stream. */
function listen(url: string): {events: {event: string; data: string}[]; next(event: string, timeout?: number): Promise<string>; close(): void} {
  const events: {event: string; data: string}[] = [];
  const waiting: {event: string; resolve: (data: string) => void}[] = [];
  let buffer = "";
  const req = get(new URL(reloadPath, url), (response) => {
    response.on("data", (chunk: Buffer) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || data === undefined) continue;
        const entry = {event, data: JSON.parse(data) as string};
        events.push(entry);
        for (const w of waiting.filter((w) => w.event === event)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(entry.data);
        }
      }
    });
  });
  return {
    events,
    next: (event, timeout = 30000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} event within ${timeout} ms`)), timeout);
        waiting.push({event, resolve: (data) => (clearTimeout(timer), resolve(data))});
      }),
    close: () => req.destroy()
  };
}

test("serve builds, serves site/ on 127.0.0.1, reloads pages after a save and shows a failed build's error", async () => {
  const root = copyProject("website");
  const controller = new AbortController();
  const builds: BuildOutcome[] = [];
  const lines: string[] = [];
  let onListen!: (url: string) => void;
  const listening = new Promise<string>((resolve) => (onListen = resolve));
  const stopped = serve({root, profile: "paper", port: 0, signal: controller.signal, onListen, onBuild: (b) => builds.push(b), log: (line) => lines.push(line)});
  try {
    const url = await listening;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(lines.includes(`serving ${url}`));
    assert.equal(builds[0].ok, true, builds[0]?.message);

    const home = await fetch(url);
    assert.equal(home.status, 200);
    assert.equal(home.headers.get("content-type"), "text/html; charset=utf-8");
    const html = await home.text();
    assert.match(html, new RegExp(`new EventSource\\("${reloadPath}"\\)`));
    assert.doesNotMatch(readFileSync(join(root, "site/index.html"), "utf8"), /EventSource/, "live reload is never written to disk");

    const folder = await fetch(new URL("alpha", url), {redirect: "manual"});
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get("location"), "/alpha/");
    assert.match(await (await fetch(new URL("alpha/", url))).text(), /<h1>Alpha: spikes in sample covariance matrices<\/h1>/);
    for (const [path, type] of [
      ["assets/style.css", "text/css; charset=utf-8"],
      ["assets/site.js", "text/javascript; charset=utf-8"],
      ["alpha/files/alpha-lambda.svg", "image/svg+xml"],
      ["alpha/files/alpha-lambda.png", "image/png"],
      ["alpha/files/alpha-lambda.pdf", "application/pdf"],
      ["alpha/data/alpha-spike-bulk.csv", "text/csv; charset=utf-8"],
      ["assets/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2"]
    ]) {
      const response = await fetch(new URL(path, url));
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("content-type"), type, path);
      await response.arrayBuffer();
    }
    assert.equal((await fetch(new URL("nothing.html", url))).status, 404);
    for (const path of ["/../package.json", "/..%2f..%2fpackage.json", "/%2e%2e/%2e%2e/content/index.md", "/alpha/..%5c..%5cpackage.json"]) {
      assert.equal((await raw(url, path)).status, 404, path);
    }

    const stream = listen(url);
    try {
      const file = join(root, "content/beta/one.md");
      const text = readFileSync(file, "utf8");
      const reloaded = stream.next("reload");
      writeFileSync(file, text.replace("A single point", "One single point"));
      await reloaded;
      assert.match(await (await fetch(new URL("beta/", url))).text(), /One single point/);

      const failed = stream.next("failure");
      writeFileSync(file, text.replace("A single point", "See @fig:nothing."));
      assert.match(await failed, /content\/beta\/one\.md:\d+: unknown figure in cross-reference @fig:nothing/);
      const recovered = stream.next("reload");
      writeFileSync(file, text);
      await recovered;
    } finally {
      stream.close();
    }
  } finally {
    controller.abort();
    await stopped;
  }
});

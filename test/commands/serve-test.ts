// The preview server's file handler: requests with odd paths never crash it or redirect off the site, and a Host
// header other than the loopback names is refused (DNS rebinding).
import assert from "node:assert/strict";
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {createServer, request} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {allowedHosts, siteHandler} from "../../src/commands/serve.js";
import {copyProject, orthogonal} from "../fixture.js";

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{status: number; location?: string}> {
  return new Promise((resolve, reject) => {
    const req = request({hostname: "127.0.0.1", port, path, headers: {host}}, (response) => {
      response.resume();
      response.on("end", () => resolve({status: response.statusCode ?? 0, location: response.headers.location}));
    });
    req.on("error", reject);
    req.end();
  });
}

test("siteHandler answers odd paths without crashing or redirecting off the site, and refuses unknown hosts", async () => {
  const site = mkdtempSync(join(tmpdir(), "orthogonal-serve-"));
  mkdirSync(join(site, "feature-learning"));
  writeFileSync(join(site, "feature-learning", "index.html"), "<p>page</p>");
  const hosts = new Set<string>();
  const server = createServer(siteHandler(site, hosts));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as AddressInfo;
  for (const host of allowedHosts(port)) hosts.add(host);
  try {
    assert.deepEqual(await get(port, "/%E4%B8%AD/..%2Ffeature-learning"), {
      status: 301,
      location: "/feature-learning/"
    });
    assert.deepEqual(await get(port, "/%2Fevil.example/..%2Ffeature-learning"), {
      status: 301,
      location: "/feature-learning/"
    });
    assert.deepEqual(await get(port, "/feature-learning"), {status: 301, location: "/feature-learning/"});
    assert.equal((await get(port, "/feature-learning/")).status, 200);
    assert.equal((await get(port, "/feature-learning/", `localhost:${port}`)).status, 200);
    assert.equal((await get(port, "/feature-learning/", "evil.example")).status, 403);
    assert.equal((await get(port, "/feature-learning/", `evil.example:${port}`)).status, 403);
  } finally {
    server.close();
  }
});

test("orthogonal serve --port 70000 is bad usage (exit 2), before any build", () => {
  const root = copyProject("basic");
  const result = orthogonal(root, "serve", "--port", "70000");
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /--port expects an integer from 1 to 65535, got 70000/);
  assert.ok(!existsSync(join(root, "site", "index.html")));
});

// `orthogonal serve`: builds once, serves <root>/site on 127.0.0.1 with live reload, and rebuilds when a file in
// content/ or pipelines/ is saved (each build runs in a fresh process, so edited pipeline and plot modules are
// loaded anew; the cache makes it recompute only what changed).
import {spawn} from "node:child_process";
import {existsSync, readFileSync, statSync, watch} from "node:fs";
import type {FSWatcher} from "node:fs";
import {createServer} from "node:http";
import type {IncomingMessage, ServerResponse} from "node:http";
import {extname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {compareBuilds, readBuildState, rebuildLines} from "../build/changes.js";
import {CliError, ExitCode} from "../contract/error.js";

/** Options of `orthogonal serve`. */
export interface ServeOptions {
  /** The project root: content/, pipelines/, and site/ where the site is built. */
  root: string;
  profile: string;
  /** Port on 127.0.0.1 (0 picks a free one). */
  port: number;
  /** Stops the server (it also stops on SIGINT and SIGTERM). */
  signal?: AbortSignal;
  /** Called with the server's URL once it listens. */
  onListen?: (url: string) => void;
  /** Called after each rebuild with its outcome. */
  onBuild?: (outcome: BuildOutcome) => void;
  /** Where messages go (the URL line, rebuild results); default stdout and stderr. */
  log?: (line: string, error?: boolean) => void;
}

/** What one rebuild did. */
export interface BuildOutcome {
  ok: boolean;
  /** The build's summary, or its error message. */
  message: string;
  /** Whether the site changed (pages are told to reload). */
  changed: boolean;
  /** Claims and numbers that changed since the previous build, one line each (printed after "rebuilt"). */
  changes?: string[];
}

/** The path of the live-reload event stream (not a file of the site). */
export const reloadPath = "/__orthogonal/events";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".csv": "text/csv; charset=utf-8",
  ".tex": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2"
};

const cli = fileURLToPath(new URL("../../bin/orthogonal.js", import.meta.url));

/**
 * Builds the project, serves its site on http://127.0.0.1:<port>/ and rebuilds on every save in content/ or
 * pipelines/ (debounced). Pages reload themselves after a rebuild that changed the site, and show the error
 * when a rebuild fails. Resolves once stopped (Ctrl-C, SIGTERM or `signal`), with the server and watchers closed.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const {root, profile} = options;
  const log =
    options.log ?? ((line: string, error?: boolean) => (error ? process.stderr : process.stdout).write(`${line}\n`));
  const siteDir = resolve(root, "site");
  const clients = new Set<ServerResponse>();
  let lastError: string | undefined;

  const broadcast = (event: string, data: string) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const runBuild = (initial: boolean) =>
    new Promise<BuildOutcome>((done) => {
      const child = spawn(process.execPath, [cli, "build", "--root", root, "--profile", profile], {
        stdio: ["ignore", "pipe", initial ? "inherit" : "pipe"]
      });
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk));
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk));
      child.on("close", (code) => {
        const summary = stdout
          .trim()
          .split("\n")
          .filter((line) => !/^\[\d+\/\d+\]/.test(line))
          .join("\n");
        // Exit 5 means some claims failed: the site is built and shows them.
        const ok = code === 0 || code === 5;
        done({
          ok,
          message: ok ? summary : stderr.trim() || summary || `build exited with code ${code}`,
          changed: /wrote \d+ file/.test(stdout)
        });
      });
    });

  let building: Promise<void> | undefined;
  let pending = false;
  const rebuild = async (initial = false) => {
    if (building) {
      pending = true;
      return building;
    }
    building = (async () => {
      do {
        pending = false;
        const started = performance.now();
        const first = initial;
        initial = false;
        const before = readBuildState(join(root, "figures"));
        const outcome = await runBuild(first);
        if (outcome.ok && !first)
          outcome.changes = rebuildLines(compareBuilds(before, readBuildState(join(root, "figures"))));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (outcome.ok) {
          lastError = undefined;
          log(`${first ? "built" : "rebuilt"} in ${seconds}s${outcome.changed || first ? "" : " (nothing changed)"}`);
          for (const line of outcome.changes ?? []) log(line);
          broadcast(outcome.changed ? "reload" : "ok", "");
        } else {
          lastError = outcome.message;
          log(`build failed:\n${outcome.message}`, true);
          broadcast("failure", outcome.message);
        }
        options.onBuild?.(outcome);
      } while (pending);
    })();
    try {
      await building;
    } finally {
      building = undefined;
    }
  };

  const hosts = new Set<string>();
  const files = siteHandler(siteDir, hosts);
  const server = createServer((request, response) => {
    if (!hosts.has(String(request.headers.host).toLowerCase())) {
      refuseHost(response);
      return;
    }
    if (request.url?.split("?")[0] === reloadPath) {
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive"
      });
      response.write(`retry: 1000\n\n`);
      if (lastError !== undefined) response.write(`event: failure\ndata: ${JSON.stringify(lastError)}\n\n`);
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    files(request, response);
  });

  // Listen first, so that a port in use is reported at once rather than after a full build.
  await new Promise<void>((listening, failed) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      failed(
        error.code === "EADDRINUSE" || error.code === "EACCES"
          ? new CliError(`serve: cannot listen on 127.0.0.1:${options.port} (${error.code})`, ExitCode.usage)
          : error
      )
    );
    server.listen(options.port, "127.0.0.1", () => listening());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  for (const host of allowedHosts(port)) hosts.add(host);
  const url = `http://127.0.0.1:${port}/`;
  await rebuild(true);
  log(`serving ${url}`);
  options.onListen?.(url);

  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  for (const folder of ["content", "pipelines"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    watchers.push(
      watch(dir, {recursive: true}, (_event, name) => {
        if (name && /(^|[/\\])\.|~$|\.(tmp|swp|swx)$/.test(String(name))) return; // editor and temp files
        clearTimeout(timer);
        timer = setTimeout(() => void rebuild(), 150);
      })
    );
  }

  await new Promise<void>((stopped) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      server.close(() => stopped());
      server.closeAllConnections();
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, {once: true});
    process.prependOnceListener("SIGINT", stop);
    process.prependOnceListener("SIGTERM", stop);
  });
}

/** The Host headers the preview answers on a port: the loopback names only (no DNS rebinding). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/**
 * Serves the files of `siteDir` to requests whose Host header is in `hosts` (filled in once the port is known):
 * folder indexes, content types, no way out of the folder, and redirects only ever to a path of the site.
 */
export function siteHandler(
  siteDir: string,
  hosts: ReadonlySet<string>
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    if (!hosts.has(String(request.headers.host).toLowerCase())) refuseHost(response);
    else serveFile(siteDir, request, response);
  };
}

function refuseHost(response: ServerResponse): void {
  response.writeHead(403, {"content-type": "text/plain; charset=utf-8"}).end("unknown Host header\n");
}

function serveFile(siteDir: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, {allow: "GET, HEAD"}).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const file = resolve(siteDir, `.${pathname}`);
  if ((file !== siteDir && !file.startsWith(siteDir + sep)) || pathname.includes("\0")) {
    notFound(response);
    return;
  }
  let path = file;
  if (existsSync(path) && statSync(path).isDirectory()) {
    if (!pathname.endsWith("/")) {
      // Relative links on the folder's index.html only resolve with the trailing slash.
      // The location is rebuilt from the resolved path, encoded: never another host, never a raw character.
      const path = relative(siteDir, file).split(sep).map(encodeURIComponent).join("/");
      response.writeHead(301, {location: path ? `/${path}/` : "/"}).end();
      return;
    }
    path = join(path, "index.html");
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    notFound(response);
    return;
  }
  const type = contentTypes[extname(path)] ?? "application/octet-stream";
  let body: Buffer | string = readFileSync(path);
  if (extname(path) === ".html") body = injectReload(body.toString("utf8"));
  response.writeHead(200, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store"
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

function notFound(response: ServerResponse): void {
  const body = `<!doctype html><meta charset="utf-8"><title>Not found</title><p>Not found. <a href="/">Home</a></p>`;
  response
    .writeHead(404, {"content-type": "text/html; charset=utf-8", "cache-control": "no-store"})
    .end(injectReload(body));
}

/** The live-reload client, added to HTML as it is served (never written to disk). */
function injectReload(html: string): string {
  const script = `<script>
(() => {
  const events = new EventSource(${JSON.stringify(reloadPath)});
  let banner;
  const show = (message) => {
    banner ??= Object.assign(document.body.appendChild(document.createElement("pre")), {role: "alert"});
    banner.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:99;margin:0;max-height:50vh;overflow:auto;padding:1rem;background:#b3261e;color:#fff;font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap";
    banner.textContent = "Build failed: " + message;
  };
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("ok", () => {
    banner?.remove();
    banner = undefined;
  });
  events.addEventListener("failure", (event) => show(JSON.parse(event.data)));
})();
</script>`;
  return html.includes("</body>") ? html.replace("</body>", `${script}\n</body>`) : html + script;
}

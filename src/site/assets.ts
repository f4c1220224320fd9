// The site's static assets: our stylesheet and copy-button script, and KaTeX's stylesheet with its WOFF2 fonts
// (the only format every current browser needs), read from the installed katex package. Nothing is fetched.
import {readdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fontPath, theme} from "../render/theme.js";
import {assets} from "./paths.js";

const styleUrl = new URL("./style.css", import.meta.url);
const scriptUrl = new URL("./site.js", import.meta.url);
const searchUrl = new URL("./search.js", import.meta.url);

/** The folder of KaTeX's distribution files (found without loading KaTeX). */
export function katexDist(): string {
  return dirname(createRequire(import.meta.url).resolve("katex"));
}

/** The installed KaTeX version, read from its package.json. */
export function katexPackageVersion(): string {
  return (JSON.parse(readFileSync(join(katexDist(), "..", "package.json"), "utf8")) as {version: string}).version;
}

/** Every asset file: site path → content. KaTeX's files are included only when some page has math. */
export function siteAssets(math: boolean): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  files.set(assets.style, readFileSync(styleUrl, "utf8"));
  files.set(assets.script, readFileSync(scriptUrl, "utf8"));
  files.set(assets.search, readFileSync(searchUrl, "utf8"));
  // The figures' font, so that their text measures the same on every system.
  files.set(assets.figureFont, readFileSync(fontPath(theme)));
  if (math) {
    const dist = katexDist();
    const css = readFileSync(join(dist, "katex.min.css"), "utf8").replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "");
    files.set(assets.katex, css);
    const folder = assets.katex.replace(/[^/]+$/, "fonts");
    for (const name of readdirSync(join(dist, "fonts")).filter((n) => n.endsWith(".woff2")).sort()) {
      files.set(`${folder}/${name}`, readFileSync(join(dist, "fonts", name)));
    }
  }
  return files;
}

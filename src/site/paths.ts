// Where each thing lives in the site (paths relative to site/, posix), and relative links between them, so that
// the site works from file:// and from any sub-path.
import {dirname, normalize, relative} from "node:path/posix";

/** The site path of the home page. */
export const homePage = "index.html";

/** The site path of the citation page. */
export const citePage = "cite.html";

/** The site path of the search page. */
export const searchPage = "search.html";

/** BibTeX and CFF downloads: one .bib per paper, the companion's (with every paper), and CITATION.cff. */
export const citeFiles = {
  companion: "cite/companion.bib",
  cff: "cite/CITATION.cff",
  paper: (slug: string) => `cite/${slug}.bib`
} as const;

/** Assets shared by every page. */
export const assets = {
  style: "assets/style.css",
  script: "assets/site.js",
  search: "assets/search.js",
  katex: "assets/katex/katex.min.css",
  figureFont: "assets/fonts/DejaVuSans.ttf"
} as const;

/** The page of a paper, e.g. "feature-learning/index.html". */
export function paperPage(paper: string): string {
  return `${paper}/index.html`;
}

/** The page of one figure or table, e.g. "feature-learning/fl-gamma.html". */
export function itemPage(paper: string, id: string): string {
  return `${paper}/${id}.html`;
}

/** A rendered figure or table file offered for download, e.g. "feature-learning/files/fl-gamma.pdf". */
export function itemFile(paper: string, id: string, extension: string): string {
  return `${paper}/files/${id}.${extension}`;
}

/** An experiment's data files: results JSON, claims JSON, or the CSV of one dataset table. */
export function dataFile(paper: string, experiment: string, kind: "json" | "claims" | {table: string}): string {
  if (kind === "json") return `${paper}/data/${experiment}.json`;
  if (kind === "claims") return `${paper}/data/${experiment}.claims.json`;
  return `${paper}/data/${experiment}-${kind.table.replace(/[^A-Za-z0-9_-]+/g, "-")}.csv`;
}

/**
 * The relative link from the page at `from` to `to` (both site paths; `to` may carry a #fragment):
 * relativeHref("demo/index.html", "assets/style.css") is "../assets/style.css".
 */
export function relativeHref(from: string, to: string): string {
  const hash = to.indexOf("#");
  const path = hash < 0 ? to : to.slice(0, hash);
  const fragment = hash < 0 ? "" : to.slice(hash);
  if (path === "" || path === from) return fragment || from.slice(from.lastIndexOf("/") + 1);
  return relative(dirname(from), path) + fragment;
}

/** Resolves a relative link written on the page at `from` to a site path (undefined when it leaves the site). */
export function resolveHref(from: string, href: string): {path: string; fragment: string} | undefined {
  const hash = href.indexOf("#");
  let path = (hash < 0 ? href : href.slice(0, hash)).replace(/\?.*$/, "");
  const fragment = hash < 0 ? "" : decodeURIComponent(href.slice(hash + 1));
  if (path === "") return {path: from, fragment};
  try {
    path = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const joined = normalize(`${dirname(from)}/${path}`);
  if (joined.startsWith("../") || joined === ".." || joined.startsWith("/")) return undefined;
  if (joined === "." || joined === "./") return {path: "index.html", fragment};
  return {path: joined.endsWith("/") ? `${joined}index.html` : joined, fragment};
}

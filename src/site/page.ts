// The page layout: document head (styles, KaTeX's stylesheet only where there is math, the copy script only
// where there is something to copy), skip link, header, main content and footer.
import {escapeHtml} from "./html.js";
import {siteHeader} from "./nav.js";
import type {Section} from "./nav.js";
import {assets, relativeHref} from "./paths.js";

/** One page of the site. */
export interface PageSpec {
  /** Site path, e.g. "feature-learning/index.html". */
  path: string;
  /** The page's own title; the site's title is appended. */
  title: string;
  description: string;
  siteTitle: string;
  section?: Section;
  /** The HTML inside <main>. */
  main: string;
}

/** Writes a complete HTML document. */
export function layout(spec: PageSpec): string {
  const {path, siteTitle, main} = spec;
  const href = (target: string) => escapeHtml(relativeHref(path, target));
  const title = spec.title === siteTitle ? siteTitle : `${spec.title} · ${siteTitle}`;
  const math = main.includes('class="katex');
  const script = main.includes("data-copy");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(spec.description)}">
<link rel="icon" href="data:,">
${math ? `<link rel="stylesheet" href="${href(assets.katex)}">\n` : ""}<link rel="stylesheet" href="${href(assets.style)}">
${script ? `<script src="${href(assets.script)}" defer></script>\n` : ""}</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${siteHeader(path, siteTitle, spec.section)}
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<div class="site-footer-inner">
<p>Every figure, table and claim on this site is recomputed from the declared experiments by <code>npx orthogonal build</code>; each figure’s page gives its data, parameters, seeds and hashes.</p>
</div>
</footer>
</body>
</html>
`;
}

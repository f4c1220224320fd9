// Navigation shared by every page: the header's site links (home, papers, cite) and the breadcrumb trail.
import {escapeHtml} from "./html.js";
import {citePage, homePage, relativeHref} from "./paths.js";

/** Which header link is the current page. */
export type Section = "home" | "papers" | "cite";

/** The site header: the site's name and links to home, the paper list and the citation page. */
export function siteHeader(page: string, siteTitle: string, current: Section | undefined): string {
  const link = (section: Section, target: string, text: string) => {
    // "page" when the link leads to this very page; "true" for the section a page belongs to (a paper's page is in
    // Papers).
    const here = section !== current ? "" : target === page ? ' aria-current="page"' : ' aria-current="true"';
    return `<li><a href="${escapeHtml(relativeHref(page, target))}"${here}>${text}</a></li>`;
  };
  return `<header class="site-header">
<div class="site-header-inner">
<a class="site-title" href="${escapeHtml(relativeHref(page, homePage))}">${escapeHtml(siteTitle)}</a>
<nav class="site-nav" aria-label="Site">
<ul>
${link("home", homePage, "Home")}
${link("papers", `${homePage}#papers`, "Papers")}
${link("cite", citePage, "Cite")}
</ul>
</nav>
</div>
</header>`;
}

/** A breadcrumb trail ending at the current page: [text, site path] pairs, the last without a link. */
export function breadcrumbs(page: string, trail: [text: string, target: string | undefined][]): string {
  const items = trail.map(([text, target], i) =>
    i === trail.length - 1 || target === undefined
      ? `<li aria-current="page">${escapeHtml(text)}</li>`
      : `<li><a href="${escapeHtml(relativeHref(page, target))}">${escapeHtml(text)}</a></li>`
  );
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${items.join("")}</ol></nav>`;
}

// The citation page: BibTeX for the companion and for each paper, ready to copy.
import {formatBibtex} from "./citation.js";
import {byline} from "./context.js";
import {codeBlock, escapeHtml} from "./html.js";
import type {SiteModel} from "./model.js";
import {breadcrumbs} from "./nav.js";
import {citeFiles, citePage, homePage, paperPage, relativeHref} from "./paths.js";

/** The main content of the citation page. */
export function citePageHtml(model: SiteModel, hasCitationFile: boolean): string {
  const papers = model.content.papers.map(
    (paper) => `<section class="cite-entry" aria-labelledby="cite-${paper.slug}">
<h3 id="cite-${paper.slug}"><a href="${escapeHtml(relativeHref(citePage, paperPage(paper.slug)))}">${escapeHtml(paper.title)}</a></h3>
<p class="byline">${byline(paper.authors)}</p>
${codeBlock(`bibtex-${paper.slug}`, formatBibtex(model.paperEntries.get(paper.slug)!), `BibTeX of ${paper.shortTitle}`, {wrap: false})}
<p><a href="${escapeHtml(relativeHref(citePage, citeFiles.paper(paper.slug)))}" download>${escapeHtml(paper.slug)}.bib</a></p>
</section>`
  );
  return `${breadcrumbs(citePage, [
    ["Home", homePage],
    ["Cite", undefined]
  ])}
<article class="cite-page">
<header class="page-header">
<h1>Cite</h1>
<p class="lede">When you use a result, cite its paper. When you use the figures, data or code of this companion, cite the companion as well.</p>
</header>
<section aria-labelledby="companion">
<h2 id="companion">The companion</h2>
${codeBlock("bibtex-companion", formatBibtex(model.companion), "BibTeX of the companion", {wrap: false})}
<p>Download: <a href="${escapeHtml(relativeHref(citePage, citeFiles.companion))}" download>companion.bib</a> (the companion and every paper) · <a href="${escapeHtml(relativeHref(citePage, citeFiles.cff))}" download>CITATION.cff</a>${hasCitationFile ? " (the repository’s, for this version)" : ""}</p>
</section>
<section aria-labelledby="papers">
<h2 id="papers">The papers</h2>
${papers.join("\n")}
</section>
</article>`;
}

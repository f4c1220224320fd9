// Site search: a Pagefind index of every page's main content, built at build time by the pagefind package's own
// binary (no network), and a small search page that queries it in the browser. Pagefind loads its index with
// fetch, so search works when the site is served over http (`orthogonal serve`, any static server), not from file://.

/** Where the index lives in the site. */
export const searchFolder = "pagefind";

/** Whether the pagefind package (and its binary for this platform) is installed. */
export async function searchAvailable(): Promise<boolean> {
  try {
    // Resolved, not loaded: a build with nothing to rebuild never starts Pagefind.
    import.meta.resolve("pagefind");
    return true;
  } catch {
    return false;
  }
}

/**
 * Indexes the HTML pages (site path → HTML) and returns the index files by site path (under pagefind/). Throws
 * with Pagefind's errors when indexing fails.
 */
export async function searchIndex(pages: ReadonlyMap<string, string>): Promise<Map<string, Uint8Array>> {
  const pagefind = await import("pagefind");
  const {index, errors} = await pagefind.createIndex({forceLanguage: "en", keepIndexUrl: true});
  try {
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    for (const [path, html] of [...pages].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const added = await index.addHTMLFile({url: `/${path}`, content: html});
      if (added.errors.length) throw new Error(`search index: ${path}: ${added.errors.join("; ")}`);
    }
    const {files, errors: fileErrors} = await index.getFiles();
    if (fileErrors.length) throw new Error(`search index: ${fileErrors.join("; ")}`);
    const out = new Map<string, Uint8Array>();
    for (const file of files) {
      const path = file.path.replace(/^\/+/, "");
      // Pagefind's own UI bundles and playground are not used: the search page has its own small interface.
      if (/^(pagefind-ui|pagefind-modular-ui|pagefind-component-ui|playground)/.test(path)) continue;
      out.set(`${searchFolder}/${path}`, file.content);
    }
    return out;
  } finally {
    await pagefind.close();
  }
}

/** The main content of the search page: a form that works with scripts, and says what to do without them. */
export function searchPageHtml(): string {
  return `<article class="search-page">
<header class="page-header">
<h1>Search</h1>
<p class="lede">Search every page of the companion: prose, captions, claims and parameters.</p>
</header>
<form class="search-form" role="search" action="search.html" method="get">
<label for="search-input">Words to look for</label>
<div class="search-row"><input id="search-input" name="q" type="search" autocomplete="off" spellcheck="false"><button type="submit">Search</button></div>
</form>
<p class="note search-status" id="search-status" role="status">Search runs in the browser and needs JavaScript; it works when the site is served over http (for example with <code>npx orthogonal serve</code>), not when pages are opened as files.</p>
<ol class="search-results" id="search-results"></ol>
<script src="assets/search.js"></script>
</article>`;
}

// The search page: queries the Pagefind index built with the site, and lists the pages found with an excerpt.
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const form = input?.closest("form");
let pagefind;
// The index is written beside the assets folder (not a source file: kept out of static import analysis). A
// classic script (module scripts do not load from file://), so its address comes from currentScript.
const indexModule = new URL(["..", "pagefind", "pagefind.js"].join("/"), document.currentScript?.src ?? location.href).href;
const served = location.protocol === "http:" || location.protocol === "https:";

async function load() {
  if (!pagefind) {
    pagefind = await import(indexModule);
    await pagefind.options({excerptLength: 24});
  }
  return pagefind;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "Type a word of a caption, a claim or a heading.";
    return;
  }
  status.textContent = "Searching…";
  try {
    const search = await (await load()).search(query);
    const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
    status.textContent = results.length === 0 ? `Nothing found for “${query}”.` : `${search.results.length} page${search.results.length === 1 ? "" : "s"} found for “${query}”.`;
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url.replace(/^\//, "");
      link.textContent = result.meta?.title ?? result.url;
      const excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      list.append(item);
    }
  } catch {
    status.textContent = "The search index could not be loaded: serve the site over http (npx orthogonal serve) to search it.";
  }
}

if (input && form && !served) {
  status.textContent = "Search works when the site is served over http (for example with npx orthogonal serve), not when its pages are opened as files.";
} else if (input && form) {
  const query = new URLSearchParams(location.search).get("q") ?? "";
  input.value = query;
  status.textContent = "Type a word of a caption, a claim or a heading.";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
    run(input.value);
  });
  if (query) run(query);
}

// The footer of every page: which version and commit the site shows, the archive of that version (with its size
// and SHA-256) and, where content/index.md declares them, the repository and the DOI. Nothing undeclared is shown.
import {escapeHtml} from "./html.js";
import type {SiteModel} from "./model.js";
import {relativeHref} from "./paths.js";

/** The footer's content for the page at `page`. */
export function footerHtml(model: SiteModel, page: string): string {
  const {release, archive, content} = model;
  const {repository, doi} = content.home;
  const href = (target: string) => escapeHtml(relativeHref(page, target));
  const version = [`<strong>${escapeHtml(model.siteTitle)}</strong> version ${escapeHtml(release.version)}`];
  if (release.commit) {
    const commit = repository && /^https:\/\/(github\.com|gitlab\.com|codeberg\.org)\//.test(repository)
      ? `<a href="${escapeHtml(`${repository.replace(/\.git$/, "").replace(/\/$/, "")}/commit/${release.commit}`)}"><code>${escapeHtml(release.commit.slice(0, 12))}</code></a>`
      : `<code title="${escapeHtml(release.commit)}">${escapeHtml(release.commit.slice(0, 12))}</code>`;
    version.push(`commit ${commit}${release.date ? ` of ${escapeHtml(release.date.slice(0, 10))}` : ""}${release.changed.length ? " with uncommitted changes" : ""}`);
  }
  const lines = [`<p class="footer-version">${version.join(", ")}.</p>`];
  if (archive) {
    lines.push(
      `<p class="footer-archive">Source, datasets, figures and tables: <a href="${href(archive.path)}" download>${escapeHtml(archive.record.file)}</a> (${formatSize(archive.record.size)}, SHA-256 <code class="hash">${escapeHtml(archive.record.sha256)}</code>).</p>`
    );
  }
  const where = [
    repository ? `Repository: <a href="${escapeHtml(repository)}">${escapeHtml(repository.replace(/^https:\/\//, ""))}</a>` : "",
    doi ? `DOI: <a href="${escapeHtml(`https://doi.org/${doi}`)}">${escapeHtml(doi)}</a>` : ""
  ].filter(Boolean);
  if (where.length) lines.push(`<p class="footer-links">${where.join(" · ")}</p>`);
  lines.push(
    `<p>Every figure, table and claim on this site is recomputed from the declared experiments by <code>npx orthogonal build</code>; each figure’s page gives its data and the steps that reproduce it.</p>`
  );
  return lines.join("\n");
}

/** "1.4 MB", "812 kB", "96 B" (decimal units). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

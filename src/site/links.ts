// The link checker: every relative link and resource of every page must point at a file of the site, every
// #fragment at an id on its page, no page may load anything from the network, and ids are unique per page.
// Links written in prose fail as a ContentError naming the content file and line; the rest are internal errors.
import {dirname, normalize} from "node:path/posix";
import {ContentError} from "../contract/error.js";
import type {SourceLink} from "./markdown.js";
import {resolveHref} from "./paths.js";

/** Checks the site in memory (site path → content); throws on the first broken prose link, then on any other problem. */
export function checkLinks(files: ReadonlyMap<string, string | Uint8Array>, sourceLinks: readonly SourceLink[]): void {
  const ids = new Map<string, Set<string>>();
  const problems: string[] = [];
  const idsOf = (page: string) => {
    let set = ids.get(page);
    if (!set) {
      set = new Set<string>();
      const text = files.get(page);
      if (typeof text === "string") {
        for (const [, id] of text.matchAll(/\sid="([^"]*)"/g)) {
          if (set.has(id)) problems.push(`site/${page}: duplicate id ${id}`);
          set.add(id);
        }
      }
      ids.set(page, set);
    }
    return set;
  };
  const check = (page: string, href: string): string | undefined => {
    const target = resolveHref(page, href);
    if (!target) return `${href} leaves the site folder`;
    if (!files.has(target.path)) return `${href}: no such file in the site (${target.path})`;
    if (target.fragment && target.path.endsWith(".html") && !idsOf(target.path).has(target.fragment)) {
      return `${href}: no element with id "${target.fragment}" on ${target.path}`;
    }
    return undefined;
  };

  for (const link of sourceLinks) {
    const problem = check(link.page, link.href);
    if (problem) throw new ContentError(link.file, link.field, `broken link ${problem}`, link.line);
  }

  for (const [path, text] of files) {
    if (typeof text !== "string") continue;
    if (path.endsWith(".html")) {
      idsOf(path);
      for (const [, tag, attributes] of text.matchAll(/<([a-zA-Z][\w:-]*)(\s[^>]*)?>/g)) {
        // Double-quoted, single-quoted and unquoted values alike.
        const attributePattern = /\s(href|src|xlink:href|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
        for (const [, name, double, single, bare] of (attributes ?? "").matchAll(attributePattern)) {
          const href = (double ?? single ?? bare).replace(/&amp;/g, "&");
          if (href.startsWith("data:")) continue;
          if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
            if (tag.toLowerCase() !== "a" || !/^(https?|mailto):/i.test(href)) problems.push(`site/${path}: <${tag} ${name}="${href}"> would load from outside the site`);
            continue;
          }
          if (href.startsWith("/")) {
            problems.push(`site/${path}: absolute link ${href}`);
            continue;
          }
          const problem = check(path, href);
          if (problem) problems.push(`site/${path}: broken link ${problem}`);
        }
      }
    } else if (path.endsWith(".css")) {
      for (const [, quoted] of text.matchAll(/url\(\s*([^)]*?)\s*\)/g)) {
        const url = quoted.replace(/^(['"])(.*)\1$/, "$2");
        if (url.startsWith("data:") || url.startsWith("#")) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//") || url.startsWith("/")) {
          problems.push(`site/${path}: url(${url}) would load from outside the site`);
        } else if (!files.has(normalize(`${dirname(path)}/${url.replace(/[?#].*$/, "")}`))) {
          problems.push(`site/${path}: url(${url}): no such file in the site`);
        }
      }
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join("\n  ");
    throw new Error(`the site has ${problems.length} broken link${problems.length > 1 ? "s" : ""} or resource${problems.length > 1 ? "s" : ""}:\n  ${shown}`);
  }
}

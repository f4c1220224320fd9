// Citations: reads the committed BibTeX file that prose cites with [@key], writes BibTeX entries for the papers
// (from their front matter) and for the companion (from CITATION.cff), and formats references for readers.
import {parse as parseYaml} from "yaml";
import type {Paper} from "../contract/content.js";
import {ContentError} from "../contract/error.js";
import {escapeHtml} from "./html.js";

/** One BibTeX entry; field names are lowercase and values keep their LaTeX. */
export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
  /** Where it was read from ("content/references.bib"), when it comes from a file. */
  file?: string;
  line?: number;
}

/** Where prose citations are resolved: committed, so that builds never need the network. */
export const referencesPath = "content/references.bib";

/** Parses BibTeX (entries, @string macros, @comment and @preamble); throws a ContentError naming the line of a syntax error. */
export function parseBibtex(text: string, file: string): Map<string, BibEntry> {
  const entries = new Map<string, BibEntry>();
  const macros = new Map<string, string>(months);
  let i = 0;
  const lineAt = (offset: number) => {
    let line = 1;
    for (let j = 0; j < offset && j < text.length; ++j) if (text.charCodeAt(j) === 10) ++line;
    return line;
  };
  const fail = (detail: string, offset = i): never => {
    throw new ContentError(file, undefined, `BibTeX: ${detail}`, lineAt(offset));
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) ++i;
  };
  const word = () => {
    const match = /^[^\s"#%'(),={}]+/.exec(text.slice(i, i + 256));
    if (!match) fail(`expected a name at ${JSON.stringify(text.slice(i, i + 12))}`);
    i += match![0].length;
    return match![0];
  };
  const balanced = (open: string, close: string) => {
    const start = ++i;
    for (let depth = 1; i < text.length; ++i) {
      if (text[i] === "\\") ++i;
      else if (text[i] === open && open !== close) ++depth;
      else if (text[i] === "{" && open === '"') i = skipBraces(i);
      else if (text[i] === close && --depth === 0) return text.slice(start, i++);
    }
    return fail(`unclosed ${open}`, start - 1);
  };
  const skipBraces = (at: number) => {
    for (let depth = 0, j = at; j < text.length; ++j) {
      if (text[j] === "\\") ++j;
      else if (text[j] === "{") ++depth;
      else if (text[j] === "}" && --depth === 0) return j;
    }
    return fail("unbalanced braces", at);
  };
  const value = () => {
    const parts: string[] = [];
    for (;;) {
      skipSpace();
      if (text[i] === "{") parts.push(balanced("{", "}"));
      else if (text[i] === '"') parts.push(balanced('"', '"'));
      else if (/[0-9]/.test(text[i] ?? "")) parts.push(word());
      else {
        const at = i;
        const name = word().toLowerCase();
        const macro = macros.get(name);
        if (macro === undefined) fail(`unknown @string macro ${name}`, at);
        parts.push(macro!);
      }
      skipSpace();
      if (text[i] !== "#") return parts.join("");
      ++i;
    }
  };
  const nextEntry = () => {
    // Outside entries everything is comment; a % comments out the rest of its line (as biber reads it).
    for (; i < text.length; ++i) {
      if (text[i] === "%") while (i < text.length && text[i] !== "\n") ++i;
      else if (text[i] === "@") return i;
    }
    return -1;
  };
  while (nextEntry() >= 0) {
    const start = i++;
    const type = word().toLowerCase();
    skipSpace();
    const open = text[i];
    if (open !== "{" && open !== "(") fail(`expected { after @${type}`);
    const close = open === "{" ? "}" : ")";
    if (type === "comment" || type === "preamble") {
      balanced(open, close);
      continue;
    }
    ++i;
    skipSpace();
    if (type === "string") {
      const name = word().toLowerCase();
      skipSpace();
      if (text[i++] !== "=") fail(`expected = in @string ${name}`, i - 1);
      macros.set(name, value());
      skipSpace();
      if (text[i++] !== close) fail(`expected ${close} to close @string ${name}`, i - 1);
      continue;
    }
    const key = word();
    if (entries.has(key)) fail(`duplicate key ${key}`, start);
    const fields: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text[i] === ",") {
        ++i;
        skipSpace();
      }
      if (text[i] === close) {
        ++i;
        break;
      }
      if (i >= text.length) fail(`entry ${key} is never closed`, start);
      const name = word().toLowerCase();
      skipSpace();
      if (text[i++] !== "=") fail(`expected = after field ${name} of ${key}`, i - 1);
      const at = i;
      fields[name] = value().replace(/\s+/g, " ").trim();
      if (name === "url" && !/^https?:\/\//i.test(fields[name]))
        fail(`field url of ${key} must be an https: or http: address, got ${JSON.stringify(fields[name])}`, at);
    }
    entries.set(key, {type, key, fields, file, line: lineAt(start)});
  }
  return entries;
}

/** The BibTeX entry of a paper, from its front matter (title, authors, year, venue, arXiv id). */
export function paperEntry(paper: Paper): BibEntry {
  const fields: Record<string, string> = {title: `{${bibEscape(paper.title)}}`, author: paper.authors.map(bibEscape).join(" and ")};
  if (paper.booktitle) fields.booktitle = bibEscape(paper.booktitle);
  else if (paper.venue) fields[/arxiv/i.test(paper.venue) ? "howpublished" : "booktitle"] = bibEscape(paper.venue);
  if (paper.year !== undefined) fields.year = String(paper.year);
  if (paper.arxiv) {
    const id = paper.arxiv.replace(/v\d+$/, "");
    Object.assign(fields, {eprint: id, archiveprefix: "arXiv", url: `https://arxiv.org/abs/${id}`});
  }
  const type = fields.booktitle ? "inproceedings" : "misc";
  return {type, key: paperKey(paper), fields};
}

/** A stable citation key for a paper: first author's family name, year, first significant title word ("melamed2023adversarial"). */
export function paperKey(paper: Paper): string {
  const ascii = (s: string) => s.normalize("NFD").replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  const family = ascii(paper.authors[0].trim().split(/\s+/).at(-1) ?? "");
  const word = paper.title
    .split(/[^A-Za-z0-9À-ž]+/)
    .map(ascii)
    .find((w) => w.length > 0 && !stopWords.has(w));
  return `${family || "anon"}${paper.year ?? ""}${word ?? ""}`;
}

/**
 * The BibTeX entry of the companion itself: from CITATION.cff (CFF 1.2.0) when the project has one, otherwise a
 * @misc entry from the home page's title and description.
 */
export function companionEntry(cff: string | undefined, home: {title: string; description: string}): BibEntry {
  if (cff === undefined) {
    return {type: "misc", key: slugKey(home.title), fields: {title: `{${bibEscape(home.title)}}`, note: bibEscape(home.description)}};
  }
  const spec = (parseYaml(cff) ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof spec[name] === "string" ? (spec[name] as string) : undefined);
  const authors = (Array.isArray(spec.authors) ? spec.authors : []).map((a: Record<string, string>) =>
    a.name ? `{${bibEscape(a.name)}}` : bibEscape([a["name-particle"], a["family-names"]].filter(Boolean).join(" ") + (a["given-names"] ? `, ${a["given-names"]}` : ""))
  );
  const title = text("title") ?? home.title;
  const fields: Record<string, string> = {title: `{${bibEscape(title)}}`};
  if (authors.length) fields.author = authors.join(" and ");
  if (text("abstract") ?? home.description) fields.note = bibEscape(text("abstract") ?? home.description);
  if (spec.version !== undefined) fields.version = String(spec.version);
  const released = text("date-released") ?? (spec["date-released"] instanceof Date ? (spec["date-released"] as Date).toISOString().slice(0, 10) : undefined);
  if (released) {
    fields.year = released.slice(0, 4);
    fields.month = String(Number(released.slice(5, 7)));
    fields.date = released;
  }
  if (text("license")) fields.license = text("license")!;
  if (text("doi")) fields.doi = text("doi")!;
  const url = text("repository-code") ?? text("url");
  if (url) fields.url = url;
  return {type: "software", key: slugKey(title.split(":")[0]), fields};
}

/** Writes an entry as BibTeX text, fields in a fixed order. */
export function formatBibtex(entry: BibEntry): string {
  const order = ["title", "author", "booktitle", "journal", "howpublished", "year", "month", "date", "version", "eprint", "archiveprefix", "doi", "url", "license", "note"];
  const names = Object.keys(entry.fields).sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const width = Math.max(...names.map((n) => displayName(n).length));
  const lines = names.map((name) => `  ${displayName(name).padEnd(width)} = {${entry.fields[name]}}`);
  return `@${entry.type}{${entry.key},\n${lines.join(",\n")}\n}`;
}

/** A reference for readers, as HTML: authors, title, venue and year, and links to the DOI, arXiv or URL. */
export function formatReference(entry: BibEntry): string {
  const f = (name: string) => (entry.fields[name] === undefined ? undefined : latexToText(entry.fields[name]));
  const parts: string[] = [];
  const authors = entry.fields.author ? splitAuthors(entry.fields.author).map(latexToText) : [];
  if (authors.length) parts.push(`${escapeHtml(joinNames(authors))}.`);
  if (f("title")) parts.push(`<cite>${escapeHtml(f("title")!)}</cite>.`);
  const venue = f("journal") ?? f("booktitle") ?? f("howpublished") ?? f("publisher") ?? (entry.fields.archiveprefix ? "arXiv preprint" : undefined);
  const where = [venue, f("volume") && `vol. ${f("volume")}`, f("pages") && `pp. ${f("pages")}`, f("year")].filter(Boolean).join(", ");
  if (where) parts.push(`${escapeHtml(where)}.`);
  const links: string[] = [];
  if (entry.fields.doi) links.push(link(`https://doi.org/${entry.fields.doi}`, `doi:${entry.fields.doi}`));
  if (entry.fields.eprint && /arxiv/i.test(entry.fields.archiveprefix ?? "")) {
    links.push(link(`https://arxiv.org/abs/${entry.fields.eprint}`, `arXiv:${entry.fields.eprint}`));
  } else if (entry.fields.url) {
    links.push(link(entry.fields.url, entry.fields.url.replace(/^https?:\/\//, "")));
  }
  return [...parts, ...links].join(" ");
}

/** A plain-text reference (for tooltips). */
export function referenceText(entry: BibEntry): string {
  return formatReference(entry)
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[e]!);
}

/** Converts common LaTeX in BibTeX values to Unicode text: accents, escaped specials, dashes, and braces removed. */
export function latexToText(value: string): string {
  return value
    .replace(/\\([cvuHkr])\s*\{(\w)\}/g, (_, accent: string, c: string) => (c + combining[accent]).normalize("NFC"))
    .replace(/\{?\\(['"`^~=.])\s*\{?([A-Za-z]|\\i)\}?\}?/g, (_, accent: string, c: string) => ((c === "\\i" ? "i" : c) + combining[accent]).normalize("NFC"))
    .replace(/\{?\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i)\b\s*\}?/g, (_, name: string) => letters[name])
    .replace(/\\([&%$#_{}])/g, "$1")
    .replace(/---/g, "—")
    .replace(/--/g, "–")
    .replace(/~/g, " ")
    .replace(/\\url\{([^}]*)\}/g, "$1")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function splitAuthors(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; ++i) {
    if (value[i] === "{") ++depth;
    else if (value[i] === "}") --depth;
    else if (depth === 0 && /^\s+and\s+/i.test(value.slice(i, i + 6)) && /\s/.test(value[i])) {
      const match = /^\s+and\s+/i.exec(value.slice(i))!;
      names.push(value.slice(start, i));
      i += match[0].length - 1;
      start = i + 1;
    }
  }
  names.push(value.slice(start));
  // "Family, Given" → "Given Family" (a comma inside braces belongs to the name)
  return names.map((n) => {
    const name = n.trim();
    const comma = topLevelComma(name);
    return comma < 0 ? name : `${name.slice(comma + 1).trim()} ${name.slice(0, comma).trim()}`;
  });
}

function topLevelComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; ++i) {
    if (text[i] === "{") ++depth;
    else if (text[i] === "}") --depth;
    else if (text[i] === "," && depth === 0) return i;
  }
  return -1;
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")}, and ${names.at(-1)}`;
}

function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function bibEscape(text: string): string {
  // Escape TeX specials outside $…$ math.
  return text
    .split(/(\$[^$]*\$)/)
    .map((part, i) => (i % 2 ? part : part.replace(/([&%#_])/g, "\\$1")))
    .join("");
}

function slugKey(title: string): string {
  return title.normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "companion";
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

function displayName(name: string): string {
  return name === "archiveprefix" ? "archivePrefix" : name;
}

const stopWords = new Set(["a", "an", "the", "on", "of", "in", "for", "and", "to", "how", "does", "do", "what", "why", "when", "is", "are", "with", "towards"]);
const months = new Map(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, String(i + 1)]));
const combining: Record<string, string> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  '"': "\u0308",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  c: "\u0327",
  v: "\u030c",
  u: "\u0306",
  H: "\u030b",
  k: "\u0328",
  r: "\u030a"
};
const letters: Record<string, string> = {ss: "ß", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", aa: "å", AA: "Å", o: "ø", O: "Ø", l: "ł", L: "Ł", i: "ı"};

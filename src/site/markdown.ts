// Prose in content: Markdown (markdown-it) with math, figure and table directives (`::figure{id}` on its own
// line), cross-references (`@fig:id`, `@tbl:id`), citations (`[@key]`, `[@a; @b]`), declared numbers (`{{name}}`,
// also inside math) and links between content files. Parsing and rendering are separate steps so that a page's figures can be numbered before any of its
// prose is written; every problem is a ContentError naming the content file and line.
import {dirname, join, normalize} from "node:path/posix";
import MarkdownItModule from "markdown-it";
import type {MarkdownIt, StateBlock, StateInline, Token} from "markdown-it";
import {ContentError} from "../contract/error.js";
import {escapeHtml} from "./html.js";
import {mathPlugin, typeset} from "./math.js";
import {relativeHref} from "./paths.js";
import {blockedHtml} from "./sanitize.js";

/** A piece of Markdown from a content file. */
export interface ProseSource {
  /** The content file, e.g. "content/feature-learning/spike.md". */
  file: string;
  /** The line of the file where `body` starts (1-based). */
  bodyLine: number;
  body: string;
  /** The HTML level of the first heading level used in the body (2 on paper pages, 3 in experiment sections). */
  headingLevel: number;
}

/** Parsed prose, ready to be resolved and rendered. */
export interface Prose {
  source: ProseSource;
  tokens: Token[];
}

/** A `::figure{id}` or `::table{id}` line. */
export interface Directive {
  kind: "figure" | "table";
  id: string;
  line: number;
}

/** A link written in prose, kept with its source line so that the link checker can point at it. */
export interface SourceLink {
  /** The page it appears on (site path). */
  page: string;
  /** The href as written into the page. */
  href: string;
  file: string;
  line?: number;
  /** The front-matter field it was written in (captions, abstracts). */
  field?: string;
}

/** What rendering prose needs to know about the page and the rest of the site. */
export interface ProseContext {
  /** The site path of the page being written, e.g. "feature-learning/index.html". */
  page: string;
  /** A cross-reference target: "Figure 3" and the site path with fragment; undefined when unknown. */
  reference(kind: "fig" | "tbl", id: string): {label: string; target: string} | undefined;
  /** A citation: its number on this page, its site path with fragment, and a plain-text reference; undefined when unknown. */
  cite(key: string): {label: string; target: string; title: string} | undefined;
  /** The site path of the page rendering a content file ("content/demo/mean.md" → "demo/index.html#demo-mean"). */
  contentPage(file: string): string | undefined;
  /** A unique id on the page for a heading with this text. */
  slug(text: string): string;
  /** The HTML of a figure or table placed by a directive at `file`:`line`. */
  place(kind: "figure" | "table", id: string, file: string, line: number): string;
  /** A declared number as printed: HTML for prose and a LaTeX body for math; undefined when no experiment declares it. */
  number(name: string): {html: string; latex: string} | undefined;
  /** KaTeX macros shared by the page. */
  macros: Record<string, string>;
  /** Collects the prose's relative links for the link checker. */
  links: SourceLink[];
}

/** A markdown-it instance with the site's syntax. */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItModule({html: true, linkify: false, typographer: true});
  mathPlugin(md);
  md.block.ruler.before("fence", "directive", directive, {alt: ["paragraph", "reference", "blockquote", "list"]});
  md.inline.ruler.after("math_inline", "xref", crossReference);
  md.inline.ruler.before("link", "citation", citation);
  md.inline.ruler.before("link", "number", numberReference);
  // Record where each link starts, for error lines.
  const link = md.inline.ruler.__rules__.find((rule) => rule.name === "link")!.fn;
  md.inline.ruler.at("link", (state, silent) => {
    const start = state.pos;
    const before = state.tokens.length;
    const ok = link(state, silent);
    if (ok && !silent && state.tokens[before]) state.tokens[before].meta = {...state.tokens[before].meta, offset: start};
    return ok;
  });
  md.renderer.rules.directive = (tokens, idx) => meta(tokens[idx]).html ?? "";
  md.renderer.rules.xref = (tokens, idx) => meta(tokens[idx]).html ?? "";
  md.renderer.rules.citation = (tokens, idx) => meta(tokens[idx]).html ?? "";
  md.renderer.rules.number = (tokens, idx) => meta(tokens[idx]).html ?? "";
  return md;
}

/** Parses prose (nothing is resolved yet: see renderProse). */
export function parseProse(md: MarkdownIt, source: ProseSource): Prose {
  return {source, tokens: md.parse(source.body, {file: source.file, bodyLine: source.bodyLine})};
}

/** The figure and table directives of parsed prose, in order. */
export function directivesOf(prose: Prose): Directive[] {
  return prose.tokens
    .filter((token) => token.type === "directive")
    .map((token) => ({kind: meta(token).kind as "figure" | "table", id: meta(token).id!, line: prose.source.bodyLine + token.map![0]}));
}

/** Resolves math, cross-references, citations, links, headings and directives, and renders the prose to HTML. */
export function renderProse(md: MarkdownIt, prose: Prose, context: ProseContext): string {
  const {source, tokens} = prose;
  const headingLevels = tokens.filter((t) => t.type === "heading_open").map((t) => Number(t.tag.slice(1)));
  const shift = headingLevels.length ? source.headingLevel - Math.min(...headingLevels) : 0;
  let blockLine = source.bodyLine;
  for (let i = 0; i < tokens.length; ++i) {
    const token = tokens[i];
    if (token.map) blockLine = source.bodyLine + token.map[0];
    const fail = (detail: string, line = blockLine): never => {
      throw new ContentError(source.file, undefined, detail, line);
    };
    switch (token.type) {
      case "heading_open": {
        const level = Math.min(6, Number(token.tag.slice(1)) + shift);
        token.tag = `h${level}`;
        tokens[i + 2].tag = token.tag;
        token.attrSet("id", context.slug(plainText(tokens[i + 1])));
        break;
      }
      case "math_block":
        token.meta = {html: math(numbersInMath(token.content, context, fail), true, context.macros, fail)};
        break;
      case "fence":
        if (token.info.trim() === "math") token.meta = {html: math(numbersInMath(token.content, context, fail), true, context.macros, fail)};
        break;
      case "directive":
        meta(token).html = context.place(meta(token).kind as "figure" | "table", meta(token).id!, source.file, blockLine);
        break;
      case "inline":
        resolveInline(token, source, context, blockLine);
        break;
      case "html_block":
        checkRawHtml(token.content, fail);
        break;
    }
  }
  return md.renderer.render(tokens, md.options, {});
}

/**
 * Renders a short piece of inline Markdown from front matter (a caption or an abstract) with math,
 * cross-references and citations; errors name the file and the field.
 */
export function renderInline(md: MarkdownIt, text: string, where: {file: string; field: string}, context: ProseContext): string {
  const tokens = md.parseInline(text, {});
  const firstLink = context.links.length;
  try {
    for (const token of tokens) resolveInline(token, {file: where.file, bodyLine: 1, body: text, headingLevel: 2}, context, 1);
  } catch (error) {
    if (error instanceof ContentError) throw new ContentError(where.file, where.field, error.detail);
    throw error;
  }
  for (const link of context.links.slice(firstLink)) Object.assign(link, {line: undefined, field: where.field});
  return md.renderer.render(tokens, md.options, {});
}

function resolveInline(token: Token, source: ProseSource, context: ProseContext, blockLine: number): void {
  const lineOf = (child: Token) => {
    const offset = meta(child).offset;
    if (typeof offset !== "number") return blockLine;
    let line = blockLine;
    for (let i = 0; i < offset && i < token.content.length; ++i) if (token.content.charCodeAt(i) === 10) ++line;
    return line;
  };
  for (const child of token.children ?? []) {
    const line = lineOf(child);
    const fail = (detail: string): never => {
      throw new ContentError(source.file, undefined, detail, line);
    };
    switch (child.type) {
      case "math_inline":
        meta(child).html = math(numbersInMath(child.content, context, fail), Boolean(meta(child).display), context.macros, fail);
        break;
      case "number": {
        const name = meta(child).id!;
        const number = context.number(name);
        if (!number) fail(unknownNumber(name));
        meta(child).html = `<span class="number">${number!.html}</span>`;
        break;
      }
      case "xref": {
        const kind = meta(child).kind as "fig" | "tbl";
        const id = meta(child).id!;
        const target = context.reference(kind, id);
        if (!target) fail(`unknown ${kind === "fig" ? "figure" : "table"} in cross-reference @${kind}:${id}`);
        meta(child).html = `<a class="xref" href="${escapeHtml(relativeHref(context.page, target!.target))}">${escapeHtml(target!.label)}</a>`;
        break;
      }
      case "citation": {
        const keys = meta(child).keys!;
        const cited = keys.map((key) => {
          const entry = context.cite(key);
          if (!entry) fail(`unknown citation key ${key} (not in content/references.bib)${/^(fig|tbl):/.test(key) ? `; for a cross-reference write @${key} without brackets` : ""}`);
          return `<a href="${escapeHtml(relativeHref(context.page, entry!.target))}" title="${escapeHtml(entry!.title)}">${escapeHtml(entry!.label)}</a>`;
        });
        meta(child).html = `<span class="citation">[${cited.join(", ")}]</span>`;
        break;
      }
      case "html_inline": {
        // markdown-it keeps no position for inline HTML: the first place its text appears in the paragraph.
        const at = Math.max(0, token.content.indexOf(child.content));
        const htmlLine = blockLine + (token.content.slice(0, at).match(/\n/g)?.length ?? 0);
        checkRawHtml(child.content, (detail) => {
          throw new ContentError(source.file, undefined, detail, htmlLine);
        });
        break;
      }
      case "link_open":
      case "image": {
        const name = child.type === "image" ? "src" : "href";
        const href = String(child.attrGet(name) ?? "");
        if (child.type === "image" && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) fail(`image ${href} would load from outside the site: put the file in the site`);
        const resolved = resolveLink(href, source.file, context, fail);
        child.attrSet(name, resolved);
        if (!/^[a-z][a-z0-9+.-]*:/i.test(resolved)) context.links.push({page: context.page, href: resolved, file: source.file, line});
        break;
      }
    }
  }
}

// Raw HTML in prose or a caption is kept as written only when the sanitiser's allow-list lets all of it through.
function checkRawHtml(html: string, fail: (detail: string) => never): void {
  const blocked = blockedHtml(html);
  if (blocked) fail(`raw HTML: ${blocked}`);
}

function resolveLink(href: string, file: string, context: ProseContext, fail: (detail: string) => never): string {
  if (/^(https?|mailto):/i.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return fail(`unsupported link ${href}: use https:, mailto: or a relative link`);
  if (href.startsWith("/")) return fail(`absolute link ${href}: write a relative link so the site works from any folder`);
  const hash = href.indexOf("#");
  const path = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? "" : href.slice(hash);
  if (path === "") return href;
  if (path.endsWith(".md")) {
    const target = normalize(join(dirname(file), decodeURIComponent(path)));
    const page = context.contentPage(target);
    if (!page) return fail(`link to ${path}: no such content file (${target})`);
    return relativeHref(context.page, fragment ? page.replace(/#.*$/, "") + fragment : page);
  }
  // Content folders mirror site folders (content/demo/x.md is shown on site/demo/index.html), so other
  // relative links are kept as written and checked against the site.
  return href;
}

interface Meta {
  html?: string;
  kind?: "figure" | "table" | "fig" | "tbl";
  id?: string;
  offset?: number;
  display?: boolean;
  keys?: string[];
}

function meta(token: Token): Meta {
  return (token.meta ??= {}) as Meta;
}

function math(tex: string, display: boolean, macros: Record<string, string>, fail: (detail: string) => never): string {
  try {
    return typeset(tex, display, macros);
  } catch (error) {
    return fail(`math: ${(error as Error).message.replace(/^KaTeX parse error: /, "")}`);
  }
}

/**
 * Replaces `{{name}}` in TeX by a declared number's LaTeX, so that `$\gamma = {{gammaAtTwo}}$` typesets the value.
 * Other double braces are TeX's own (`x^{{2}}`) and stay as written.
 */
function numbersInMath(tex: string, context: ProseContext, _fail: (detail: string) => never): string {
  return tex.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => {
    const number = context.number(name);
    return number ? `{${number.latex}}` : whole;
  });
}

function unknownNumber(name: string): string {
  if (!/^[A-Za-z]+$/.test(name)) return `{{${name}}}: a number's name is letters only (it is also a LaTeX command)`;
  return `unknown number {{${name}}}: declare it under numbers: in an experiment's front matter`;
}

function numberReference(state: StateInline, silent: boolean): boolean {
  const {src, pos} = state;
  if (src.charCodeAt(pos) !== 0x7b /* { */ || src.charCodeAt(pos + 1) !== 0x7b) return false;
  const match = /^\{\{\s*([^{}\s]*)\s*\}\}/.exec(src.slice(pos, pos + 200));
  if (!match) return false;
  if (!silent) {
    const token = state.push("number", "span", 0);
    token.meta = {id: match[1], offset: pos};
  }
  state.pos += match[0].length;
  return true;
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((t) => t.type === "text" || t.type === "code_inline")
    .map((t) => t.content)
    .join("");
}

const directiveLine = /^::([A-Za-z][\w-]*)\{([^}]*)\}\s*$/;

function directive(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src.charCodeAt(start) !== 0x3a || state.src.charCodeAt(start + 1) !== 0x3a) return false;
  const match = directiveLine.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match) return false;
  const [, name, argument] = match;
  if (name !== "figure" && name !== "table") {
    const {file = "content", bodyLine = 1} = state.env as {file?: string; bodyLine?: number};
    throw new ContentError(file, undefined, `unknown directive ::${name}; use ::figure{id} or ::table{id}`, bodyLine + startLine);
  }
  if (silent) return true;
  const token = state.push("directive", "figure", 0);
  token.block = true;
  token.map = [startLine, startLine + 1];
  token.meta = {kind: name, id: argument.trim()};
  state.line = startLine + 1;
  return true;
}

const crossReferencePattern = /^@(fig|tbl):([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)/;

function crossReference(state: StateInline, silent: boolean): boolean {
  const {src, pos} = state;
  if (src.charCodeAt(pos) !== 0x40 /* @ */) return false;
  if (pos > 0 && /[\w.]/.test(src[pos - 1])) return false; // an e-mail address
  const match = crossReferencePattern.exec(src.slice(pos, pos + 80));
  if (!match) return false;
  if (!silent) {
    const token = state.push("xref", "a", 0);
    token.meta = {kind: match[1], id: match[2], offset: pos};
  }
  state.pos += match[0].length;
  return true;
}

const citationPattern = /^\[(@[^\s;\]]+(?:\s*;\s*@[^\s;\]]+)*)\](?!\()/;

function citation(state: StateInline, silent: boolean): boolean {
  const {src, pos} = state;
  if (src.charCodeAt(pos) !== 0x5b /* [ */ || src.charCodeAt(pos + 1) !== 0x40) return false;
  const match = citationPattern.exec(src.slice(pos, pos + 1000));
  if (!match) return false;
  if (!silent) {
    const token = state.push("citation", "span", 0);
    token.meta = {keys: match[1].split(/\s*;\s*/).map((key) => key.slice(1)), offset: pos};
  }
  state.pos += match[0].length;
  return true;
}

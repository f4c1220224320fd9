// Splits a Markdown file into YAML front matter and body, keeping line numbers so that errors can point
// at the line of an offending field.
import {isNode, LineCounter, parseDocument} from "yaml";
import type {Document} from "yaml";
import {ContentError} from "../contract/error.js";

/** A parsed Markdown source: its front matter, its body, and a way to find the line of a field. */
export interface MarkdownSource {
  /** Path relative to the project root, e.g. "content/feature-learning/spike.md". */
  readonly path: string;
  readonly frontMatter: unknown;
  readonly body: string;
  /** The 1-based line of the Markdown body's first line. */
  readonly bodyLine: number;
  /** The 1-based line of a front-matter field given as a path (["claims", 2, "claim"]), if present. */
  lineOf(field: readonly (string | number)[]): number | undefined;
}

/** Parses a Markdown file; throws a ContentError with the line for malformed YAML or a missing delimiter. */
export function parseMarkdown(path: string, text: string): MarkdownSource {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const open = /^---\r?\n/.exec(text);
  if (!open) {
    return {path, frontMatter: {}, body: text, bodyLine: 1, lineOf: () => undefined};
  }
  const close = /^---[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end)
    throw new ContentError(path, undefined, "front matter opened with --- on line 1 is never closed with ---", 1);
  const yaml = rest.slice(0, end.index);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, {lineCounter, uniqueKeys: true, prettyErrors: true});
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos ? firstError.linePos[0].line + 1 : undefined;
    // The parser's own "at line N, column M" counts from the front matter, not the file: only ours is given.
    const message = firstError.message.split("\n")[0].replace(/ at line \d+, column \d+:?\s*$/, "");
    throw new ContentError(path, undefined, `invalid YAML: ${message}`, line);
  }
  let frontMatter: unknown;
  try {
    frontMatter = doc.toJS({maxAliasCount: 100}) ?? {};
  } catch (error) {
    // An alias bomb (aliases of aliases expanding to millions of nodes) is refused by the parser here.
    throw new ContentError(path, undefined, `invalid YAML: ${(error as Error).message.split("\n")[0]}`, 2);
  }
  const afterClose = rest.slice(end.index).replace(/^---[ \t]*\r?\n?/, "");
  const bodyLine = 2 + countLines(yaml) + 1;
  return {
    path,
    frontMatter,
    body: afterClose,
    bodyLine,
    lineOf: (field) => lineOfField(doc, lineCounter, field)
  };
}

function lineOfField(doc: Document, lineCounter: LineCounter, field: readonly (string | number)[]): number | undefined {
  // Walk up from the full path until a node exists (an unknown key has no node of its own: report its parent's key).
  for (let n = field.length; n > 0; --n) {
    const path = field.slice(0, n);
    const parent = n > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    // Prefer the key's position for map entries, so the line is where the field name is written.
    if (isNode(parent) && "items" in parent) {
      const key = path[n - 1];
      for (const item of (parent as {items: unknown[]}).items) {
        const pair = item as {
          key?: {value?: unknown; range?: [number, number, number]};
          range?: [number, number, number];
        };
        if (pair.key && pair.key.value === key && pair.key.range)
          return lineCounter.linePos(pair.key.range[0]).line + 1;
      }
    }
    const node = doc.getIn(path, true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + 1;
  }
  return undefined;
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; ++i) if (text.charCodeAt(i) === 10) ++lines;
  return lines;
}

// Raw HTML written in prose and captions, checked with DOMPurify (on a jsdom window) against an allow-list of
// elements and attributes. Nothing that runs script, styles the page or loads from outside the site gets through:
// a construct the sanitiser would remove is reported, so that the author hears of it instead of losing it silently.
import createDOMPurify from "dompurify";
import type {DOMPurify as Purifier} from "dompurify";
import {JSDOM} from "jsdom";

/** Elements raw HTML may use: text structure and formatting, lists, tables, images and links. */
export const allowedTags = [
  "a", "abbr", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "data",
  "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
  "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
  "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
  "u", "ul", "var", "wbr"
]; // prettier-ignore

/** Attributes raw HTML may use (and aria-*). No event handlers, style, srcset, poster or form actions. */
export const allowedAttributes = [
  "alt", "class", "colspan", "datetime", "dir", "headers", "height", "href", "id", "lang", "open", "reversed",
  "role", "rowspan", "scope", "span", "src", "start", "title", "type", "value", "width"
]; // prettier-ignore

/**
 * The first construct of an HTML fragment that the allow-list blocks, in words (`<script> is not allowed`,
 * `<img src="https://…"> would load from outside the site`), or undefined when the fragment is allowed as written.
 * Unbalanced fragments (an opening tag alone, as Markdown splits inline HTML) are checked tag by tag.
 */
export function blockedHtml(html: string): string | undefined {
  const purify = purifier();
  blocked = undefined;
  // The leading text puts what follows in the body, where the page will have it (a fragment starting with <script>
  // would otherwise be parsed into the head, which the sanitiser drops without a word).
  purify.sanitize(`.${html}`, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true
  });
  if (blocked) return blocked;
  for (const removed of purify.removed as {element?: Node; attribute?: Attr | null; from?: Element}[]) {
    if (removed.element) {
      const node = removed.element;
      if (node.nodeType === 8) continue; // a comment: inert
      if (node.nodeType === 1 && ["body", "head", "html"].includes((node as Element).tagName.toLowerCase())) continue; // the parser's wrapper
      return node.nodeType === 1 ? `<${(node as Element).tagName.toLowerCase()}> is not allowed` : "markup is not allowed";
    }
    const tag = removed.from?.tagName.toLowerCase() ?? "element";
    if (removed.attribute) return `attribute ${removed.attribute.name} of <${tag}> is not allowed`;
    return `an attribute of <${tag}> is not allowed`;
  }
  return undefined;
}

let instance: Purifier | undefined;
let blocked: string | undefined;

function purifier(): Purifier {
  if (instance) return instance;
  const purify = createDOMPurify(new JSDOM("").window as unknown as Window & typeof globalThis);
  purify.addHook("uponSanitizeAttribute", (node, event) => {
    const name = event.attrName;
    if (name !== "href" && name !== "src") return;
    const value = event.attrValue.trim();
    const tag = node.nodeName.toLowerCase();
    const external = /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//") || value.startsWith("\\");
    const allowed = name === "href" && tag === "a" ? !external || /^(https?|mailto):/i.test(value) : !external;
    if (!allowed) {
      blocked ??= `<${tag} ${name}="${value}"> ${name === "src" || tag !== "a" ? "would load from outside the site" : "is not an allowed link (use https:, mailto: or a relative link)"}`;
      event.keepAttr = false;
    }
  });
  return (instance = purify);
}

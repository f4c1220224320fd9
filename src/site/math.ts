// Math in prose: a markdown-it plugin reading $…$ (inline) and $$…$$ (display, also ```math fences), typeset at
// build time by KaTeX to HTML and MathML, so pages need no script to show equations.
import katex from "katex";
import type {MarkdownIt, StateBlock, StateInline} from "markdown-it";

/**
 * Typesets TeX with KaTeX (HTML for sight, MathML for assistive technology). Throws KaTeX's message on a syntax
 * error. `macros` is shared by the formulas of one page, so \gdef and \newcommand carry over.
 */
export function typeset(tex: string, display: boolean, macros: Record<string, string>): string {
  const html = katex.renderToString(tex, {displayMode: display, output: "htmlAndMathml", throwOnError: true, strict: "ignore", trust: false, macros});
  // A span, so that display math written inside a paragraph ($$…$$ mid-line) stays valid HTML; CSS makes it a block.
  return display ? `<span class="math-display">${html}</span>` : html;
}

/**
 * Adds the math syntax: tokens `math_inline` and `math_block` whose `content` is the TeX; `meta.offset` records
 * where an inline formula starts in its block's source, for error lines.
 */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, {alt: ["paragraph", "reference", "blockquote", "list"]});
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    return token.info.trim() === "math" ? String(token.meta?.html ?? "") : fence(tokens, idx, options, env, self);
  };
  md.renderer.rules.math_inline = (tokens, idx) => String(tokens[idx].meta?.html ?? "");
  md.renderer.rules.math_block = (tokens, idx) => `${String(tokens[idx].meta?.html ?? "")}\n`;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const {src, pos} = state;
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const open = display ? 2 : 1;
  const first = src[pos + open];
  if (first === undefined || (!display && /\s/.test(first))) return false;
  let end = -1;
  for (let i = pos + open; i < state.posMax; ++i) {
    const c = src[i];
    if (c === "\\") {
      ++i;
    } else if (c === "`" && !display) {
      break; // a code span: "$5 and `$x$`" is not math
    } else if (c === "$") {
      if (display) {
        if (src[i + 1] === "$") end = i;
      } else if (!/\s/.test(src[i - 1]) && !/[0-9]/.test(src[i + 1] ?? "")) {
        end = i;
      }
      if (end >= 0) break;
      if (display) continue;
      // An opening $ that never closes as math is literal.
    }
  }
  if (end < 0) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(pos + open, end);
    token.markup = display ? "$$" : "$";
    token.meta = {offset: pos, display};
  }
  state.pos = end + open;
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src.slice(start, start + 2) !== "$$") return false;
  const firstLine = state.src.slice(start + 2, max);
  let content: string;
  let line = startLine;
  const closedOnFirst = /\$\$\s*$/.exec(firstLine);
  if (closedOnFirst && firstLine.trim().length > 2) {
    content = firstLine.slice(0, closedOnFirst.index);
  } else {
    const lines = [firstLine];
    let closed = false;
    for (line = startLine + 1; line < endLine; ++line) {
      const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      const close = /\$\$\s*$/.exec(text);
      if (close) {
        lines.push(text.slice(0, close.index));
        closed = true;
        break;
      }
      if (text.trim() === "" && state.sCount[line] < state.blkIndent) break;
      lines.push(text);
    }
    if (!closed) return false;
    content = lines.join("\n");
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content.trim();
  token.markup = "$$";
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

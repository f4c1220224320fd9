// Tables as Markdown (GitHub pipe tables) for READMEs and previews, in Unicode text.
import {formatCell, normalizeTable} from "./table.js";
import type {Table} from "./table.js";

/**
 * Writes a table as a pipe table: header, alignment row (numbers right-aligned), one line per row, ending with a
 * newline. A column's group, if any, is appended to its header ("λ (published)"), since Markdown has no spanning
 * headers. Numbers are in Unicode (− signs, ×10⁻⁵ powers); Markdown syntax characters in text are escaped.
 */
export function tableToMarkdown(table: Table): string {
  const {columns, rows} = normalizeTable(table);
  const header = columns.map((column) =>
    escapeMarkdown(column.group ? `${column.label} (${column.group})` : column.label)
  );
  const rule = columns.map((column) =>
    column.align === "right" ? "---:" : column.align === "center" ? ":---:" : "---"
  );
  const lines = [line(header), line(rule)];
  for (const row of rows)
    lines.push(line(columns.map((column) => formatCell(row[column.key], column, "text", escapeMarkdown))));
  return lines.join("\n") + "\n";
}

/** Escapes characters with a meaning in Markdown table cells: \ | * _ ` [ ] < >, and newlines (as spaces). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\|*_`[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

function line(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

// Tables as HTML for the companion site: an optional group header row, right-aligned numbers, published columns marked.
import {columnGroups, formatCell, normalizeTable} from "./table.js";
import type {Table} from "./table.js";

/** Options of tableToHtml. */
export interface HtmlTableOptions {
  /** Class of the <table> element (default "orthogonal-table"). */
  className?: string;
}

/**
 * Writes a table as an HTML <table> (thead with an optional row of group headers, tbody), indented, ending with a
 * newline. Alignment is an inline style so the table reads right without a stylesheet; numeric cells have class
 * "num" and published columns class "published". Text is escaped; numbers use Unicode minus signs and <sup> powers.
 */
export function tableToHtml(table: Table, options: HtmlTableOptions = {}): string {
  const {columns, rows} = normalizeTable(table);
  const lines = [`<table class="${escapeHtml(options.className ?? "orthogonal-table")}">`, "  <thead>"];
  const groups = columnGroups(columns);
  if (groups.length > 0) {
    const cells = groups.map(({group, span}) => {
      const colspan = span > 1 ? ` colspan="${span}"` : "";
      return group === null
        ? `<th${colspan}></th>`
        : `<th${colspan} class="group" scope="colgroup">${escapeHtml(group)}</th>`;
    });
    lines.push(`    <tr>${cells.join("")}</tr>`);
  }
  const headers = columns.map(
    (column) => `<th${attributes(column, false)} scope="col">${escapeHtml(column.label)}</th>`
  );
  lines.push(`    <tr>${headers.join("")}</tr>`, "  </thead>", "  <tbody>");
  for (const row of rows) {
    const cells = columns.map(
      (column) => `<td${attributes(column, true)}>${formatCell(row[column.key], column, "html", escapeHtml)}</td>`
    );
    lines.push(`    <tr>${cells.join("")}</tr>`);
  }
  lines.push("  </tbody>", "</table>");
  return lines.join("\n") + "\n";
}

/** Escapes &, <, >, " and ' for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);
}

function attributes(column: {format: {type: string}; align: string; published?: boolean}, body: boolean): string {
  const classes = [
    ...(body && column.format.type !== "text" ? ["num"] : []),
    ...(column.published ? ["published"] : [])
  ];
  const style = column.align === "left" ? "" : ` style="text-align: ${column.align}"`;
  return (classes.length > 0 ? ` class="${classes.join(" ")}"` : "") + style;
}

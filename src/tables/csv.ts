// Tables as CSV (RFC 4180) for download: keys as headers, numbers at full precision, mean ± sd as two columns.
import {writeFull} from "./format.js";
import {isMeanSd, normalizeTable} from "./table.js";
import type {Table, TableCell} from "./table.js";

/**
 * Writes a table as RFC 4180 CSV: a header of column keys, CRLF line ends (also after the last record), fields quoted
 * when they hold a comma, quote, CR or LF (quotes doubled). Numbers are written at full precision (the shortest
 * string that reads back as the same double). A column holding mean ± sd cells becomes two, `key` (the mean) and
 * `key_sd`. Booleans are true/false; missing cells are empty.
 */
export function tableToCsv(table: Table): string {
  const {columns, rows} = normalizeTable(table);
  const replicated = new Set(
    columns.filter((column) => rows.some((row) => isMeanSd(row[column.key]))).map((column) => column.key)
  );
  const header = columns.flatMap((column) =>
    replicated.has(column.key) ? [column.key, `${column.key}_sd`] : [column.key]
  );
  const records = [header.map(quote)];
  for (const row of rows) {
    records.push(
      columns.flatMap((column) => {
        const cell = row[column.key];
        if (!replicated.has(column.key)) return [quote(field(cell))];
        return isMeanSd(cell) ? [writeFull(cell.mean), writeFull(cell.sd)] : [quote(field(cell)), ""];
      })
    );
  }
  return records.map((record) => record.join(",") + "\r\n").join("");
}

function field(cell: TableCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return writeFull(cell);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  if (typeof cell === "string") return cell;
  throw new Error("unexpected mean ± sd cell");
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

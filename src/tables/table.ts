// The table model that table modules return, its validation, and cell formatting shared by the writers.
import {defaultNumberFormat, formatMeanSd, formatNumber, writeMeanSd, writeNumber} from "./format.js";
import type {NumberFormat, Target} from "./format.js";

/** A replicated value: mean and standard deviation over seeds, written "mean ± sd". */
export interface MeanSd {
  mean: number;
  sd: number;
}

/**
 * A table cell: a number, a mean ± sd, a string (labels, or a published value exactly as printed in the paper), a
 * boolean (written yes/no) or null (missing, written as a dash).
 */
export type TableCell = number | string | boolean | MeanSd | null;

/** One row, keyed by column key; absent keys are missing cells. */
export type TableRow = Record<string, TableCell>;

/** How a column's cells are written: a number format or text. */
export type ColumnFormat = NumberFormat | {type: "text"};

/** One column. */
export interface Column {
  /** Key of the cells in rows, and CSV header. */
  key: string;
  /** Header for HTML, Markdown and plain text, in Unicode (e.g. "λ", "‖w‖²", "test error (%)"). */
  label: string;
  /** Header for LaTeX, e.g. "$\\lambda$"; defaults to the label with LaTeX specials escaped and Greek letters mapped. */
  latex?: string;
  /** Defaults to text when the column holds only strings, booleans and nulls, and to 3 significant digits otherwise. */
  format?: ColumnFormat;
  /** A spanning header over consecutive columns of the same group, e.g. "Reproduced" and "Published". */
  group?: string;
  /** Values reported in the paper, shown for comparison with the reproduced ones (marked in HTML). */
  published?: boolean;
  /** Defaults to left for text and right for numbers. */
  align?: "left" | "right" | "center";
}

/** A table: columns in display order and rows. */
export interface Table {
  columns: Column[];
  rows: TableRow[];
}

/** A column with its defaults filled in. */
export interface NormalizedColumn extends Column {
  format: ColumnFormat;
  align: "left" | "right" | "center";
}

/** A validated table: defaults filled in, every row has every key (missing cells are null). */
export interface NormalizedTable {
  columns: NormalizedColumn[];
  rows: TableRow[];
}

/** A run of consecutive columns under one group header (group null: no header over them). */
export interface ColumnGroup {
  group: string | null;
  /** Index of the first column. */
  start: number;
  span: number;
}

/** The mean ± sd cell of a summary over seeds (see ExperimentResult's PointResult.summary). */
export function meanSd(summary: {mean: number; sd: number}): MeanSd {
  return {mean: summary.mean, sd: summary.sd};
}

/** Whether a cell is a mean ± sd. */
export function isMeanSd(cell: TableCell): cell is MeanSd {
  return typeof cell === "object" && cell !== null;
}

/**
 * Validates a table and fills in defaults. Throws, naming the row and column, on duplicate or empty keys, cells
 * under unknown keys, NaN or infinite numbers, negative standard deviations, and numbers in text columns.
 */
export function normalizeTable(table: Table): NormalizedTable {
  if (table === null || typeof table !== "object" || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    throw new Error("a table needs columns and rows arrays");
  }
  if (table.columns.length === 0) throw new Error("a table needs at least one column");
  const keys = new Set<string>();
  for (const column of table.columns) {
    if (typeof column.key !== "string" || column.key === "") throw new Error("table column without a key");
    if (keys.has(column.key)) throw new Error(`duplicate table column: ${column.key}`);
    if (typeof column.label !== "string") throw new Error(`table column ${column.key} has no label`);
    keys.add(column.key);
  }
  const rows = table.rows.map((row, i) => {
    for (const key of Object.keys(row)) if (!keys.has(key)) throw new Error(`table row ${i}: unknown column ${key}`);
    const normalized: TableRow = {};
    for (const column of table.columns) {
      const cell = row[column.key] ?? null;
      checkCell(cell, `table row ${i}, column ${column.key}`);
      normalized[column.key] = cell;
    }
    return normalized;
  });
  const columns = table.columns.map((column): NormalizedColumn => {
    const numeric = rows.some((row) => typeof row[column.key] === "number" || isMeanSd(row[column.key]));
    const format = column.format ?? (numeric ? defaultNumberFormat : {type: "text"});
    if (format.type === "text" && numeric) throw new Error(`table column ${column.key} is text but holds numbers`);
    const align = column.align ?? (format.type === "text" ? "left" : "right");
    if (!["left", "right", "center"].includes(align)) throw new Error(`invalid align: ${align}`);
    return {...column, format, align};
  });
  return {columns, rows};
}

/**
 * Writes one cell for a target. Numbers and mean ± sd follow the column's format (LaTeX in math mode when signed or
 * scientific); strings go through `escape` (the writer's escaping); booleans are yes/no; missing cells a dash.
 */
export function formatCell(
  cell: TableCell,
  column: NormalizedColumn,
  target: Target,
  escape: (text: string) => string
): string {
  if (cell === null) return target === "latex" ? "--" : "–";
  if (typeof cell === "string") return escape(cell);
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  const format = column.format.type === "text" ? defaultNumberFormat : column.format;
  if (typeof cell === "number") return writeNumber(formatNumber(cell, format), target);
  return writeMeanSd(formatMeanSd(cell.mean, cell.sd, format), target);
}

/** Splits columns into runs of equal group, for a spanning header row; returns [] when no column has a group. */
export function columnGroups(columns: readonly Column[]): ColumnGroup[] {
  if (!columns.some((column) => column.group !== undefined)) return [];
  const groups: ColumnGroup[] = [];
  columns.forEach((column, i) => {
    const group = column.group ?? null;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.group === group) ++last.span;
    else groups.push({group, start: i, span: 1});
  });
  return groups;
}

function checkCell(cell: TableCell, where: string): void {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`${where}: ${cell}`);
  } else if (isMeanSd(cell)) {
    if (typeof cell.mean !== "number" || !Number.isFinite(cell.mean)) throw new Error(`${where}: mean is ${cell.mean}`);
    if (typeof cell.sd !== "number" || !Number.isFinite(cell.sd) || cell.sd < 0)
      throw new Error(`${where}: sd is ${cell.sd}`);
  } else if (cell !== null && typeof cell !== "string" && typeof cell !== "boolean") {
    throw new Error(`${where}: invalid cell ${String(cell)}`);
  }
}

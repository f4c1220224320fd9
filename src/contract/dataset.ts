// What a pipeline returns: named scalars and named tables of rows. Plain data, JSON-serialisable.

/** A table cell: numbers, strings (labels) and booleans. */
export type Cell = number | string | boolean;

/** One row of a table, keyed by column name. */
export type Row = Record<string, Cell>;

/** The output of one pipeline run: named scalars and named tables. */
export interface Dataset {
  scalars: Record<string, number>;
  tables: Record<string, Row[]>;
}

/**
 * Throws if any number in the dataset is NaN or ±Infinity, naming the output that holds it
 * (for example "scalars.gamma" or "tables.spectrum[3].lambda").
 */
export function assertFinite(dataset: Dataset, context: string): void {
  for (const [name, value] of Object.entries(dataset.scalars)) {
    if (typeof value !== "number") throw new Error(`${context}: scalar ${name} is not a number (${typeof value})`);
    if (!Number.isFinite(value)) throw new Error(`${context}: output scalars.${name} is ${value}`);
  }
  for (const [name, rows] of Object.entries(dataset.tables)) {
    if (!Array.isArray(rows)) throw new Error(`${context}: table ${name} is not an array of rows`);
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "number" && !Number.isFinite(value)) {
          throw new Error(`${context}: output tables.${name}[${i}].${column} is ${value}`);
        }
      }
    });
  }
}

// Downloadable data for the site: each dataset table of an experiment's results as one CSV over all sweep
// points and seeds (swept parameters and seed first, then the table's columns).
import type {ExperimentResult} from "../contract/results.js";

/** One CSV per dataset table name, in first-seen order: name → CSV text. */
export function datasetCsvs(result: ExperimentResult): Map<string, string> {
  const tables = new Map<string, {columns: string[]; rows: string[][]}>();
  for (const point of result.points) {
    for (const run of point.runs) {
      for (const [name, rows] of Object.entries(run.dataset.tables)) {
        let table = tables.get(name);
        if (!table) tables.set(name, (table = {columns: [], rows: []}));
        for (const row of rows) {
          for (const column of Object.keys(row)) if (!table.columns.includes(column)) table.columns.push(column);
          table.rows.push([...result.sweep.map((s) => cell(point.params[s])), String(run.seed), ...table.columns.map((c) => cell(row[c]))]);
        }
      }
    }
  }
  const csvs = new Map<string, string>();
  for (const [name, {columns, rows}] of tables) {
    const header = [...result.sweep, "seed", ...columns];
    const width = header.length;
    const lines = [header.map(cell), ...rows.map((row) => [...row, ...Array<string>(width - row.length).fill("")])];
    csvs.set(name, `${lines.map((line) => line.join(",")).join("\n")}\n`);
  }
  return csvs;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = Array.isArray(value) ? value.join(" ") : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Tables of E1: the paper's Tables 1–3 with exact recounted parameters, and the dense layouts of the n = 1024 example.
import {firstRunRows} from "../../src/contract/index.js";
import type {ExperimentResult, Row, TableModule} from "../../src/contract/index.js";
import type {Column, Table, TableRow} from "../../src/tables/table.js";

/** Columns shared by the three tables: the exact count, the printed value, the exact one rounded alike, the flag. */
const parameterColumns: Column[] = [
  {key: "exact", label: "exact parameters", format: {type: "integer"}, group: "#Params"},
  {key: "printed", label: "printed", published: true, group: "#Params"},
  {key: "rounded", label: "exact, rounded", group: "#Params"},
  {key: "matches", label: "rounds to printed", group: "#Params"}
];

/** The GLUE tasks of Table 1 in the paper's order: output column key and header. */
const glueTasks: readonly [string, string][] = [
  ["mnli", "MNLI"],
  ["sst_2", "SST-2"],
  ["cola", "CoLA"],
  ["qqp", "QQP"],
  ["qnli", "QNLI"],
  ["rte", "RTE"],
  ["mrpc", "MRPC"],
  ["sts_b", "STS-B"]
];

/**
 * Table 1 (GLUE dev, RoBERTa-base): per method the exact trainable parameters, the printed count, the exact count
 * rounded to the printed decimals and whether they agree (BOFT b=8, m=2: 1,410,048 is 1.41M, printed 1.42M); the
 * published task scores; the printed ALL and the mean of the eight scores recomputed.
 */
export const glueParametersTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const rows = firstRunRows(result, "table1");
    return {
      columns: [
        {key: "method", label: "Method"},
        ...parameterColumns,
        ...glueTasks.map(([key, label]): Column => ({
          key,
          label,
          published: true,
          align: "right",
          group: "GLUE dev (published)"
        })),
        {key: "all_published", label: "ALL printed", published: true, align: "right", group: "ALL"},
        {key: "all_recomputed", label: "ALL recomputed", format: {type: "fixed", decimals: 2}, group: "ALL"}
      ],
      rows: rows.map((row) => ({
        method: row.method as string,
        ...parameterCells(row),
        ...Object.fromEntries(glueTasks.map(([key]) => [key, printed(row[key] as number)])),
        all_published: printed(row.all_published as number),
        all_recomputed: row.all_recomputed as number
      }))
    };
  }
};

/**
 * Table 2 (DreamBooth on SD-2-base; r is the number of blocks): exact and printed parameters, with the three
 * printed counts that are 0.1M off the rounded exact ones flagged, and the published hours and CLIP scores.
 */
export const dreamBoothParametersTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const rows = firstRunRows(result, "table2");
    return {
      columns: [
        {key: "method", label: "Method"},
        ...parameterColumns,
        {key: "hours", label: "time (h)", published: true, align: "right", group: "Published"},
        {key: "clip_i", label: "CLIP-I", published: true, align: "right", group: "Published"},
        {key: "clip_t", label: "CLIP-T", published: true, align: "right", group: "Published"}
      ],
      rows: rows.map((row) => ({
        method: row.method as string,
        ...parameterCells(row),
        hours: printed(row.hours as number, 1),
        clip_i: printed(row.clip_i as number, 3),
        clip_t: printed(row.clip_t as number, 3)
      }))
    };
  }
};

/** Table 3 (LipConvNet-15 on CIFAR-100): exact and printed parameters, and the published speed-up and accuracies. */
export const lipConvParametersTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const rows = firstRunRows(result, "table3");
    return {
      columns: [
        {key: "layer", label: "Layer"},
        {key: "groups", label: "Groups"},
        ...parameterColumns,
        {key: "speedup", label: "speed-up", published: true, align: "right", group: "Published"},
        {key: "accuracy", label: "accuracy", published: true, align: "right", group: "Published"},
        {key: "robust_accuracy", label: "robust accuracy", published: true, align: "right", group: "Published"}
      ],
      rows: rows.map((row) => ({
        layer: row.layer as string,
        groups: row.groups as string,
        ...parameterCells(row),
        speedup: printed(row.speedup as number),
        accuracy: printed(row.accuracy as number, 2),
        robust_accuracy: printed(row.robust_accuracy as number, 2)
      }))
    };
  }
};

/** The n = 1024 example: dense, dense BOFT and GS products, and Monarch layouts, with factors and parameters. */
export const denseLayoutsTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const rows = firstRunRows(result, "examples");
    return {
      columns: [
        {key: "structure", label: "structure"},
        {key: "n", label: "n", format: {type: "integer"}},
        {key: "block", label: "block b", format: {type: "integer"}},
        {key: "factors", label: "factors m", format: {type: "integer"}},
        {key: "parameters", label: "parameters", format: {type: "integer"}},
        {key: "fraction", label: "fraction of n²", format: {type: "fixed", decimals: 4}}
      ],
      rows: rows.map((row): TableRow => ({
        structure: row.structure as string,
        n: row.n as number,
        block: row.block as number,
        factors: row.factors as number,
        parameters: row.parameters as number,
        fraction: (row.parameters as number) / (row.n as number) ** 2
      }))
    };
  }
};

// The parameter cells of a recomputed row: exact, printed (as in the paper), rounded alike, and the agreement flag.
function parameterCells(row: Row): TableRow {
  const text = row.params_printed as string;
  const decimals = /\.(\d+)M$/.exec(text)?.[1].length ?? 0;
  return {
    exact: row.params_exact as number,
    printed: text,
    rounded: `${(row.params_rounded as number).toFixed(decimals)}M`,
    matches: row.rounds_to_published as boolean
  };
}

// A published number written as the paper prints it: with its printed decimals, or in shortest form.
function printed(value: number, decimals?: number): string {
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

// The contract of a table module: experiment results in, a table (columns and rows) out.
import type {Table} from "../tables/table.js";
import type {ExperimentResult} from "./results.js";

export type {Table} from "../tables/table.js";

/** A table module: maps an experiment's results to a table. Pure (no I/O). */
export type TableFunction = (result: ExperimentResult) => Table;

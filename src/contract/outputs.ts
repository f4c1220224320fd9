// What a pipeline returns, declared once beside its parameters: each scalar and each table with its columns, in
// words. `orthogonal params` prints the declaration, and a test over the registry checks it against the datasets.
import type {Dataset} from "./dataset.js";

/** One table a pipeline returns: what a row holds, and each column. */
export interface TableOutput {
  readonly description: string;
  readonly columns: Readonly<Record<string, string>>;
  /** The condition on the parameters under which the table is returned, when it is not always, e.g. "bins > 0". */
  readonly when?: string;
}

/** A scalar returned only under a condition on the parameters (`when`, e.g. "the (s0, r) point is published"). */
export interface ConditionalScalar {
  readonly description: string;
  readonly when: string;
}

/**
 * The declared outputs of a pipeline. A name may hold `{placeholder}` parts where it depends on the parameters,
 * e.g. "test_error_err_n{n}" for one scalar per entry of a list parameter.
 */
export interface Outputs {
  readonly scalars: Readonly<Record<string, string | ConditionalScalar>>;
  readonly tables: Readonly<Record<string, TableOutput>>;
}

/**
 * Where a dataset and its declaration disagree, one line per difference (empty when they agree): names returned but
 * not declared, declared but not returned, for scalars, tables and each table's columns (over all its rows, when it has any); a
 * scalar or table declared with `when` may be absent.
 */
export function outputDrift(outputs: Outputs, dataset: Dataset): string[] {
  const always = Object.keys(outputs.tables).filter((name) => outputs.tables[name].when === undefined);
  const unconditional = Object.keys(outputs.scalars).filter((name) => typeof outputs.scalars[name] === "string");
  const drift = [
    ...undeclared("scalar", Object.keys(outputs.scalars), Object.keys(dataset.scalars)),
    ...missing("scalar", unconditional, Object.keys(dataset.scalars)),
    ...undeclared("table", Object.keys(outputs.tables), Object.keys(dataset.tables)),
    ...missing("table", always, Object.keys(dataset.tables))
  ];
  for (const [name, rows] of Object.entries(dataset.tables)) {
    const declared = Object.entries(outputs.tables).find(([pattern]) => matches(pattern, name))?.[1];
    if (!declared || rows.length === 0) continue;
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    drift.push(...compareNames(`column of table ${name}`, Object.keys(declared.columns), columns));
  }
  return drift;
}

/** Whether a returned name is an instance of a declared one ("lambda_deg_{k}" matches "lambda_deg_3"). */
export function matches(declared: string, name: string): boolean {
  if (!declared.includes("{")) return declared === name;
  const parts = declared.split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[A-Za-z0-9_.+-]+")}$`).test(name);
}

function compareNames(kind: string, declared: readonly string[], returned: readonly string[]): string[] {
  return [...undeclared(kind, declared, returned), ...missing(kind, declared, returned)];
}

function undeclared(kind: string, declared: readonly string[], returned: readonly string[]): string[] {
  return returned
    .filter((name) => !declared.some((pattern) => matches(pattern, name)))
    .map((name) => `${kind} ${name} is returned but not declared`);
}

function missing(kind: string, declared: readonly string[], returned: readonly string[]): string[] {
  return declared
    .filter((pattern) => !returned.some((name) => matches(pattern, name)))
    .map((pattern) => `${kind} ${pattern} is declared but not returned`);
}

// Typed pipeline parameters: each pipeline declares its parameters with defaults and ranges; content
// files and `--set` flags are checked against these declarations.

/** A numeric parameter (real or integer), optionally bounded. */
export interface NumberParam {
  type: "number" | "integer";
  default: number;
  min?: number;
  max?: number;
  description: string;
}

/** A boolean switch. */
export interface BooleanParam {
  type: "boolean";
  default: boolean;
  description: string;
}

/** One of a fixed list of keywords. */
export interface ChoiceParam<T extends string = string> {
  type: "choice";
  default: T;
  values: readonly T[];
  description: string;
}

/** A list of numbers (for example a grid that one run sweeps internally). */
export interface NumbersParam {
  type: "numbers";
  default: readonly number[];
  min?: number;
  max?: number;
  description: string;
}

export type ParamSpec = NumberParam | BooleanParam | ChoiceParam | NumbersParam;
export type ParamSpecs = Record<string, ParamSpec>;
export type ParamValue = number | boolean | string | readonly number[];

/** The value type that a parameter declaration stands for. */
export type ParamType<S extends ParamSpec> = S extends NumberParam
  ? number
  : S extends BooleanParam
    ? boolean
    : S extends ChoiceParam<infer T>
      ? T
      : S extends NumbersParam
        ? readonly number[]
        : never;

/** The parameter values of a pipeline with declarations S. */
export type ParamValues<S extends ParamSpecs> = {readonly [K in keyof S]: ParamType<S[K]>};

/** A real parameter. */
export function real(value: number, description: string, range: {min?: number; max?: number} = {}): NumberParam {
  return {type: "number", default: value, description, ...range};
}

/** An integer parameter. */
export function integer(value: number, description: string, range: {min?: number; max?: number} = {}): NumberParam {
  return {type: "integer", default: value, description, ...range};
}

/** A boolean parameter. */
export function flag(value: boolean, description: string): BooleanParam {
  return {type: "boolean", default: value, description};
}

/** A keyword parameter taking one of `values`. */
export function choice<const T extends string>(
  values: readonly T[],
  value: NoInfer<T>,
  description: string
): ChoiceParam<T> {
  return {type: "choice", default: value, values, description};
}

/** A list-of-numbers parameter. */
export function reals(
  value: readonly number[],
  description: string,
  range: {min?: number; max?: number} = {}
): NumbersParam {
  return {type: "numbers", default: value, description, ...range};
}

/** What a parameter expects, in words, for error messages ("an integer ≥ 1", "one of relu, tanh"). */
export function describeParam(spec: ParamSpec): string {
  switch (spec.type) {
    case "number":
    case "integer":
      return `${spec.type === "integer" ? "an integer" : "a number"}${describeRange(spec)}`;
    case "boolean":
      return "true or false";
    case "choice":
      return `one of ${spec.values.join(", ")}`;
    case "numbers":
      return `a list of numbers${describeRange(spec)}`;
  }
}

/** Checks a value from content or JSON against its declaration; returns it or throws a message saying what was expected. */
export function checkParam(spec: ParamSpec, value: unknown): ParamValue {
  const fail = (): never => {
    throw new Error(`expected ${describeParam(spec)}, got ${formatValue(value)}`);
  };
  switch (spec.type) {
    case "number":
    case "integer":
      if (typeof value !== "number" || !inRange(spec, value) || (spec.type === "integer" && !Number.isInteger(value)))
        fail();
      return value as number;
    case "boolean":
      if (typeof value !== "boolean") fail();
      return value as boolean;
    case "choice":
      if (typeof value !== "string" || !spec.values.includes(value)) fail();
      return value as string;
    case "numbers":
      if (!Array.isArray(value) || !value.every((x) => typeof x === "number" && inRange(spec, x))) fail();
      return Object.freeze([...(value as number[])]);
  }
}

/** Parses a command-line string (`--set d=400`, `--set grid=1,2,4`) into a checked value. */
export function parseParam(spec: ParamSpec, text: string): ParamValue {
  try {
    return parseParamText(spec, text);
  } catch {
    throw new Error(`expected ${describeParam(spec)}, got ${JSON.stringify(text)}`);
  }
}

function parseParamText(spec: ParamSpec, text: string): ParamValue {
  const trimmed = text.trim();
  const asNumber = (s: string) => (s.trim() === "" ? NaN : Number(s));
  switch (spec.type) {
    case "number":
    case "integer":
      return checkParam(spec, asNumber(trimmed));
    case "boolean":
      return checkParam(spec, trimmed === "true" ? true : trimmed === "false" ? false : trimmed);
    case "choice":
      return checkParam(spec, trimmed);
    case "numbers":
      return checkParam(spec, trimmed === "" ? [] : trimmed.split(",").map(asNumber));
  }
}

/** The default values of a set of declarations. */
export function defaultParams(specs: ParamSpecs): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.default]));
}

// A value as it was written: NaN and ±Infinity (YAML .nan, .inf) by name, not as JSON's null.
function formatValue(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  return JSON.stringify(value) ?? String(value);
}

function inRange(spec: {min?: number; max?: number}, x: number): boolean {
  return Number.isFinite(x) && (spec.min === undefined || x >= spec.min) && (spec.max === undefined || x <= spec.max);
}

function describeRange(spec: {min?: number; max?: number}): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` in [${spec.min}, ${spec.max}]`;
  if (spec.min !== undefined) return ` ≥ ${spec.min}`;
  if (spec.max !== undefined) return ` ≤ ${spec.max}`;
  return "";
}

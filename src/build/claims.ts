// Claims: numeric statements about an experiment's outputs, written in content and checked at every build.
// Two forms: `LHS < RHS` (also <=, >, >=) and `LHS within TOL of RHS` where TOL is `2%` (relative) or an
// expression (absolute). Names are parameters or output scalars (mean over seeds); sd(x), se(x), min(x),
// max(x), n(x) summarise a scalar over seeds; abs, sqrt, log, log10, exp, pow, hypot are the usual functions.
// A claim that uses sd(x) or se(x) at a point computed with a single seed is not applicable there (one seed has no
// spread): it is reported as such, and neither holds nor fails.
import jsep from "jsep";
import type {Expression} from "jsep";
import type {Claim, ClaimCheck, ClaimResult, ComparisonForm} from "../contract/claims.js";
import type {PointResult} from "../contract/results.js";

const comparisons = ["<=", ">=", "<", ">"] as const;

/** Parses a claim; throws a message saying what was expected when the statement is malformed. */
export function parseClaim(text: string, options: {description?: string; where?: string} = {}): Claim {
  const within = /^(.+?)\s+within\s+(.+?)\s+of\s+(.+)$/.exec(text.trim());
  let form: Claim["form"];
  if (within) {
    const [, left, tolerance, right] = within;
    const percent = /^([0-9.eE+-]+)\s*%$/.exec(tolerance.trim());
    form = {
      kind: "within",
      left: parse(left),
      right: parse(right),
      ...(percent ? {relative: Number(percent[1]) / 100} : {absolute: parse(tolerance)})
    };
    if (form.relative !== undefined && !(form.relative >= 0)) throw new Error(`invalid tolerance ${tolerance}`);
  } else {
    const tree = parse(text);
    if (tree.type !== "BinaryExpression" || !comparisons.includes(tree.operator as (typeof comparisons)[number])) {
      throw new Error(
        `expected "A < B", "A <= B", "A > B", "A >= B" or "A within T of B", got ${JSON.stringify(text)}`
      );
    }
    form = {
      kind: "compare",
      operator: tree.operator as ComparisonForm["operator"],
      left: tree.left as Expression,
      right: tree.right as Expression
    };
  }
  checkCanFail(form, text);
  return {
    text,
    description: options.description,
    where: options.where,
    form,
    filter: options.where ? parse(options.where) : undefined
  };
}

/** The names a claim reads (parameters, output scalars, constants), without function names. */
export function claimNames(claim: Claim): string[] {
  const names = new Set<string>();
  const form = claim.form;
  for (const node of [form.left, form.right, ...(form.kind === "within" && form.absolute ? [form.absolute] : [])])
    collectNames(node, names);
  return [...names].filter((name) => !Object.hasOwn(constants, name));
}

// Rejects claims that hold whatever the outputs: both sides the same expression, a relative tolerance of 100% or
// more, or a side or tolerance made of constants that is not a finite number (x < 1/0).
function checkCanFail(form: Claim["form"], text: string): void {
  if (JSON.stringify(form.left) === JSON.stringify(form.right))
    throw new Error(`claim ${JSON.stringify(text)} compares an expression with itself: it cannot fail`);
  if (form.kind === "within" && form.relative !== undefined && !(form.relative < 1))
    throw new Error(`claim ${JSON.stringify(text)}: a relative tolerance must be below 100%`);
  const sides: [string, Expression][] = [
    ["left side", form.left],
    ["right side", form.right]
  ];
  if (form.kind === "within" && form.absolute) sides.push(["tolerance", form.absolute]);
  for (const [name, node] of sides) {
    const names = new Set<string>();
    collectNames(node, names);
    if ([...names].some((n) => !Object.hasOwn(constants, n))) continue;
    let value: unknown;
    try {
      value = evaluate(node, {params: {}, runs: [], summary: {}});
    } catch {
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new Error(`claim ${JSON.stringify(text)}: the ${name} is not a finite number`);
  }
}

function collectNames(node: Expression, names: Set<string>): void {
  if (node.type === "Identifier") names.add(node.name as string);
  else if (node.type === "CallExpression") for (const arg of node.arguments as Expression[]) collectNames(arg, names);
  else if (node.type === "UnaryExpression") collectNames(node.argument as Expression, names);
  else if (node.type === "BinaryExpression") {
    collectNames(node.left as Expression, names);
    collectNames(node.right as Expression, names);
  }
}

/** Evaluates a claim at every point (that its `where` filter selects) of an experiment. */
export function evaluateClaim(experiment: string, claim: Claim, points: readonly PointResult[]): ClaimResult {
  const result: ClaimResult = {experiment, claim: claim.text, description: claim.description, passed: true, checks: []};
  try {
    for (const point of points) {
      if (claim.filter && !evaluate(claim.filter, point)) continue;
      const measured = finite(evaluate(claim.form.left, point), "measured value");
      const expected = finite(evaluate(claim.form.right, point), "expected value");
      let check: ClaimCheck;
      if (claim.form.kind === "within") {
        const tolerance =
          claim.form.relative !== undefined
            ? claim.form.relative * Math.abs(expected)
            : finite(evaluate(claim.form.absolute!, point), "tolerance");
        check = {
          params: point.params,
          measured,
          expected,
          tolerance,
          passed: Math.abs(measured - expected) <= tolerance
        };
      } else {
        check = {params: point.params, measured, expected, passed: compare(claim.form.operator, measured, expected)};
      }
      result.checks.push(check);
      if (!check.passed) result.passed = false;
    }
    if (result.checks.length === 0) throw new Error(`no point matches where: ${claim.where}`);
  } catch (error) {
    if (error instanceof NotApplicable) return {...result, passed: true, checks: [], notApplicable: error.message};
    result.passed = false;
    result.error = (error as Error).message;
  }
  return result;
}

/** The words for a claim that does not apply: "not applicable (one seed has no spread)". */
export function notApplicableText(result: ClaimResult): string {
  return `not applicable (${result.notApplicable})`;
}

// Thrown while evaluating a claim that does not apply to the results at hand.
class NotApplicable extends Error {}

/** Parses an expression of the claim language (names, summaries, functions, comparisons); throws on a syntax error. */
export function parseExpression(text: string): Expression {
  return parse(text);
}

/** Evaluates a parsed expression at one point: a number, or a boolean for comparisons and filters. */
export function evaluateExpression(node: Expression, point: PointResult): unknown {
  return evaluate(node, point);
}

function parse(text: string): Expression {
  try {
    return jsep(text);
  } catch (error) {
    throw new Error(`cannot parse ${JSON.stringify(text)}: ${(error as Error).message}`);
  }
}

function compare(operator: ComparisonForm["operator"], a: number, b: number): boolean {
  switch (operator) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

function finite(value: unknown, what: string): number {
  const x = number(value);
  if (!Number.isFinite(x)) throw new Error(`the ${what} is ${x}, not a finite number`);
  return x;
}

function number(value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value))
    throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
}

const functions: Record<string, (...args: number[]) => number> = {
  abs: Math.abs,
  sqrt: Math.sqrt,
  log: Math.log,
  log10: Math.log10,
  exp: Math.exp,
  pow: Math.pow,
  hypot: Math.hypot
};
const summaries = ["sd", "se", "min", "max", "mean", "n"] as const;
const constants: Record<string, number> = {pi: Math.PI, e: Math.E};

function evaluate(node: Expression, point: PointResult): unknown {
  switch (node.type) {
    case "Literal":
      return node.value;
    case "Identifier":
      return lookup(node.name as string, point);
    case "UnaryExpression": {
      const value = evaluate(node.argument as Expression, point);
      if (node.operator === "-") return -number(value);
      if (node.operator === "+") return number(value);
      if (node.operator === "!") return !value;
      break;
    }
    case "BinaryExpression": {
      const a = evaluate(node.left as Expression, point);
      const b = evaluate(node.right as Expression, point);
      switch (node.operator) {
        case "+":
          return number(a) + number(b);
        case "-":
          return number(a) - number(b);
        case "*":
          return number(a) * number(b);
        case "/":
          return number(a) / number(b);
        case "==":
        case "===":
          return a === b;
        case "!=":
        case "!==":
          return a !== b;
        case "&&":
          return Boolean(a) && Boolean(b);
        case "||":
          return Boolean(a) || Boolean(b);
        case "<":
        case "<=":
        case ">":
        case ">=":
          return compare(node.operator, number(a), number(b));
      }
      break;
    }
    case "CallExpression": {
      const callee = node.callee as Expression;
      const name = callee.type === "Identifier" ? (callee.name as string) : "";
      const args = node.arguments as Expression[];
      if ((summaries as readonly string[]).includes(name) && args.length === 1 && args[0].type === "Identifier") {
        return summarise(name as (typeof summaries)[number], args[0].name as string, point);
      }
      if (name === "min" || name === "max") return Math[name](...args.map((arg) => number(evaluate(arg, point))));
      const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
      if (fn) return fn(...args.map((arg) => number(evaluate(arg, point))));
      throw new Error(`unknown function ${name}()`);
    }
  }
  throw new Error(`unsupported expression (${node.type}${"operator" in node ? ` ${String(node.operator)}` : ""})`);
}

function lookup(name: string, point: PointResult): unknown {
  if (Object.hasOwn(point.summary, name)) return point.summary[name].mean;
  if (Object.hasOwn(point.params, name)) {
    const value = point.params[name];
    return Array.isArray(value) ? undefined : value;
  }
  if (Object.hasOwn(constants, name)) return constants[name];
  throw new Error(`unknown name ${name}: not an output scalar or parameter`);
}

function summarise(kind: (typeof summaries)[number], name: string, point: PointResult): number {
  const summary = Object.hasOwn(point.summary, name) ? point.summary[name] : undefined;
  if (!summary) throw new Error(`unknown output scalar ${name}`);
  if ((kind === "sd" || kind === "se") && summary.n < 2) throw new NotApplicable("one seed has no spread");
  return kind === "se" ? summary.sd / Math.sqrt(summary.n) : summary[kind];
}

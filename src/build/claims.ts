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
  return {
    text,
    description: options.description,
    where: options.where,
    form,
    filter: options.where ? parse(options.where) : undefined
  };
}

/** Evaluates a claim at every point (that its `where` filter selects) of an experiment. */
export function evaluateClaim(experiment: string, claim: Claim, points: readonly PointResult[]): ClaimResult {
  const result: ClaimResult = {experiment, claim: claim.text, description: claim.description, passed: true, checks: []};
  try {
    for (const point of points) {
      if (claim.filter && !evaluate(claim.filter, point)) continue;
      const measured = number(evaluate(claim.form.left, point));
      const expected = number(evaluate(claim.form.right, point));
      let check: ClaimCheck;
      if (claim.form.kind === "within") {
        const tolerance =
          claim.form.relative !== undefined
            ? claim.form.relative * Math.abs(expected)
            : number(evaluate(claim.form.absolute!, point));
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
      const fn = functions[name];
      if (fn) return fn(...args.map((arg) => number(evaluate(arg, point))));
      throw new Error(`unknown function ${name}()`);
    }
  }
  throw new Error(`unsupported expression (${node.type}${"operator" in node ? ` ${String(node.operator)}` : ""})`);
}

function lookup(name: string, point: PointResult): unknown {
  if (name in point.summary) return point.summary[name].mean;
  if (name in point.params) {
    const value = point.params[name];
    return Array.isArray(value) ? undefined : value;
  }
  if (name in constants) return constants[name];
  throw new Error(`unknown name ${name}: not an output scalar or parameter`);
}

function summarise(kind: (typeof summaries)[number], name: string, point: PointResult): number {
  const summary = point.summary[name];
  if (!summary) throw new Error(`unknown output scalar ${name}`);
  if ((kind === "sd" || kind === "se") && summary.n < 2) throw new NotApplicable("one seed has no spread");
  return kind === "se" ? summary.sd / Math.sqrt(summary.n) : summary[kind];
}

// Claims as the engine reports them: a parsed statement, its outcome at each point, and over an experiment.
import type {Expression} from "jsep";
import type {ParamValue} from "./params.js";

/** A parsed claim, ready to evaluate on every point of an experiment. */
export interface Claim {
  /** The statement as written in content. */
  readonly text: string;
  /** Optional words for readers. */
  readonly description?: string;
  /** Optional filter over parameters, e.g. `alpha >= 1`: the claim is checked only at matching points. */
  readonly where?: string;
  readonly form: ComparisonForm | WithinForm;
  readonly filter?: Expression;
}

export interface ComparisonForm {
  kind: "compare";
  operator: "<" | "<=" | ">" | ">=";
  left: Expression;
  right: Expression;
}

export interface WithinForm {
  kind: "within";
  left: Expression;
  right: Expression;
  /** Relative tolerance (fraction) when written as a percentage. */
  relative?: number;
  /** Absolute tolerance expression otherwise. */
  absolute?: Expression;
}

/** The outcome of a claim at one point. */
export interface ClaimCheck {
  params: Record<string, ParamValue>;
  measured: number;
  expected: number;
  /** The allowed deviation |measured − expected| for `within` claims. */
  tolerance?: number;
  passed: boolean;
}

/** The outcome of a claim over all of an experiment's points. */
export interface ClaimResult {
  experiment: string;
  claim: string;
  description?: string;
  passed: boolean;
  checks: ClaimCheck[];
  /** Set when the claim could not be evaluated (for example an unknown output name). */
  error?: string;
}

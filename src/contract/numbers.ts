// Numbers for the paper's text, as declared in content (`numbers:` beside claims) and as the build prints them in
// figures/<paper>/numbers.tex and numbers.json.
import type {Expression} from "jsep";
import type {ParamValue} from "./params.js";

/** A checked number declaration, with the build's profile applied. */
export interface NumberDeclaration {
  /** The LaTeX command name (letters only) and the name used inline in prose. */
  name: string;
  experiment: string;
  paper: string;
  /** The content file and the line of the declaration. */
  path: string;
  line?: number;
  /** The value's expression as written, e.g. "mean(gamma)". */
  value: string;
  /** Optional filter over parameters; it must select exactly one point. */
  where?: string;
  /** Optional expression printed after ±, e.g. "se(gamma)". */
  pm?: string;
  /** How the value is printed: significant digits (default 3), fixed decimals, or an integer. */
  format?: {type: "significant"; digits: number} | {type: "fixed"; decimals: number} | {type: "integer"};
  description?: string;
  readonly expressions: {value: Expression; where?: Expression; pm?: Expression};
}

/** A number as printed, in numbers.json (value null: its experiment has not been built yet). */
export interface PrintedNumber {
  name: string;
  experiment: string;
  paper: string;
  value: number | null;
  pm: number | null;
  /** Parameters of the point it was read at. */
  params: Record<string, ParamValue> | null;
  description: string | null;
  /** As printed: Unicode text, HTML and LaTeX (math-mode body, without $). */
  text: string;
  html: string;
  latex: string;
}

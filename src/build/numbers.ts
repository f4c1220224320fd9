// Numbers for the paper's text: named values that an experiment declares next to its claims, in the claims'
// expression language, evaluated at exactly one point of its results. The build writes them per paper as
// figures/<paper>/numbers.tex (one \newcommand each) and numbers.json, and the site's prose shows them inline
// ({{name}}), so the paper, the site and the figures print the same value.
import type {Expression} from "jsep";
import {z} from "zod";
import {ContentError} from "../contract/error.js";
import type {NumberDeclaration, PrintedNumber} from "../contract/numbers.js";
import type {PointResult} from "../contract/results.js";
import {formatMeanSd, formatNumber, writeMeanSd, writeNumber} from "../tables/format.js";
import type {NumberFormat} from "../tables/format.js";
import {evaluateExpression, parseExpression} from "./claims.js";

export type {NumberDeclaration, PrintedNumber} from "../contract/numbers.js";

/** The front-matter form of one number (`numbers: {name: {value: …, where: …}}`). */
export const numberSpec = z.strictObject({
  value: z.string().min(1),
  where: z.string().min(1).optional(),
  pm: z.string().min(1).optional(),
  digits: z.number().int().min(1).max(15).optional(),
  decimals: z.number().int().min(0).max(15).optional(),
  description: z.string().optional(),
  profiles: z
    .record(
      z.string(),
      z.strictObject({
        value: z.string().min(1).optional(),
        where: z.string().min(1).optional(),
        pm: z.string().min(1).optional()
      })
    )
    .optional()
});

/** The front-matter form of an experiment's numbers. */
export const numbersSpec = z.record(z.string(), numberSpec);

/** What a number whose experiment has not been built prints, like LaTeX's undefined references. */
export const unbuilt = {text: "??", html: "??", latex: "\\textbf{??}"};

/**
 * Checks an experiment's `numbers` and applies the profile's overrides. `names` maps names already declared in the
 * project to their file, so that a name is unique across papers (a paper may \input several numbers files).
 * Throws a ContentError with the line for a name LaTeX cannot use and for a malformed expression.
 */
export function normalizeNumbers(
  spec: z.infer<typeof numbersSpec> | undefined,
  where: {
    path: string;
    experiment: string;
    paper: string;
    profile: string;
    lineOf: (field: (string | number)[]) => number | undefined;
  },
  names: Map<string, string>
): NumberDeclaration[] {
  const declarations: NumberDeclaration[] = [];
  for (const [name, entry] of Object.entries(spec ?? {})) {
    const fail = (field: (string | number)[], detail: string): never => {
      throw new ContentError(
        where.path,
        ["numbers", name, ...field].join("."),
        detail,
        where.lineOf(["numbers", name, ...field])
      );
    };
    const problem = latexNameProblem(name);
    if (problem) fail([], problem);
    const previous = names.get(name);
    if (previous) fail([], `duplicate number ${name} (already declared in ${previous})`);
    names.set(name, where.path);
    if (entry.digits !== undefined && entry.decimals !== undefined)
      fail(["decimals"], "give either digits or decimals, not both");
    const override = entry.profiles?.[where.profile] ?? {};
    const value = override.value ?? entry.value;
    const filter = override.where ?? entry.where;
    const pm = override.pm ?? entry.pm;
    const field = (key: string) =>
      override[key as keyof typeof override] !== undefined ? ["profiles", where.profile, key] : [key];
    const parse = (text: string, key: string): Expression => {
      try {
        return parseExpression(text);
      } catch (error) {
        return fail(field(key), (error as Error).message);
      }
    };
    const format: NumberFormat | undefined =
      entry.decimals !== undefined
        ? {type: "fixed", decimals: entry.decimals}
        : entry.digits !== undefined
          ? {type: "significant", digits: entry.digits}
          : undefined;
    declarations.push({
      name,
      experiment: where.experiment,
      paper: where.paper,
      path: where.path,
      line: where.lineOf(["numbers", name]),
      value,
      where: filter,
      pm,
      format,
      description: entry.description,
      expressions: {
        value: parse(value, "value"),
        where: filter === undefined ? undefined : parse(filter, "where"),
        pm: pm === undefined ? undefined : parse(pm, "pm")
      }
    });
  }
  return declarations;
}

/**
 * Evaluates a number on its experiment's points (undefined: not built yet, printed "??"). Throws a ContentError
 * naming the file and line when `where` selects no point or several, or the expression uses an unknown name or
 * does not give a finite number.
 */
export function evaluateNumber(
  declaration: NumberDeclaration,
  points: readonly PointResult[] | undefined
): PrintedNumber {
  const {name, experiment, paper} = declaration;
  const description = declaration.description ?? null;
  if (points === undefined)
    return {name, experiment, paper, value: null, pm: null, params: null, description, ...unbuilt};
  const fail = (field: string, detail: string): never => {
    throw new ContentError(declaration.path, `numbers.${name}${field ? `.${field}` : ""}`, detail, declaration.line);
  };
  const {expressions} = declaration;
  const selected = points.filter((point) => {
    if (!expressions.where) return true;
    try {
      return Boolean(evaluateExpression(expressions.where, point));
    } catch (error) {
      return fail("where", (error as Error).message);
    }
  });
  const describe = (point: PointResult) =>
    Object.entries(point.params)
      .filter(([, v]) => !Array.isArray(v))
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(" ");
  if (selected.length === 0) {
    fail(
      expressions.where ? "where" : "",
      `${declaration.where ? `${declaration.where} selects` : "the experiment has"} no point of ${experiment} (${points.length} point${points.length === 1 ? "" : "s"}${points.length ? `, e.g. ${describe(points[0])}` : ""})`
    );
  }
  if (selected.length > 1) {
    const shown = selected.slice(0, 3).map(describe).join("; ");
    fail(
      expressions.where ? "where" : "",
      `${declaration.where ? `${declaration.where} selects` : "without where:, it has"} ${selected.length} points of ${experiment} (${shown}${selected.length > 3 ? "; …" : ""}); a number needs exactly one`
    );
  }
  const point = selected[0];
  const number = (expression: Expression, field: string): number => {
    let value: unknown;
    try {
      value = evaluateExpression(expression, point);
    } catch (error) {
      return fail(field, (error as Error).message);
    }
    if (typeof value !== "number" || !Number.isFinite(value))
      return fail(field, `expected a finite number, got ${String(value)}`);
    return value;
  };
  const value = number(expressions.value, "value");
  // With one seed, a spread such as se(x) does not apply: the number is printed without its ± part.
  const pm = expressions.pm && !spreadMissing(expressions.pm, point) ? number(expressions.pm, "pm") : null;
  if (pm !== null && pm < 0) fail("pm", `expected a non-negative number after ±, got ${pm}`);
  const format =
    declaration.format ??
    (Number.isInteger(value) && (pm === null || Number.isInteger(pm))
      ? {type: "integer"}
      : {type: "significant", digits: 3});
  const printed = (target: "text" | "html" | "latex") =>
    pm === null
      ? writeNumber(formatNumber(value, format), target)
      : writeMeanSd(formatMeanSd(value, pm, format), target);
  const latex = printed("latex").replace(/^\$(.*)\$$/, "$1");
  return {
    name,
    experiment,
    paper,
    value,
    pm,
    params: point.params,
    description,
    text: printed("text"),
    html: printed("html"),
    latex
  };
}

/** numbers.json of a paper: names in sorted order, byte-identical for identical results. */
export function numbersJson(numbers: readonly PrintedNumber[]): string {
  const sorted = [...numbers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const object = Object.fromEntries(
    sorted.map((n) => [
      n.name,
      {
        experiment: n.experiment,
        description: n.description,
        value: n.value,
        pm: n.pm,
        params: n.params,
        text: n.text,
        html: n.html,
        latex: n.latex
      }
    ])
  );
  return `${JSON.stringify(object, null, 1)}\n`;
}

/**
 * numbers.tex of a paper: one \newcommand per number, in sorted order, each a math-safe value (\ensuremath), so
 * `\gammaAtTwo` works in text and in math. \newcommand stops with an error if a name is already defined.
 */
export function numbersTex(
  paper: {slug: string; title: string},
  numbers: readonly PrintedNumber[],
  declarations: readonly NumberDeclaration[]
): string {
  const byName = new Map(declarations.map((d) => [d.name, d]));
  const ascii = (text: string) => text.replace(/±/g, "+-").replace(/[^\x20-\x7e]/g, "?");
  const lines = [
    `% Numbers of "${ascii(paper.title)}", declared in content/${paper.slug}/ and written by orthogonal build: do not edit.`,
    `% In the paper: \\input{numbers.tex} in the preamble, then write \\name in text or math.`
  ];
  for (const n of [...numbers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const d = byName.get(n.name);
    const origin = d
      ? `${n.experiment}: ${d.value}${d.pm ? ` +- ${d.pm}` : ""}${d.where ? ` where ${d.where}` : ""}`
      : n.experiment;
    const value = n.value === null ? n.latex : `\\ensuremath{${n.latex}}`;
    lines.push(`\\newcommand{\\${n.name}}{${value}} % ${ascii(origin).replace(/\s+/g, " ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Why a name cannot be a LaTeX command defined with \newcommand, or undefined when it can. */
export function latexNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z]+$/.test(name)) {
    return `number name ${name} is not a LaTeX command name: use letters only (camelCase, e.g. gammaAtTwo), since LaTeX ends a command name at the first digit, underscore or other non-letter`;
  }
  if (name.length < 2)
    return `number name ${name} is a single letter, which LaTeX uses for accents and symbols: use a longer name`;
  if (/^end/.test(name))
    return `number name ${name} starts with "end", which \\newcommand refuses (LaTeX reserves \\end… for environments)`;
  if (latexCommands.has(name)) {
    return `number name ${name} is already a LaTeX command (\\${name}); choose another, e.g. with a prefix naming the paper or experiment`;
  }
  return undefined;
}

/** Commands that LaTeX, amsmath, amssymb and the usual paper packages define, so \newcommand would fail or shadow them. */
const latexCommands = new Set(
  `alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho
  sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega
  aleph hbar imath jmath ell wp Re Im partial infty nabla surd top bot angle forall exists neg flat natural sharp
  clubsuit diamondsuit heartsuit spadesuit sum prod coprod int oint bigcap bigcup bigsqcup bigvee bigwedge bigodot
  bigotimes bigoplus biguplus pm mp times div ast star circ bullet cdot cap cup uplus sqcap sqcup vee wedge setminus
  wr diamond bigtriangleup bigtriangledown triangleleft triangleright lhd rhd unlhd unrhd oplus ominus otimes oslash
  odot bigcirc dagger ddagger amalg leq le geq ge equiv models prec succ sim perp preceq succeq simeq mid ll gg asymp
  parallel subset supset approx bowtie subseteq supseteq cong Join sqsubset sqsupset neq ne smile sqsubseteq
  sqsupseteq doteq frown in ni propto vdash dashv notin leftarrow gets rightarrow to uparrow downarrow leftrightarrow
  Leftarrow Rightarrow Uparrow Downarrow Leftrightarrow mapsto longmapsto longleftarrow longrightarrow
  longleftrightarrow Longleftarrow Longrightarrow Longleftrightarrow iff implies impliedby hookleftarrow
  hookrightarrow leftharpoonup rightharpoonup leftharpoondown rightharpoondown rightleftharpoons nearrow searrow
  swarrow nwarrow updownarrow Updownarrow ldots cdots vdots ddots dots dotsc dotsb dotsm dotsi dotso
  arccos arcsin arctan arg cos cosh cot coth csc deg det dim exp gcd hom inf ker lg lim liminf limsup ln log max min
  Pr sec sin sinh sup tan tanh bmod pmod pod hat check breve acute grave tilde bar vec dot ddot widehat widetilde
  overline underline overbrace underbrace overrightarrow overleftarrow sqrt frac dfrac tfrac binom dbinom tbinom
  left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr middle langle rangle lceil rceil lfloor
  rfloor lvert rvert lVert rVert vert Vert backslash mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak
  mathscr mathnormal boldsymbol bm operatorname text textrm textbf textit textsf texttt textsc textup textsl textmd
  textnormal emph underline mbox makebox fbox framebox parbox raisebox hbox vbox rule hspace vspace quad qquad
  enspace thinspace negthinspace medspace thickspace newline linebreak pagebreak newpage clearpage cleardoublepage
  nolinebreak nopagebreak noindent indent par item label ref eqref pageref cite nocite footnote footnotemark
  footnotetext caption section subsection subsubsection paragraph subparagraph chapter part appendix title author
  date thanks maketitle tableofcontents listoffigures listoftables bibliography bibliographystyle bibitem
  include input includeonly includegraphics graphicspath usepackage documentclass begin end newcommand
  renewcommand providecommand newenvironment renewenvironment newtheorem newcounter setcounter addtocounter
  stepcounter refstepcounter value arabic roman Roman alph Alph fnsymbol the today LaTeX TeX LaTeXe centering
  raggedright raggedleft small footnotesize scriptsize tiny normalsize large Large LARGE huge Huge bf it rm sf tt sc
  sl em md up itshape bfseries mdseries upshape slshape scshape rmfamily sffamily ttfamily normalfont color
  textcolor colorbox definecolor url href hyperref toprule midrule bottomrule cmidrule addlinespace specialrule
  multicolumn multirow hline cline vline tabularnewline arraystretch tabcolsep ensuremath displaystyle textstyle
  scriptstyle scriptscriptstyle limits nolimits stackrel overset underset substack mathop mathbin mathrel mathord
  mathopen mathclose mathpunct mathinner not cal vphantom hphantom phantom smash protect relax let def edef gdef
  xdef global long outer expandafter noexpand csname endcsname string number romannumeral uppercase lowercase
  MakeUppercase MakeLowercase space ignorespaces unskip kern hskip vskip mskip mkern penalty hfill vfill hfil vfil
  dotfill hrulefill copyright dag ddag pounds textbackslash textasciitilde textasciicircum textbar textless
  textgreater textendash textemdash textbullet textperiodcentered textquoteleft textquoteright ldquo rdquo
  lq rq oe OE ae AE aa AA ss SS dh DH th TH ng NG ij IJ lbrace rbrace lbrack rbrack contentsline numberline
  addcontentsline addtocontents markboth markright pagestyle thispagestyle pagenumbering twocolumn onecolumn
  marginpar verb verbatim enumerate itemize description figure table tabular array equation align gather multline
  split cases matrix pmatrix bmatrix vmatrix Vmatrix smallmatrix theorem lemma proof corollary proposition
  definition remark example qed qedhere square blacksquare Box checkmark mathring varnothing emptyset complement
  triangle triangledown lozenge blacklozenge bigstar measuredangle sphericalangle backprime nexists mho eth
  beth gimel daleth Finv Game circledS leqslant geqslant lesssim gtrsim lessapprox gtrapprox leqq geqq therefore
  because varkappa digamma varGamma varDelta varTheta varLambda varXi varPi varSigma varUpsilon varPhi varPsi
  varOmega intercal dotplus ltimes rtimes leftthreetimes rightthreetimes circledast circledcirc circleddash
  boxplus boxminus boxtimes boxdot divideontimes barwedge veebar curlywedge curlyvee doublebarwedge Cap Cup
  nleq ngeq nless ngtr nsubseteq nsupseteq subsetneq supsetneq nmid nparallel ncong nsim napprox triangleq
  coloneqq eqqcolon leadsto dashrightarrow dashleftarrow twoheadrightarrow twoheadleftarrow rightsquigarrow
  leftrightsquigarrow upharpoonleft upharpoonright downharpoonleft downharpoonright restriction multimap
  sqrtsign intop ointop iint iiint idotsint injlim projlim varinjlim varprojlim varliminf varlimsup DeclareMathOperator
  mathstrut strut struts pm ell hslash Bbbk eqref tag notag nonumber intertext shortintertext allowdisplaybreaks
  xrightarrow xleftarrow overleftrightarrow underleftarrow underrightarrow genfrac cfrac sideset accentedsymbol
  boxed fbox abs norm argmax argmin diag sign rank trace tr supp span vol Var Cov E Prob var cov sgn prox dist
  tableofcontents abstract keywords acknowledgments acks affiliation email address institute orcid and And AND
  newblock natexlab citet citep citeauthor citeyear citealt citealp Citet Citep autoref cref Cref nameref
  textsuperscript textsubscript textdegree textmu SI si num ang unit qty`.split(/\s+/)
);

/**
 * Evaluates every declared number of the project; `resultOf` gives an experiment's points (this build's, or the
 * stored results of an earlier build), undefined when never built.
 */
export function collectNumbers(
  content: {experiments: readonly {id: string; numbers: readonly NumberDeclaration[]}[]},
  resultOf: (experiment: string) => readonly PointResult[] | undefined
): PrintedNumber[] {
  return content.experiments.flatMap((experiment) => {
    if (experiment.numbers.length === 0) return [];
    const points = resultOf(experiment.id);
    return experiment.numbers.map((declaration) => evaluateNumber(declaration, points));
  });
}

/** The numbers files of every paper (figures/<paper>/numbers.tex and numbers.json), by path relative to the output folder. */
export function numberFiles(
  content: {
    papers: readonly {slug: string; title: string; experiments: readonly {numbers: readonly NumberDeclaration[]}[]}[];
  },
  numbers: readonly PrintedNumber[]
): Map<string, string> {
  const files = new Map<string, string>();
  for (const paper of content.papers) {
    const own = numbers.filter((n) => n.paper === paper.slug);
    files.set(
      `figures/${paper.slug}/numbers.tex`,
      numbersTex(
        paper,
        own,
        paper.experiments.flatMap((e) => e.numbers)
      )
    );
    files.set(`figures/${paper.slug}/numbers.json`, numbersJson(own));
  }
  return files;
}

// Whether an expression asks for the spread of a point computed with one seed (sd or se of one value).
function spreadMissing(expression: Expression, point: PointResult): boolean {
  try {
    evaluateExpression(expression, point);
    return false;
  } catch (error) {
    return (error as Error).message === "one seed has no spread";
  }
}

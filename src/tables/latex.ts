// Tables as LaTeX booktabs tabulars, ready to \input inside a table environment (needs the packages below).
import {columnGroups, formatCell, normalizeTable} from "./table.js";
import type {Table} from "./table.js";

/**
 * The packages a paper loads for the generated tables: booktabs for the rules, amsmath for \text in headers
 * written in math. A test compiles every table of the publication with exactly these (and fontenc T1).
 */
export const latexPackages: readonly string[] = ["booktabs", "amsmath"];

/**
 * Writes a table as a tabular with booktabs rules (\toprule, \midrule, \bottomrule): l/r/c columns from the
 * alignment, an optional row of group headers (\multicolumn with \cmidrule under each group), headers from each
 * column's `latex` (or its label, escaped), one row per line. The caption and label belong to the paper's table
 * environment. Numbers need no package: signed and scientific values are in math mode ($-1.2\times10^{-5}$).
 */
export function tableToLatex(table: Table): string {
  const {columns, rows} = normalizeTable(table);
  const spec = columns.map((column) => column.align[0]).join("");
  const lines = [`\\begin{tabular}{${spec}}`, "\\toprule"];
  const groups = columnGroups(columns);
  if (groups.length > 0) {
    const cells = groups.map(({group, span}) => {
      if (group === null) return Array(span).fill("").join(" & ");
      return `\\multicolumn{${span}}{c}{${escapeLatex(group)}}`;
    });
    lines.push(`${cells.join(" & ")} \\\\`);
    const rules = groups
      .filter(({group}) => group !== null)
      .map(({start, span}) => `\\cmidrule(lr){${start + 1}-${start + span}}`);
    lines.push(rules.join(" "));
  }
  lines.push(`${columns.map((column) => column.latex ?? escapeLatex(column.label)).join(" & ")} \\\\`, "\\midrule");
  for (const row of rows) {
    lines.push(
      `${columns.map((column) => formatCell(row[column.key], column, "latex", escapeLatex)).join(" & ")} \\\\`
    );
  }
  lines.push("\\bottomrule", "\\end{tabular}");
  return lines.join("\n") + "\n";
}

/**
 * Escapes text for LaTeX: the special characters \ { } $ & % # _ ~ ^ | < > become \textbackslash{}, \{ …
 * \textgreater{},
 * and common Unicode symbols become math (λ → $\lambda$, ± → $\pm$, ≤ → $\leq$, η̃ → $\tilde{\eta}$, 10⁻³ → 10$^{-3}$),
 * so the output compiles with pdfLaTeX. Other characters pass through.
 */
export function escapeLatex(text: string): string {
  const pieces: {math: boolean; text: string}[] = [];
  const push = (math: boolean, piece: string) => {
    const last = pieces[pieces.length - 1];
    // "\lambda " keeps its space only before a letter: $\lambda x$ but $\lambda^{2}$.
    if (last !== undefined && last.math === math)
      last.text = (math && !/^[A-Za-z]/.test(piece) ? last.text.trimEnd() : last.text) + piece;
    else pieces.push({math, text: piece});
  };
  const chars = [...text.normalize("NFC")];
  for (let i = 0; i < chars.length; ++i) {
    const char = chars[i];
    const script = superscripts.has(char) ? superscripts : subscripts.has(char) ? subscripts : null;
    if (script !== null) {
      let run = "";
      for (; i < chars.length && script.has(chars[i]); ++i) run += script.get(chars[i]);
      --i;
      push(true, `${script === superscripts ? "^" : "_"}{${run}}`);
      continue;
    }
    const tilde = chars[i + 1] === "\u0303";
    if (tilde) ++i;
    const math = mathSymbols.get(char);
    if (math !== undefined) {
      push(true, tilde ? `\\tilde{${math.trim()}}` : math);
    } else if (tilde) {
      push(false, `\\~{${textSpecials.get(char) ?? char}}`);
    } else {
      push(false, textSpecials.get(char) ?? char);
    }
  }
  return pieces.map((piece) => (piece.math ? `$${piece.text.trim()}$` : piece.text)).join("");
}

const textSpecials = new Map<string, string>([
  ["\\", "\\textbackslash{}"],
  ["{", "\\{"],
  ["}", "\\}"],
  ["$", "\\$"],
  ["&", "\\&"],
  ["%", "\\%"],
  ["#", "\\#"],
  ["_", "\\_"],
  ["~", "\\textasciitilde{}"],
  ["^", "\\textasciicircum{}"],
  ["|", "\\textbar{}"],
  ["<", "\\textless{}"],
  [">", "\\textgreater{}"],
  ["–", "--"],
  ["—", "---"],
  ["…", "\\ldots{}"],
  ["\u00a0", "~"]
]);

// Math-mode replacements; a trailing space separates a command from a following letter ($\lambda x$).
const mathSymbols = new Map<string, string>([
  ...[
    ["α", "alpha"],
    ["β", "beta"],
    ["γ", "gamma"],
    ["δ", "delta"],
    ["ε", "epsilon"],
    ["ϵ", "epsilon"],
    ["ζ", "zeta"],
    ["η", "eta"],
    ["θ", "theta"],
    ["ϑ", "vartheta"],
    ["ι", "iota"],
    ["κ", "kappa"],
    ["λ", "lambda"],
    ["μ", "mu"],
    ["ν", "nu"],
    ["ξ", "xi"],
    ["π", "pi"],
    ["ρ", "rho"],
    ["σ", "sigma"],
    ["τ", "tau"],
    ["υ", "upsilon"],
    ["φ", "phi"],
    ["ϕ", "phi"],
    ["χ", "chi"],
    ["ψ", "psi"],
    ["ω", "omega"],
    ["Γ", "Gamma"],
    ["Δ", "Delta"],
    ["Θ", "Theta"],
    ["Λ", "Lambda"],
    ["Ξ", "Xi"],
    ["Π", "Pi"],
    ["Σ", "Sigma"],
    ["Υ", "Upsilon"],
    ["Φ", "Phi"],
    ["Ψ", "Psi"],
    ["Ω", "Omega"],
    ["±", "pm"],
    ["×", "times"],
    ["·", "cdot"],
    ["≤", "leq"],
    ["≥", "geq"],
    ["≠", "neq"],
    ["≈", "approx"],
    ["∞", "infty"],
    ["‖", "|"],
    ["√", "surd"],
    ["∑", "sum"],
    ["∂", "partial"],
    ["∇", "nabla"],
    ["∈", "in"],
    ["→", "to"],
    ["⟨", "langle"],
    ["⟩", "rangle"],
    ["∝", "propto"],
    ["⌈", "lceil"],
    ["⌉", "rceil"],
    ["⌊", "lfloor"],
    ["⌋", "rfloor"],
    ["∗", "ast"],
    ["∘", "circ"],
    ["⋆", "star"],
    ["⊗", "otimes"],
    ["⊕", "oplus"],
    ["⊙", "odot"],
    ["⊤", "top"],
    ["⊥", "perp"],
    ["⟂", "perp"],
    ["∼", "sim"],
    ["≃", "simeq"],
    ["≅", "cong"],
    ["≡", "equiv"],
    ["≪", "ll"],
    ["≫", "gg"],
    ["∀", "forall"],
    ["∃", "exists"],
    ["∅", "emptyset"],
    ["⊂", "subset"],
    ["⊆", "subseteq"],
    ["⊃", "supset"],
    ["⊇", "supseteq"],
    ["∉", "notin"],
    ["∩", "cap"],
    ["∪", "cup"],
    ["∖", "setminus"],
    ["←", "leftarrow"],
    ["↔", "leftrightarrow"],
    ["⇒", "Rightarrow"],
    ["⇔", "Leftrightarrow"],
    ["↦", "mapsto"],
    ["∫", "int"],
    ["∏", "prod"],
    ["ℓ", "ell"],
    ["⋅", "cdot"],
    ["∓", "mp"],
    ["∣", "mid"],
    ["∥", "parallel"],
    ["∠", "angle"],
    ["′", "prime"],
    ["ℏ", "hbar"]
  ].map(([char, command]): [string, string] => [char, `\\${command} `]),
  ["−", "-"]
]);

const superscripts = new Map([..."⁰¹²³⁴⁵⁶⁷⁸⁹"].map((char, digit): [string, string] => [char, String(digit)]));
superscripts.set("⁻", "-").set("⁺", "+").set("⁼", "=").set("⁽", "(").set("⁾", ")").set("ᵀ", "T");
for (const [char, letter] of [..."ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"].map((c, i) => [c, "abcdefghijklmnoprstuvwxyz"[i]]))
  superscripts.set(char, letter);
const subscripts = new Map([..."₀₁₂₃₄₅₆₇₈₉"].map((char, digit): [string, string] => [char, String(digit)]));
subscripts.set("₋", "-").set("₊", "+").set("₌", "=").set("₍", "(").set("₎", ")");
for (const [char, letter] of [..."ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"].map((c, i) => [c, "aehijklmnoprstuvx"[i]]))
  subscripts.set(char, letter);

// Table of the ReLU target-sector reference values: recomputed (Nyström, 120 nodes; Hermite matrix, J = 16) beside the
// values printed in the spec.
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import {publishedSector} from "./sectorReference.js";

/** One row per (s₀, r) of the sweep: λ_top, λ_lin, second even eigenvalue and He₂ coefficient, reproduced and published. */
export const sectorReferenceTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult) {
    const digits = {type: "significant" as const, digits: 6};
    return {
      columns: [
        {key: "s0", label: "s₀", latex: "$s_0$"},
        {key: "r", label: "r", latex: "$r$"},
        {key: "top", label: "λ_top", latex: "$\\lambda_\\mathrm{top}$", group: "Nyström (N = 120)", format: digits},
        {
          key: "top_hermite",
          label: "λ_top (J = 16)",
          latex: "$\\lambda_\\mathrm{top}$ ($J=16$)",
          group: "Nyström (N = 120)",
          format: digits
        },
        {key: "linear", label: "λ_lin", latex: "$\\lambda_\\mathrm{lin}$", group: "Nyström (N = 120)", format: digits},
        {
          key: "second",
          label: "λ_2nd-even",
          latex: "$\\lambda_\\text{2nd even}$",
          group: "Nyström (N = 120)",
          format: {type: "significant", digits: 4}
        },
        {
          key: "he2",
          label: "He₂/√2 coeff.",
          latex: "He$_2/\\sqrt2$ coeff.",
          group: "Nyström (N = 120)",
          format: {type: "fixed", decimals: 4}
        },
        {
          key: "published_top",
          label: "λ_top",
          latex: "$\\lambda_\\mathrm{top}$",
          group: "Published",
          published: true,
          format: {type: "text"}
        },
        {
          key: "published_second",
          label: "λ_2nd-even",
          latex: "$\\lambda_\\text{2nd even}$",
          group: "Published",
          published: true,
          format: {type: "text"}
        },
        {
          key: "published_he2",
          label: "He₂/√2 coeff.",
          latex: "He$_2/\\sqrt2$ coeff.",
          group: "Published",
          published: true,
          format: {type: "text"}
        }
      ],
      rows: result.points.map((point) => {
        const s = point.runs[0].dataset.scalars;
        const s0 = point.params.s0 as number;
        const r = point.params.r as number;
        const published = publishedSector.find((row) => row.s0 === s0 && row.r === r);
        return {
          s0,
          r,
          top: s.lambda_top,
          top_hermite: s.lambda_top_hermite,
          linear: s.lambda_linear,
          second: s.lambda_second_even,
          he2: s.he2_coefficient,
          published_top: published?.top ?? null,
          published_second: published?.second ?? null,
          published_he2: published?.he2 ?? null
        };
      })
    };
  }
};

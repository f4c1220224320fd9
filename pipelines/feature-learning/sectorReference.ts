// The ReLU target-sector reference values (λ_top, λ_lin, second even eigenvalue, He₂ coefficient of the top mode)
// recomputed by Nyström on Gauss–Hermite nodes and by the Hermite matrix M, beside the values printed in the spec.
import {integer, pipeline} from "../../src/contract/index.js";
import {hermite} from "../../src/special/hermite.js";
import {nystrom, sectorSpectrum} from "./targetSector.js";
import {sectorBulkVariance, sectorSpikeStrength} from "./params.js";

/** A published reference row: the printed strings, so that tolerances follow their digits. */
interface Published {
  s0: number;
  r: number;
  top: string;
  second: string;
  he2: string;
}

/** The reference table as printed (ReLU, d → ∞, Nyström with 120 Gauss–Hermite nodes). */
export const publishedSector: readonly Published[] = [
  {s0: 1, r: 0, top: "0.159155", second: "0", he2: "0"},
  {s0: 1, r: 0.25, top: "0.16940", second: "0.000434", he2: "0.0417"},
  {s0: 1, r: 0.5, top: "0.203042", second: "0.003428", he2: "0.1424"},
  {s0: 1, r: 1, top: "0.361420", second: "0.011876", he2: "0.3435"},
  {s0: 1, r: 1.5, top: "0.653814", second: "0.01576", he2: "0.4471"},
  {s0: 1, r: 2, top: "1.078104", second: "0.01661", he2: "0.4945"},
  {s0: 2, r: 1, top: "0.505499", second: "0.014445", he2: "0.2359"}
];

/** Target-sector eigenvalues of the ReLU k₁ at one (s₀, r): Nyström and Hermite-matrix routes, and the published row. */
export const sectorReference = pipeline({
  id: "feature-learning/sector-reference",
  description:
    "ReLU target-sector reference values (λ_top, λ_lin, second even eigenvalue, He₂ coefficient) by Nyström and by the Hermite matrix.",
  source: import.meta.url,
  params: {
    s0: sectorBulkVariance,
    r: sectorSpikeStrength(1),
    nodes: integer(120, "Gauss–Hermite nodes of the Nyström discretisation", {min: 8, max: 400})
  },
  outputs: {
    scalars: {
      lambda_top: "top even eigenvalue by Nyström on `nodes` Gauss–Hermite nodes",
      lambda_top_hermite: "top even eigenvalue of the Hermite matrix M",
      lambda_linear: "top odd (û-linear) eigenvalue of the Hermite matrix",
      lambda_linear_theory: "r²/4, the linear mode's closed form",
      lambda_second_even: "second even eigenvalue by Nyström (0 when r = 0)",
      lambda_second_even_hermite: "second even eigenvalue of the Hermite matrix",
      he2_coefficient: "He₂ coefficient of the top even Nyström eigenfunction (sign fixed by He₀ > 0)",
      he2_coefficient_hermite: "He₂ coefficient of the top even Hermite-matrix eigenvector",
      hermite_degree: "Hermite truncation degree of the matrix M",
      has_published: "1 when the (s0, r) point is in the spec's printed table, else 0",
      published_top: {description: "printed λ_top", when: "has_published = 1"},
      published_second: {description: "printed second even eigenvalue", when: "has_published = 1"},
      published_he2: {description: "printed He₂ coefficient", when: "has_published = 1"},
      tolerance_top: {description: "one unit in the last printed digit of λ_top", when: "has_published = 1"},
      tolerance_second: {
        description: "one unit in the last printed digit of the second eigenvalue",
        when: "has_published = 1"
      },
      tolerance_he2: {
        description: "one unit in the last printed digit of the He₂ coefficient",
        when: "has_published = 1"
      }
    },
    tables: {}
  },
  run({s0, r, nodes}) {
    const params = {activation: "relu" as const, s0, r};
    const spectrum = sectorSpectrum(params);
    const ny = nystrom(params, nodes);
    // Split the Nyström eigenpairs by parity of the eigenfunction on the symmetric nodes.
    const N = ny.nodes.length;
    const weights = ny.weights;
    const even: {value: number; he2: number}[] = [];
    ny.functions.forEach((phi, m) => {
      let odd = 0;
      let norm = 0;
      let he2 = 0;
      let he0 = 0;
      for (let a = 0; a < N; ++a) {
        odd += weights[a] * (phi[a] - phi[N - 1 - a]) ** 2;
        norm += weights[a] * phi[a] ** 2;
      }
      if (odd > 1e-6 * norm) return;
      for (let a = 0; a < N; ++a) {
        he0 += weights[a] * phi[a];
        he2 += (weights[a] * phi[a] * hermite(2, ny.nodes[a])) / Math.SQRT2;
      }
      even.push({value: ny.values[m], he2: he0 < 0 ? -he2 : he2});
    });
    const published = publishedSector.find((row) => row.s0 === s0 && row.r === r);
    const scalars: Record<string, number> = {
      lambda_top: even[0].value,
      lambda_top_hermite: spectrum.even.values[0],
      lambda_linear: spectrum.odd.values[0],
      lambda_linear_theory: (r * r) / 4,
      lambda_second_even: r > 0 ? even[1].value : 0,
      lambda_second_even_hermite: spectrum.even.values[1],
      he2_coefficient: even[0].he2,
      he2_coefficient_hermite: spectrum.even.vectors[0][1],
      hermite_degree: spectrum.degree,
      has_published: published ? 1 : 0
    };
    if (published) {
      scalars.published_top = Number(published.top);
      scalars.published_second = Number(published.second);
      scalars.published_he2 = Number(published.he2);
      scalars.tolerance_top = lastDigit(published.top);
      scalars.tolerance_second = lastDigit(published.second);
      scalars.tolerance_he2 = lastDigit(published.he2);
    }
    return {scalars, tables: {}};
  }
});

// One unit in the last printed digit ("0.16940" → 1e-5; "0" → 1e-6): the printed values are rounded or truncated.
function lastDigit(text: string): number {
  const decimals = text.includes(".") ? text.split(".")[1].length : 6;
  return 10 ** -decimals;
}

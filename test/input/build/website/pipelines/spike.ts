// The site test project's pipeline: a toy spiked model, kept in its own file like the project's pipelines so that
// editing the plot modules in index.ts recomputes nothing.
import {integer, pipeline, real} from "orthogonal/src/contract/index.js";

/** The top eigenvalue of a spiked model next to its closed form (1 + √γ)², with a little seeded noise. */
export const spike = pipeline({
  id: "alpha/spike",
  description: "Top eigenvalue of a toy spiked model and its closed form.",
  source: import.meta.url,
  params: {
    d: integer(50, "dimension", {min: 1}),
    gamma: real(1, "spike strength", {min: 0})
  },
  outputs: {
    scalars: {lambda: "top eigenvalue, closed form plus seeded noise", lambda_theory: "(1 + √γ)²"},
    tables: {bulk: {description: "the first eight noise draws", columns: {i: "index", value: "the draw"}}}
  },
  run({d, gamma}, rng) {
    const noise = rng.fork("noise").normals(d);
    let mean = 0;
    for (const x of noise) mean += x / d;
    const theory = (1 + Math.sqrt(gamma)) ** 2;
    return {
      scalars: {lambda: theory + 0.01 * mean, lambda_theory: theory},
      tables: {bulk: Array.from({length: 8}, (_, i) => ({i, value: noise[i]}))}
    };
  }
});

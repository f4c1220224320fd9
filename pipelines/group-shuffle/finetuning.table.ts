// Table of E7: final test error of each adapter in the toy fine-tuning, over seeds, with per-seed comparisons.
import type {ExperimentResult, TableModule} from "../../src/contract/index.js";
import type {Table} from "../../src/tables/table.js";
import {adapterLabel} from "./finetuning.plot.js";

/** The adapters in the pipeline's output order. */
const methods = ["gsoft", "oft", "boft", "lora"] as const;

/**
 * One row per adapter: raw trainable parameters, final test MSE relative to the un-adapted network (mean ± sd,
 * best and worst seed), and on how many seeds it ends below GSOFT.
 */
export const finetuningTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const point = result.points[0];
    const block = point.params.block as number;
    const seeds = point.runs.length;
    return {
      columns: [
        {key: "adapter", label: "adapter"},
        {key: "parameters", label: "parameters", format: {type: "integer"}},
        {key: "relative", label: "test MSE ÷ un-adapted", format: {type: "significant", digits: 3}},
        {key: "best", label: "best seed", format: {type: "fixed", decimals: 3}},
        {key: "worst", label: "worst seed", format: {type: "fixed", decimals: 3}},
        {key: "below_gsoft", label: "seeds below GSOFT"}
      ],
      rows: methods.map((method) => {
        const summary = point.summary[`${method}_relative_mse`];
        const below = point.runs.filter(
          (run) => run.dataset.scalars[`${method}_relative_mse`] < run.dataset.scalars.gsoft_relative_mse
        ).length;
        return {
          adapter: adapterLabel(method, block),
          parameters: point.summary[`${method}_parameters`].mean,
          relative: {mean: summary.mean, sd: summary.sd},
          best: summary.min,
          worst: summary.max,
          below_gsoft: method === "gsoft" ? "–" : `${below} of ${seeds}`
        };
      })
    };
  }
};

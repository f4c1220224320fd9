// Tables of B1–B6: the reproduced values beside the published and reference ones, with standard errors.
import {meanSe} from "../../src/contract/index.js";
import type {ExperimentResult} from "../../src/contract/index.js";
import type {TableModule} from "../../src/contract/index.js";
import type {Table, TableRow} from "../../src/tables/table.js";
import {gammaRows} from "./gammaCurves.plot.js";
import {signalLevels} from "./harmful.js";
import {heatmapCells} from "./heatmap.plot.js";
import {gammaPlot, gammaReference, heatmapColumns} from "./published.js";

const errorFormat = {type: "fixed", decimals: 3} as const;

/** B1: test error per (n, γ) at both stopping rules, beside the paper's Figure 2 and the reference re-implementation. */
export const gammaTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const err = gammaRows(result, "err");
    const loss = gammaRows(result, "loss");
    return {
      columns: [
        {key: "n", label: "n", format: {type: "integer"}},
        {key: "gamma", label: "γ", format: {type: "fixed", decimals: 2}},
        {key: "err", label: "S_err: mean ± se", format: errorFormat, group: "Reproduced"},
        {key: "loss", label: "S_loss: mean ± se", format: errorFormat, group: "Reproduced"},
        {key: "figure", label: "Figure 2", format: errorFormat, group: "Published", published: true},
        {key: "reference", label: "reference", format: errorFormat, group: "Published", published: true}
      ],
      rows: err
        .sort((a, b) => a.n - b.n || a.gamma - b.gamma)
        .map((row): TableRow => {
          const l = loss.find((r) => r.n === row.n && r.gamma === row.gamma)!;
          const figure = gammaPlot.find((p) => p.n === row.n && Math.abs(p.gamma - row.gamma) < 1e-9);
          const reference = gammaReference.find((p) => p.n === row.n && Math.abs(p.gamma - row.gamma) < 1e-9);
          return {
            n: row.n,
            gamma: row.gamma,
            err: {mean: row.mean, sd: row.se},
            loss: {mean: l.mean, sd: l.se},
            figure: figure?.error ?? null,
            reference: reference?.error ?? null
          };
        })
    };
  }
};

/** B2: per d/n column, the published range and mean over n beside this build's range and mean of the cell means. */
export const heatmapTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const err = heatmapCells(result, "err");
    const loss = heatmapCells(result, "loss");
    const columns = [...new Set(err.map((c) => c.dOverN))].sort((a, b) => a - b);
    return {
      columns: [
        {key: "dn", label: "d/n", format: {type: "integer"}},
        {
          key: "low",
          label: "min over n",
          format: {type: "fixed", decimals: 4},
          group: "Published (S_err)",
          published: true
        },
        {
          key: "high",
          label: "max over n",
          format: {type: "fixed", decimals: 4},
          group: "Published (S_err)",
          published: true
        },
        {key: "mean", label: "mean over n", format: errorFormat, group: "Published (S_err)", published: true},
        {key: "ours_low", label: "min over n", format: {type: "fixed", decimals: 4}, group: "Reproduced, S_err"},
        {key: "ours_high", label: "max over n", format: {type: "fixed", decimals: 4}, group: "Reproduced, S_err"},
        {key: "ours_mean", label: "mean over n", format: errorFormat, group: "Reproduced, S_err"},
        {key: "loss_mean", label: "S_loss: mean over n", format: errorFormat, group: "Reproduced, S_loss"}
      ],
      rows: columns.map((dn): TableRow => {
        const values = err.filter((c) => c.dOverN === dn).map((c) => c.mean);
        const lossValues = loss.filter((c) => c.dOverN === dn).map((c) => c.mean);
        const published = heatmapColumns.find((c) => c.dOverN === dn);
        return {
          dn,
          low: published?.low ?? null,
          high: published?.high ?? null,
          mean: published?.mean ?? null,
          ours_low: Math.min(...values),
          ours_high: Math.max(...values),
          ours_mean: values.reduce((s, v) => s + v, 0) / values.length,
          loss_mean: lossValues.reduce((s, v) => s + v, 0) / lossValues.length
        };
      })
    };
  }
};

/** B2, every cell: mean ± se of the test error at both stopping rules (the heatmap's values). */
export const heatmapCellsTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const loss = heatmapCells(result, "loss");
    return {
      columns: [
        {key: "n", label: "n", format: {type: "integer"}},
        {key: "dn", label: "d/n", format: {type: "integer"}},
        {key: "err", label: "S_err: mean ± se", format: {type: "fixed", decimals: 4}},
        {key: "loss", label: "S_loss: mean ± se", format: {type: "fixed", decimals: 4}}
      ],
      rows: heatmapCells(result, "err")
        .sort((a, b) => a.n - b.n || a.dOverN - b.dOverN)
        .map((c): TableRow => {
          const l = loss.find((x) => x.n === c.n && x.dOverN === c.dOverN)!;
          return {n: c.n, dn: c.dOverN, err: {mean: c.mean, sd: c.se}, loss: {mean: l.mean, sd: l.se}};
        })
    };
  }
};

/** B4: ρ = ‖W‖_F·α·√m/‖w*‖ and T/(‖w*‖²/(ηα²m)) per γ and configuration (n, 2m). */
export const marginTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const keys = Object.keys(result.points[0].summary)
      .filter((name) => name.startsWith("rho_n"))
      .map((name) => name.slice(4));
    return {
      columns: [
        {key: "gamma", label: "γ", format: {type: "fixed", decimals: 2}},
        {key: "config", label: "n, 2m"},
        {key: "w_star", label: "‖w*‖", format: {type: "significant", digits: 3}},
        {key: "rho", label: "ρ: mean ± se", format: errorFormat},
        {key: "steps", label: "steps T", format: {type: "integer"}},
        {key: "ratio", label: "T ÷ ‖w*‖²/(ηα²m)", format: {type: "fixed", decimals: 3}}
      ],
      rows: result.points.flatMap((point) =>
        keys.map((key): TableRow => {
          const [, n, w] = /^n(\d+)_w(\d+)$/.exec(key)!;
          const rho = meanSe(point, `rho_${key}`);
          return {
            gamma: point.params.gamma as number,
            config: `${n}, ${w}`,
            w_star: point.summary[`w_star_${key}`].mean,
            rho: {mean: rho.mean, sd: rho.se},
            steps: Math.round(point.summary[`steps_${key}`].mean),
            ratio: point.summary[`step_ratio_${key}`].mean
          };
        })
      )
    };
  }
};

/** B5: per signal level, γ, test error at both rules, SNR, and the rank correlation over levels. */
export const harmfulTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    const point = result.points[0];
    return {
      columns: [
        {key: "level", label: "γ"},
        {key: "gamma", label: "value", format: {type: "significant", digits: 3}},
        {key: "err", label: "S_err error: mean ± se", format: errorFormat},
        {key: "loss", label: "S_loss error: mean ± se", format: errorFormat},
        {key: "snr", label: "SNR (S_err): mean ± se", format: {type: "significant", digits: 3}}
      ],
      rows: signalLevels.map((level): TableRow => {
        const err = meanSe(point, `test_error_err_${level.key}`);
        const loss = meanSe(point, `test_error_loss_${level.key}`);
        const snr = meanSe(point, `snr_err_${level.key}`);
        return {
          level: level.label,
          gamma: point.summary[`gamma_${level.key}`].mean,
          err: {mean: err.mean, sd: err.se},
          loss: {mean: loss.mean, sd: loss.se},
          snr: {mean: snr.mean, sd: snr.se}
        };
      })
    };
  }
};

/** B6: test error at both stopping rules, and steps, per point of the ablation. */
export const stoppingTable: TableModule = {
  source: import.meta.url,
  table(result: ExperimentResult): Table {
    return {
      columns: [
        {key: "outer", label: "outer weights"},
        {key: "gamma", label: "γ", format: {type: "fixed", decimals: 2}},
        {key: "dn", label: "d/n", format: {type: "integer"}},
        {key: "err", label: "S_err error: mean ± se", format: errorFormat},
        {key: "loss", label: "S_loss error: mean ± se", format: errorFormat},
        {key: "steps_err", label: "steps to S_err", format: {type: "integer"}},
        {key: "steps_loss", label: "steps to S_loss", format: {type: "integer"}}
      ],
      rows: result.points.map((point): TableRow => {
        const err = meanSe(point, "test_error_err");
        const loss = meanSe(point, "test_error_loss");
        return {
          outer: point.params.outer as string,
          gamma: point.summary.gamma.mean,
          dn: point.params.d_over_n as number,
          err: {mean: err.mean, sd: err.se},
          loss: {mean: loss.mean, sd: loss.se},
          steps_err: Math.round(point.summary.steps_err.mean),
          steps_loss: Math.round(point.summary.steps_loss.mean)
        };
      })
    };
  }
};

// Renders one declared figure (SVG, PNG, PDF) or table (HTML, LaTeX, CSV, Markdown) from experiment results.
// Loaded lazily by the publishing stage, so that a build with nothing to re-render never imports Plot or sharp.
import type {FigureDeclaration} from "../contract/content.js";
import {PipelineError} from "../contract/error.js";
import {figureSize} from "../contract/figure.js";
import type {PlotModule, TableModule} from "../contract/registry.js";
import type {ExperimentResult} from "../contract/results.js";
import {renderPdf} from "../render/pdf.js";
import {renderPng} from "../render/png.js";
import {renderSvg} from "../render/svg.js";
import {theme} from "../render/theme.js";
import {tableToCsv} from "../tables/csv.js";
import {tableToHtml} from "../tables/html.js";
import {tableToLatex} from "../tables/latex.js";
import {tableToMarkdown} from "../tables/markdown.js";

/** A figure in its three formats. */
export interface RenderedFigure {
  svg: string;
  png: Buffer;
  pdf: Buffer;
}

/** Renders a declared figure; throws naming the figure when its plot module fails. */
export async function renderFigure(
  module: PlotModule,
  figure: FigureDeclaration,
  result: ExperimentResult
): Promise<RenderedFigure> {
  const {width, height} = figureSize(figure.width, figure.aspect);
  try {
    const options = module.plot(result, {theme, width, height});
    const svg = renderSvg({ariaLabel: figure.alt, ...options}, {width, height, theme});
    return {
      svg,
      png: await renderPng(svg, theme),
      pdf: await renderPdf(svg, {width, height, theme, title: figure.caption})
    };
  } catch (error) {
    throw new PipelineError(
      figure.experiment,
      `figure ${figure.id} (plot ${figure.plot}): ${(error as Error).message}`
    );
  }
}

/** Renders a declared table as [HTML, LaTeX, CSV, Markdown]. */
export function renderTable(module: TableModule, result: ExperimentResult): [string, string, string, string] {
  const table = module.table(result);
  return [tableToHtml(table), tableToLatex(table), tableToCsv(table), tableToMarkdown(table)];
}

// SVG → vector PDF for LaTeX (\includegraphics) with pdfkit and svg-to-pdfkit, embedding the bundled font.
//
// Why these libraries: they are pure JavaScript (no Inkscape, rsvg-convert, Cairo or headless browser to install),
// so the PDF depends only on pinned npm packages; pdfkit embeds a subset of the TrueType font we ship (text stays
// text, selectable and searchable, in the same face as the SVG and PNG), and svg-to-pdfkit covers what Plot emits
// (paths, transforms, clip paths, text with em offsets and anchors, opacity). Sizes are in pt with 1 px = 1 pt, so the
// page is the figure size in print. Bytes are deterministic: a constant creation date, a file ID hashed from the SVG,
// and uncompressed streams (zlib output may differ between builds of zlib; figures are small anyway).
import {createHash} from "node:crypto";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import {fontPath, theme as sharedTheme} from "./theme.js";
import type {Theme} from "./theme.js";

/** Options of renderPdf: the figure size in px (= pt) and the theme whose font is embedded. */
export interface PdfOptions {
  width: number;
  height: number;
  theme?: Theme;
  /** Document title (PDF metadata), e.g. the figure id. */
  title?: string;
}

/**
 * Converts a standalone SVG (from renderSvg, not the inline variant) to a one-page vector PDF of the figure's size
 * in pt, with the theme's font embedded as a subset. Throws if svg-to-pdfkit reports anything it cannot draw, so a
 * figure never silently loses an element. The same SVG always gives the same bytes.
 */
export async function renderPdf(svg: string, options: PdfOptions): Promise<Buffer> {
  const t = options.theme ?? sharedTheme;
  const {width, height} = options;
  if (!(width > 0 && height > 0)) throw new Error(`invalid figure size: ${width} × ${height}`);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress: false,
    info: {
      Producer: "orthogonal",
      Creator: "orthogonal",
      CreationDate: fixedCreationDate,
      ...(options.title ? {Title: options.title} : {})
    }
  });
  // pdfkit derives the file ID from the info dictionary alone, so all figures would share one: use the content's hash.
  (doc as unknown as {_id: Buffer})._id = createHash("sha256").update(svg).digest().subarray(0, 16);
  doc.registerFont(t.fontFamily, fontPath(t));
  const warnings: string[] = [];
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  (SVGtoPDF as unknown as SvgToPdf)(doc, prepareSvg(svg), 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: () => t.fontFamily,
    warningCallback: (warning) => warnings.push(warning)
  });
  doc.end();
  const pdf = await done;
  if (warnings.length > 0) throw new Error(`svg-to-pdfkit could not convert the figure: ${warnings.join("; ")}`);
  return pdf;
}

/**
 * The creation date written in every PDF: the Unix epoch, a constant (pdfkit requires a date and would otherwise
 * stamp the current time, changing the bytes on every build).
 */
export const fixedCreationDate = new Date(0);

type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options: SVGtoPDF.Options) => void;

/**
 * Adapts renderSvg's output to svg-to-pdfkit: drops attributes it does not know and would warn about (aria-*,
 * font-variant: DejaVu Sans digits are tabular already).
 */
export function prepareSvg(svg: string): string {
  return svg.replace(/ (?:aria-[a-z]+|font-variant)="[^"]*"/g, "");
}

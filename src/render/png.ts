// SVG → PNG through sharp (librsvg) at 300 dpi with the bundled font only; pixel hashes and pixel comparison for tests.
import {createHash} from "node:crypto";
import {join} from "node:path";
import type {Sharp, SharpOptions} from "sharp";
import {fontDirectory, theme as sharedTheme} from "./theme.js";
import type {Theme} from "./theme.js";

/** Pixel density of PNGs relative to the SVG's px (1 px = 1 pt): 300 dpi, print resolution (a 240 px figure is 1000 pixels wide). */
export const pngScale = 300 / 72;

/** Pixel errors between two images of the same size, in 0–255 units of the largest channel difference per pixel. */
export interface PixelErrors {
  /** 95th percentile of per-pixel errors. */
  p95: number;
  /** Mean per-pixel error. */
  mean: number;
  /** Largest per-pixel error. */
  max: number;
}

/** Tolerances of pixel comparisons (Observable Plot's, for its PNG snapshots): p95 ≤ 1, mean < 0.1, max < 10. */
export const pixelTolerance = {p95: 1, mean: 0.1, max: 10} as const;

/**
 * Renders an SVG to PNG at pngScale× (a 240 × 180 px figure gives 1000 × 750 pixels), flattened onto the theme's
 * background, with the density recorded (300 dpi). Text uses only the font in fonts/ (fontconfig is pointed there
 * before sharp loads). The PNG bytes may differ between CPUs (zlib-ng); the decoded pixels do not, so compare
 * images with pngPixelsHash or comparePng, never by bytes.
 */
export async function renderPng(svg: string, t: Theme = sharedTheme): Promise<Buffer> {
  const image = await load(Buffer.from(svg, "utf8"), {density: 72 * pngScale});
  return image
    .flatten({background: t.background})
    .withDensity(72 * pngScale)
    .png({compressionLevel: 9, adaptiveFiltering: false, palette: false})
    .toBuffer();
}

/** The width and height in pixels of a PNG. */
export async function pngSize(png: Buffer): Promise<{width: number; height: number}> {
  const {width, height} = await (await load(png)).metadata();
  return {width, height};
}

/** SHA-256 (hex) of a PNG's decoded RGBA pixels and dimensions: equal for equal images whatever the compression. */
export async function pngPixelsHash(png: Buffer): Promise<string> {
  const {data, info} = await decode(png);
  return createHash("sha256").update(`${info.width}x${info.height}x${info.channels}\n`).update(data).digest("hex");
}

/**
 * Compares two PNGs pixel by pixel: a pixel's error is the largest absolute difference of its RGBA channels (0–255).
 * Throws if the sizes differ. Images match when p95 ≤ 1, mean < 0.1 and max < 10 (see pngMatches).
 */
export async function comparePng(a: Buffer, b: Buffer): Promise<PixelErrors> {
  const [x, y] = await Promise.all([decode(a), decode(b)]);
  if (x.info.width !== y.info.width || x.info.height !== y.info.height) {
    throw new Error(`image sizes differ: ${x.info.width} × ${x.info.height} and ${y.info.width} × ${y.info.height}`);
  }
  const pixels = x.info.width * x.info.height;
  const histogram = new Float64Array(256);
  let sum = 0;
  let max = 0;
  for (let p = 0; p < pixels; ++p) {
    let error = 0;
    for (let c = 0; c < 4; ++c) error = Math.max(error, Math.abs(x.data[4 * p + c] - y.data[4 * p + c]));
    histogram[error] += 1;
    sum += error;
    if (error > max) max = error;
  }
  let p95 = 0;
  for (let count = 0, rank = Math.ceil(0.95 * pixels); p95 < 256; ++p95) {
    count += histogram[p95];
    if (count >= rank) break;
  }
  return {p95, mean: pixels === 0 ? 0 : sum / pixels, max};
}

/** Whether pixel errors are within pixelTolerance. */
export function pngMatches(errors: PixelErrors): boolean {
  return errors.p95 <= pixelTolerance.p95 && errors.mean < pixelTolerance.mean && errors.max < pixelTolerance.max;
}

async function decode(png: Buffer): Promise<{data: Buffer; info: {width: number; height: number; channels: number}}> {
  const image = await load(png);
  return image.ensureAlpha().raw().toBuffer({resolveWithObject: true});
}

let sharpModule: Promise<(input: Buffer, options?: SharpOptions) => Sharp> | undefined;

// sharp is loaded on first use, after pointing fontconfig at fonts/fonts.conf, so that librsvg sees only the bundled
// font on every machine (system fonts would otherwise change the PNG's text).
async function load(input: Buffer, options?: SharpOptions): Promise<Sharp> {
  sharpModule ??= (async () => {
    process.env.FONTCONFIG_FILE = join(fontDirectory, "fonts.conf");
    process.env.FONTCONFIG_PATH = fontDirectory;
    const {default: sharp} = await import("sharp");
    return sharp;
  })();
  return (await sharpModule)(input, options);
}

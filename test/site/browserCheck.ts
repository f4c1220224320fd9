// Visits every page of a built site in Chromium over file:// at phone and desktop widths, in light and dark mode,
// and reports what a reader would hit: console errors, failed requests, broken links and anchors, missing images,
// horizontal scrolling, low text contrast, heading problems; saves a screenshot of each page and mode.
import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {JSDOM} from "jsdom";
import {chromium} from "playwright-core";
import type {Browser, Page} from "playwright-core";

/** axe-core's browser bundle, injected into each page to check accessibility. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Where screenshots go (git-ignored). */
export const screenshotDir = fileURLToPath(new URL("../output/screenshots/", import.meta.url));

/** The widths every page is checked at: a small phone and a desktop. */
export const widths = [375, 1280] as const;

/** A colour scheme and a viewport width to check pages in, and which pages (all when `pages` is absent). */
export interface Mode {
  scheme: "light" | "dark";
  width: number;
  pages?: (path: string) => boolean;
}

/** Every scheme at every width. */
export const allModes: readonly Mode[] = (["light", "dark"] as const).flatMap((scheme) =>
  widths.map((width) => ({scheme, width}))
);

/** Launches the system Chromium headless, with no network side channels. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

/** Every .html file under a folder, as paths relative to it, sorted. */
export function htmlPages(siteDir: string): string[] {
  return (readdirSync(siteDir, {recursive: true, encoding: "utf8"}) as string[]).filter((f) => f.endsWith(".html")).sort();
}

/**
 * Checks every page of the site in `siteDir`; returns a list of problems (empty when all is well). axe-core runs on
 * the pages `axePages` selects in each colour scheme (all by default). Screenshots are written as <label>-<page>-<width>-<scheme>.png when
 * `screenshots` is set.
 */
export async function checkSite(
  browser: Browser,
  siteDir: string,
  label: string,
  options: {screenshots?: boolean; modes?: readonly Mode[]; axePages?: (path: string, scheme: Mode["scheme"]) => boolean} = {}
): Promise<string[]> {
  const problems: string[] = [];
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      const document = new JSDOM(readFileSync(file, "utf8")).window.document;
      ids = new Set([...document.querySelectorAll("[id]")].map((element) => element.id));
      idCache.set(file, ids);
    }
    return ids;
  };
  if (options.screenshots) mkdirSync(screenshotDir, {recursive: true});
  const modes = options.modes ?? allModes;
  // axe-core once per colour scheme (its rules do not depend on the width; colours do).
  const axeModes = new Set(["light", "dark"].map((scheme) => modes.find((mode) => mode.scheme === scheme)));
  // The modes run side by side, each visiting the pages in order.
  await Promise.all(
    modes.map(async (mode) => {
      const {scheme, width} = mode;
      const context = await browser.newContext({viewport: {width, height: 900}, colorScheme: scheme, deviceScaleFactor: 1, javaScriptEnabled: true});
      // Nothing may come from the network: any non-file request fails the check.
      await context.route(/^(?!file:|data:)/, (route) => {
        problems.push(`request to ${route.request().url()}`);
        return route.abort();
      });
      // tsx keeps function names with a __name helper, which functions serialised into the page need too.
      await context.addInitScript({content: "globalThis.__name = (f) => f;"});
      const page = await context.newPage();
      for (const path of htmlPages(siteDir).filter(mode.pages ?? (() => true))) {
        const where = `${label} ${path} @${width}px ${scheme}`;
        problems.push(...(await checkPage(page, join(siteDir, path), where, idsOf, width)));
        if (axeModes.has(mode) && (options.axePages?.(path, scheme) ?? true)) problems.push(...(await axeViolations(page, where)));
        if (options.screenshots) {
          const name = `${label}-${path.replace(/\.html$/, "").replace(/[/\\]/g, "_")}-${width}-${scheme}.png`;
          await page.screenshot({path: join(screenshotDir, name), fullPage: true});
        }
      }
      await context.close();
    })
  );
  return problems.sort();
}

async function checkPage(page: Page, file: string, where: string, idsOf: (file: string) => Set<string>, width: number): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: {type(): string; text(): string}) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${where}: console ${message.type()}: ${message.text()}`);
  };
  const onError = (error: Error) => problems.push(`${where}: page error: ${error.message}`);
  const onFailed = (request: {url(): string; failure(): {errorText: string} | null}) =>
    problems.push(`${where}: failed to load ${request.url()} (${request.failure()?.errorText})`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  page.on("requestfailed", onFailed);
  try {
    await page.goto(pathToFileURL(file).href, {waitUntil: "load"});
    await page.evaluate(() => document.fonts.ready);
    const facts = await page.evaluate(inspectPage);
    if (facts.scrollWidth > facts.innerWidth) problems.push(`${where}: horizontal scrolling (${facts.scrollWidth}px content in ${facts.innerWidth}px): ${facts.widest}`);
    for (const image of facts.brokenImages) problems.push(`${where}: image not loaded: ${image}`);
    for (const element of facts.unlabelled) problems.push(`${where}: graphic without a text alternative: ${element}`);
    if (facts.h1 !== 1) problems.push(`${where}: ${facts.h1} <h1> elements`);
    for (const skip of facts.headingSkips) problems.push(`${where}: heading level skipped: ${skip}`);
    for (const low of facts.lowContrast) problems.push(`${where}: low contrast ${low}`);
    for (const href of facts.links) {
      const url = new URL(href);
      if (url.protocol !== "file:") continue;
      const target = fileURLToPath(url);
      if (!existsSync(target)) {
        problems.push(`${where}: broken link to ${relative(join(file, ".."), target)}`);
      } else if (url.hash && target.endsWith(".html") && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push(`${where}: broken anchor ${url.hash} on ${relative(join(file, ".."), target)}`);
      }
    }
    if (width === widths[0]) {
      // The skip link is the first thing the keyboard reaches.
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.className ?? "");
      if (focused !== "skip-link") problems.push(`${where}: the first Tab stop is "${focused}", not the skip link`);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    }
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
    page.off("requestfailed", onFailed);
  }
  return problems;
}

/** Runs axe-core (WCAG 2.1 A and AA rules and best practices) on the loaded page; one line per violation and node. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  await page.addScriptTag({content: axeSource});
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as {axe: {run(context: Document, options: object): Promise<{violations: {id: string; help: string; nodes: {target: unknown[]}[]}[]}>}}).axe;
    // preload: false: axe would fetch the stylesheets by XMLHttpRequest, which file:// pages may not do (a console error).
    const result = await axe.run(document, {resultTypes: ["violations"], preload: false});
    return result.violations.map((v) => ({id: v.id, help: v.help, targets: v.nodes.map((n) => String(n.target[0]))}));
  });
  return violations.map((v) => `${where}: axe ${v.id} (${v.help}) at ${v.targets.length} node${v.targets.length > 1 ? "s" : ""}: ${v.targets.slice(0, 3).join(", ")}`);
}

/** Runs in the page: layout, images, links, headings and contrast facts. */
function inspectPage() {
  const root = document.documentElement;
  let widest = "";
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.right > window.innerWidth + 0.5 && !element.closest(".table-scroll, .math-display, pre")) {
      widest = `<${element.localName} class="${element.getAttribute("class") ?? ""}"> right edge at ${Math.round(box.right)}px`;
      break;
    }
  }
  const brokenImages = [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src);
  const unlabelled = [...document.querySelectorAll("figure svg, img")]
    .filter((element) => !element.closest(".katex") && !element.getAttribute("aria-label") && !element.getAttribute("alt") && element.getAttribute("aria-hidden") !== "true")
    .map((element) => element.outerHTML.slice(0, 80));
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.localName[1]));
  const headingSkips: string[] = [];
  headings.forEach((level, i) => {
    if (i > 0 && level > headings[i - 1] + 1) headingSkips.push(`h${headings[i - 1]} → h${level}`);
  });

  const parse = (color: string): [number, number, number, number] => {
    const m = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return [m[0], m[1], m[2], m[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null): number[] => {
    for (let e = element; e; e = e.parentElement) {
      const [r, g, b, a] = parse(getComputedStyle(e).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const lowContrast: string[] = [];
  const seen = new Set<string>();
  for (const element of document.querySelectorAll("body *")) {
    if (element.closest("svg, .katex, .visually-hidden, .skip-link") || (element as HTMLElement).hidden) continue;
    const text = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? "").join("").trim();
    if (!text) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const fg = parse(style.color);
    const bg = background(element);
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const key = `${style.color} on rgb(${bg.join(", ")})`;
    if (ratio < (large ? 3 : 4.5) && !seen.has(key)) {
      seen.add(key);
      lowContrast.push(`${ratio.toFixed(2)}:1 (${key}) at <${element.localName} class="${element.getAttribute("class") ?? ""}"> "${text.slice(0, 30)}"`);
    }
  }
  return {
    scrollWidth: root.scrollWidth,
    innerWidth: window.innerWidth,
    widest,
    brokenImages,
    unlabelled,
    h1: document.querySelectorAll("h1").length,
    headingSkips,
    lowContrast,
    links: [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href)
  };
}

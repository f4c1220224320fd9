// The jsdom document Plot renders into: one window per process, reused for every figure and cleared after each.
import {JSDOM} from "jsdom";

/**
 * Figures rendered before the window is replaced by a fresh one. jsdom windows grow with use (jsdom#1665, #1682):
 * reusing one avoids the cost of a window per figure, and replacing it now and then bounds the growth. Output does
 * not depend on it: the renderer renumbers ids and reads nothing else from the window.
 */
export const figuresPerWindow = 200;

let dom: JSDOM | undefined;
let figures = 0;

/** Returns the process's shared document, creating (or renewing) the jsdom window when needed. */
export function plotDocument(): Document {
  if (dom === undefined || figures >= figuresPerWindow) {
    dom?.window.close();
    dom = new JSDOM("<!DOCTYPE html><html><head></head><body></body></html>");
    figures = 0;
  }
  ++figures;
  return dom.window.document;
}

/** Empties the shared document's body and head after a figure, so nothing from one figure outlives it. */
export function clearDocument(): void {
  if (dom === undefined) return;
  const {document} = dom.window;
  document.body.replaceChildren();
  document.head.replaceChildren();
}

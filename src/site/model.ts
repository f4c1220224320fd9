// What the page writers are given: the content with its layout, and everything the build wrote that the site
// shows (manifest, results, claims, rendered figures and tables, the bibliography).
import type {MarkdownIt} from "markdown-it";
import type {ClaimResult} from "../contract/claims.js";
import type {Content} from "../contract/content.js";
import type {Manifest} from "../contract/manifest.js";
import type {PrintedNumber} from "../contract/numbers.js";
import type {Registry} from "../contract/registry.js";
import type {ExperimentResult} from "../contract/results.js";
import type {PackRecord, Release} from "../contract/release.js";
import type {Catalog} from "./catalog.js";
import type {BibEntry} from "./citation.js";

/** Everything needed to write the site's pages. */
export interface SiteModel {
  md: MarkdownIt;
  content: Content;
  catalog: Catalog;
  manifest: Manifest;
  registry: Registry;
  /** Experiment id → its results (undefined when never built). */
  results: Map<string, ExperimentResult | undefined>;
  /** Experiment id → its evaluated claims (undefined when never evaluated). */
  claims: Map<string, ClaimResult[] | undefined>;
  /** Build outputs by path relative to the output folder ("figures/demo/demo-hist.svg"). */
  files: Map<string, Uint8Array>;
  /** The committed bibliography (content/references.bib) and each paper's own entry, by key. */
  bibliography: Map<string, BibEntry>;
  /** Paper slug → its BibTeX entry. */
  paperEntries: Map<string, BibEntry>;
  /** The companion's BibTeX entry. */
  companion: BibEntry;
  siteTitle: string;
  /** The version and commit the site shows. */
  release: Release;
  /** The archive of this commit and these outputs, and its site path ("downloads/orthogonal-0.1.0.tar.gz"). */
  archive?: {record: PackRecord; path: string};
  /** The parameter profile the outputs were built with ("paper" or "quick"). */
  profile: string;
  /** Whether the site has a search page and index. */
  search: boolean;
  /** Declared numbers by name, as printed ({{name}} in prose). */
  numbers: Map<string, PrintedNumber>;
}

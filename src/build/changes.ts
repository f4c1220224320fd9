// What changed between two builds, as the paper sees it: claims whose status changed, numbers whose printed value
// changed, figures and tables whose data or drawing code changed, and the experiments responsible (their parameters,
// seeds or pipeline). A build's state is read from its figures/ folder; each `orthogonal build` also records its
// state, keeping the one before the last change, so that `orthogonal diff` and `orthogonal serve` can say what moved.
import {join} from "node:path";
import type {ParamValue} from "../contract/params.js";
import {fileEffects, readText} from "./effects.js";
import type {Effects} from "./effects.js";
import {sha256, stableStringify} from "./hash.js";

/** What a build printed and computed, as far as a comparison needs. */
export interface BuildState {
  /** `experiment: claim` → whether it held. */
  claims: Record<string, {experiment: string; claim: string; passed: boolean}>;
  /** Number name → its experiment and printed text. */
  numbers: Record<string, {experiment: string; text: string}>;
  /** Figure or table id → its experiment, the hash of its data and of its drawing code. */
  items: Record<string, {kind: "figure" | "table"; experiment: string; data: string; code: string}>;
  /** Experiment id → hash of its results file, its points' parameters, seeds and pipeline source hash (when known). */
  experiments: Record<
    string,
    {paper: string; results: string; params: Record<string, ParamValue>[]; seeds: number[]; pipelineHash?: string}
  >;
}

/** A claim whose status changed ("absent": not declared or not evaluated in that build). */
export interface ClaimChange {
  experiment: string;
  claim: string;
  before: "passed" | "failed" | "absent";
  after: "passed" | "failed" | "absent";
}

/** A number whose printed value changed (null: absent from that build). */
export interface NumberChange {
  name: string;
  experiment: string;
  before: string | null;
  after: string | null;
}

/** A figure or table whose data or code changed, or that appeared or disappeared. */
export interface ItemChange {
  id: string;
  kind: "figure" | "table";
  experiment: string;
  change: "data" | "code" | "added" | "removed";
}

/** An experiment whose results changed, with what explains it. */
export interface ExperimentChange {
  experiment: string;
  reasons: string[];
}

/** Everything that changed between two builds. */
export interface Changes {
  /** Whether anything printed in the paper changed: a claim's status, a number, a figure or a table. */
  changed: boolean;
  claims: ClaimChange[];
  numbers: NumberChange[];
  items: ItemChange[];
  experiments: ExperimentChange[];
}

/** An empty state (no build yet). */
export const emptyState: BuildState = {claims: {}, numbers: {}, items: {}, experiments: {}};

/** Reads the state of the build whose outputs are in `figures` (a build's figures/ folder). */
export function readBuildState(figures: string, effects: Effects = fileEffects): BuildState {
  const state: BuildState = {claims: {}, numbers: {}, items: {}, experiments: {}};
  if (!effects.exists(figures)) return state;
  const manifestText = readText(effects, join(figures, "manifest.json"));
  const manifest =
    manifestText !== undefined
      ? (JSON.parse(manifestText) as Record<
          string,
          {kind: "figure" | "table"; experiment: string; datasetHash: string; codeHash: string; pipelineHash?: string}
        >)
      : {};
  const pipelineHashes = new Map<string, string>();
  for (const id of Object.keys(manifest).sort()) {
    const entry = manifest[id];
    state.items[id] = {kind: entry.kind, experiment: entry.experiment, data: entry.datasetHash, code: entry.codeHash};
    if (entry.pipelineHash) pipelineHashes.set(entry.experiment, entry.pipelineHash);
  }
  for (const paper of effects
    .list(figures)
    .filter((e) => e.folder)
    .map((e) => e.name)) {
    const numbersText = readText(effects, join(figures, paper, "numbers.json"));
    if (numbersText !== undefined) {
      const numbers = JSON.parse(numbersText) as Record<string, {experiment: string; text: string}>;
      for (const [name, n] of Object.entries(numbers)) state.numbers[name] = {experiment: n.experiment, text: n.text};
    }
    const data = join(figures, paper, "data");
    for (const file of effects
      .list(data)
      .filter((e) => !e.folder)
      .map((e) => e.name)) {
      if (file.endsWith(".claims.json")) {
        for (const claim of JSON.parse(readText(effects, join(data, file))!) as {
          experiment: string;
          claim: string;
          passed: boolean;
        }[]) {
          state.claims[`${claim.experiment}: ${claim.claim}`] = {
            experiment: claim.experiment,
            claim: claim.claim,
            passed: claim.passed
          };
        }
      } else if (file.endsWith(".json")) {
        const text = readText(effects, join(data, file))!;
        const result = JSON.parse(text) as {
          id: string;
          points: {params: Record<string, ParamValue>; runs: {seed: number}[]}[];
        };
        state.experiments[result.id] = {
          paper,
          results: sha256(text),
          params: result.points.map((p) => p.params),
          seeds: result.points[0]?.runs.map((r) => r.seed) ?? [],
          ...(pipelineHashes.has(result.id) ? {pipelineHash: pipelineHashes.get(result.id)} : {})
        };
      }
    }
  }
  return state;
}

/** Compares two build states. */
export function compareBuilds(before: BuildState, after: BuildState): Changes {
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const status = (claim: {passed: boolean} | undefined) =>
    claim === undefined ? "absent" : claim.passed ? "passed" : "failed";
  const claims: ClaimChange[] = [];
  for (const key of keys(before.claims, after.claims)) {
    const [a, b] = [before.claims[key], after.claims[key]];
    if (status(a) !== status(b))
      claims.push({experiment: (a ?? b).experiment, claim: (a ?? b).claim, before: status(a), after: status(b)});
  }
  const numbers: NumberChange[] = [];
  for (const name of keys(before.numbers, after.numbers)) {
    const [a, b] = [before.numbers[name], after.numbers[name]];
    if (a?.text !== b?.text)
      numbers.push({name, experiment: (b ?? a).experiment, before: a?.text ?? null, after: b?.text ?? null});
  }
  const items: ItemChange[] = [];
  for (const id of keys(before.items, after.items)) {
    const [a, b] = [before.items[id], after.items[id]];
    const change = !a ? "added" : !b ? "removed" : a.data !== b.data ? "data" : a.code !== b.code ? "code" : undefined;
    if (change) items.push({id, kind: (b ?? a).kind, experiment: (b ?? a).experiment, change});
  }
  const involved = new Set([...claims, ...numbers, ...items].map((c) => c.experiment));
  for (const id of keys(before.experiments, after.experiments)) {
    if (before.experiments[id]?.results !== after.experiments[id]?.results) involved.add(id);
  }
  const experiments = [...involved].sort().map((experiment) => ({
    experiment,
    reasons: explain(before.experiments[experiment], after.experiments[experiment])
  }));
  return {changed: claims.length + numbers.length + items.length > 0, claims, numbers, items, experiments};
}

/** The changes for the terminal, one line each, grouped; "nothing printed in the paper changed" when empty. */
export function formatChanges(changes: Changes, options: {against?: string} = {}): string {
  const lines: string[] = [];
  const mark = (s: string) => (s === "passed" ? "✓ passed" : s === "failed" ? "✗ failed" : "absent");
  if (changes.claims.length) {
    lines.push("claims:");
    for (const c of changes.claims) lines.push(`  ${c.experiment}: "${c.claim}" ${mark(c.before)} → ${mark(c.after)}`);
  }
  if (changes.numbers.length) {
    lines.push("numbers:");
    for (const n of changes.numbers)
      lines.push(`  ${n.name} (${n.experiment}): ${n.before ?? "absent"} → ${n.after ?? "absent"}`);
  }
  if (changes.items.length) {
    lines.push("figures and tables:");
    const words = {data: "data changed", code: "drawing code changed", added: "new", removed: "removed"};
    for (const i of changes.items) lines.push(`  ${i.kind} ${i.id} (${i.experiment}): ${words[i.change]}`);
  }
  if (changes.experiments.length) {
    lines.push("experiments responsible:");
    for (const e of changes.experiments) lines.push(`  ${e.experiment}: ${e.reasons.join("; ")}`);
  }
  if (!changes.changed)
    lines.push(`nothing printed in the paper changed${options.against ? ` since ${options.against}` : ""}`);
  return `${lines.join("\n")}\n`;
}

/** The changes as JSON for scripts. */
export function changesJson(changes: Changes): string {
  return `${JSON.stringify(changes, null, 1)}\n`;
}

/** Where a build records its state (`last`) and the state before its last change (`previous`). */
export function statePaths(out: string): {last: string; previous: string} {
  const dir = join(out, ".cache", "builds");
  return {last: join(dir, "last.json"), previous: join(dir, "previous.json")};
}

/**
 * Records the state of the build in `out`: when it differs from the last recorded one, that one becomes the previous
 * state, which `orthogonal diff` compares with by default. Returns the changes since the last recorded state.
 */
export function recordBuildState(out: string, effects: Effects = fileEffects): Changes {
  const paths = statePaths(out);
  const state = readBuildState(join(out, "figures"), effects);
  const last = readState(paths.last, effects);
  const text = `${stableStringify(state)}\n`;
  if (last !== undefined && `${stableStringify(last)}\n` === text) return compareBuilds(last, state);
  if (last !== undefined) effects.write(paths.previous, `${stableStringify(last)}\n`);
  effects.write(paths.last, text);
  return compareBuilds(last ?? emptyState, state);
}

/** Reads a recorded state, or undefined when missing or unreadable. */
export function readState(path: string, effects: Effects = fileEffects): BuildState | undefined {
  try {
    const text = readText(effects, path);
    if (text === undefined) return undefined;
    const state = JSON.parse(text) as BuildState;
    return state && typeof state.claims === "object" && typeof state.numbers === "object" ? state : undefined;
  } catch {
    return undefined;
  }
}

function explain(
  before: BuildState["experiments"][string] | undefined,
  after: BuildState["experiments"][string] | undefined
): string[] {
  if (!before && !after) return ["declarations changed (no results in either build)"];
  if (!before) return ["new experiment"];
  if (!after) return ["removed, or not built"];
  const reasons: string[] = [];
  const value = (v: ParamValue | undefined) =>
    v === undefined ? "—" : Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
  if (before.params.length !== after.params.length) {
    reasons.push(
      `sweep: ${before.params.length} point${before.params.length === 1 ? "" : "s"} → ${after.params.length}`
    );
  }
  const moved = new Map<string, Set<string>>();
  const names = [...new Set([...before.params, ...after.params].flatMap((p) => Object.keys(p)))];
  for (const name of names) {
    const a = [...new Set(before.params.map((p) => value(p[name])))];
    const b = [...new Set(after.params.map((p) => value(p[name])))];
    if (a.join("|") !== b.join("|")) moved.set(name, new Set([`${a.join(", ")} → ${b.join(", ")}`]));
  }
  for (const [name, change] of moved) reasons.push(`parameter ${name}: ${[...change].join("")}`);
  if (before.seeds.join(",") !== after.seeds.join(","))
    reasons.push(`seeds: ${before.seeds.join(", ")} → ${after.seeds.join(", ")}`);
  if (before.pipelineHash && after.pipelineHash && before.pipelineHash !== after.pipelineHash)
    reasons.push("pipeline source changed");
  if (reasons.length === 0)
    reasons.push(
      before.results === after.results
        ? "same results (declarations or drawing changed)"
        : "results changed with the same parameters and seeds"
    );
  return reasons;
}

/** The lines `orthogonal serve` prints after a rebuild: claims and numbers that changed, and how many figures and tables. */
export function rebuildLines(changes: Changes): string[] {
  const lines: string[] = [];
  const mark = (s: string) => (s === "passed" ? "✓" : s === "failed" ? "✗" : "–");
  for (const c of changes.claims)
    lines.push(`  claim ${mark(c.before)} → ${mark(c.after)} ${c.experiment}: ${c.claim}`);
  for (const n of changes.numbers) lines.push(`  number ${n.name}: ${n.before ?? "absent"} → ${n.after ?? "absent"}`);
  const items = changes.items.length;
  if (items > 0)
    lines.push(
      `  ${items} figure${items === 1 ? "" : "s"} and table${items === 1 ? "" : "s"} changed: ${changes.items.map((i) => i.id).join(", ")}`
    );
  return lines;
}

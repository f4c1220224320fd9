// Pipelines that misbehave in ways only a worker pool can survive: one ends its thread with process.exit, one never
// returns. They are only ever run on worker threads.
import {integer, pipeline} from "../../src/contract/index.js";
import type {Registry} from "../../src/contract/index.js";

export const exits = pipeline({
  id: "demo/exits",
  description: "Calls process.exit.",
  source: import.meta.url,
  params: {code: integer(3, "the exit code", {min: 0, max: 255})},
  outputs: {scalars: {}, tables: {}},
  run({code}) {
    process.exit(code);
  }
});

export const forever = pipeline({
  id: "demo/forever",
  description: "Never returns.",
  source: import.meta.url,
  params: {},
  outputs: {scalars: {}, tables: {}},
  run() {
    for (;;);
  }
});

export const quick = pipeline({
  id: "demo/quick",
  description: "Returns at once.",
  source: import.meta.url,
  params: {},
  outputs: {scalars: {x: "the constant 1"}, tables: {}},
  run: () => ({scalars: {x: 1}, tables: {}})
});

export const registry: Registry = {
  pipelines: {[exits.id]: exits, [forever.id]: forever, [quick.id]: quick},
  plots: {},
  tables: {}
};

// The project registry: every pipeline, plot module and table module, by id. Content files refer to these ids.
import type {Registry} from "../src/registry.js";
import {oracles} from "./feature-learning/oracles.js";

export const registry: Registry = {
  pipelines: {[oracles.id]: oracles},
  plots: {},
  tables: {}
};

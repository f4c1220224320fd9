// Registry of a project with no paper yet: `orthogonal new paper` adds each paper's list to `papers`.
import type {Registry} from "orthogonal/src/contract/index.js";
import {mergeRegistries} from "orthogonal/src/contract/index.js";

const papers: Registry[] = [];

export const registry: Registry = mergeRegistries(papers);

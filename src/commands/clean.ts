// `orthogonal clean`: removes the cache and the generated outputs, keeping the README of each output folder.
import {join} from "node:path";
import {fileEffects} from "../build/effects.js";
import type {Effects} from "../build/effects.js";

/** Deletes .cache/ and everything in figures/ and site/ except their README.md. */
export function clean(root: string, effects: Effects = fileEffects): void {
  effects.remove(join(root, ".cache"));
  for (const folder of ["figures", "site"]) {
    const dir = join(root, folder);
    for (const {name} of effects.list(dir)) if (name !== "README.md") effects.remove(join(dir, name));
  }
}

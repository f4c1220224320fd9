// `orthogonal clean`: removes the cache and the generated outputs, keeping the README of each output folder.
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";

/** Deletes .cache/ and everything in figures/ and site/ except their README.md. */
export function clean(root: string): void {
  rmSync(join(root, ".cache"), {recursive: true, force: true});
  for (const folder of ["figures", "site"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (name !== "README.md") rmSync(join(dir, name), {recursive: true, force: true});
  }
}

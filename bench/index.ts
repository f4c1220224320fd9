// Runs every benchmark file in bench/ (named *.bench.ts) in name order, in this one process, so that each
// ratio compares our kernels with ml-matrix under the same conditions. `npm run bench -- gemm` runs only matches.
import {readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {prepareKernels} from "../src/build/kernels.js";

prepareKernels();
const filter = process.argv[2];
const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts") && (!filter || name.includes(filter)))
  .sort();
for (const file of files) {
  console.log(`\n# ${file.replace(/\.bench\.ts$/, "")}`);
  await import(new URL(file, import.meta.url).href);
}

// Runs every benchmark file in bench/ (named *.bench.ts) in name order, in this one process, so that each
// ratio compares our kernels with ml-matrix under the same conditions. `npm run bench -- gemm` runs only matches;
// `npm run bench -- --numpy` also times numpy on the same inputs (bench/numpy.ts) and ends with a table of ratios.
import {readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {prepareKernels} from "../src/build/kernels.js";
import {printNumpySummary} from "./numpy.js";

prepareKernels();
const filter = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts") && (!filter || name.includes(filter)))
  .sort();
for (const file of files) {
  console.log(`\n# ${file.replace(/\.bench\.ts$/, "")}`);
  await import(new URL(file, import.meta.url).href);
}
printNumpySummary();

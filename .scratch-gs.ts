import {densityFactors} from "./pipelines/group-shuffle/densityFactors.js";
import {createRng} from "./src/random/rng.js";
import {defaultParams} from "./src/params.js";
let t = performance.now();
const d = densityFactors.run(defaultParams(densityFactors.params) as any, createRng(1));
console.log(performance.now()-t);
console.log(d.scalars); console.log(d.tables.spec_table);
console.log(d.tables.row_counts.filter((r:any)=>r.min_row_nnz!==r.formula || r.max_row_nnz!==r.formula));

import {permutation} from "./pipelines/group-shuffle/permutation.js";
import {createRng} from "./src/random/rng.js";
import {defaultParams} from "./src/params.js";
let t = performance.now();
const d = permutation.run(defaultParams(permutation.params) as any, createRng(1));
console.log(performance.now()-t);
console.log(d.scalars); console.log(d.tables.configurations, d.tables.diagram_rows.slice(0,12));

// Loaded before every test file (`node --import tsx --import ./test/setup.ts --test …`, as `npm test` does):
// fixes the time zone and installs linalg's WebAssembly kernels, as the engine does at worker start.
import {prepareKernels} from "../src/build/kernels.js";

process.env.TZ = "UTC";
prepareKernels();

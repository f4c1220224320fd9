// Worker-thread entry point in plain JavaScript: registers tsx in the worker, then loads the TypeScript worker.
import {register} from "tsx/esm/api";

register();
await import("./worker.ts");

// Child process of compileAssemblyScript: reads {name, source, options} as JSON on stdin, writes the WebAssembly
// binary to stdout, and on failure the compiler's messages to stderr with exit code 1. Plain JavaScript, run without
// the TypeScript loader, which would otherwise spend seconds transforming the 13 MB compiler bundle on import.
import {readFileSync} from "node:fs";
import {compileString} from "assemblyscript/asc";

const {name, source, options} = JSON.parse(readFileSync(0, "utf8"));
const result = await compileString({[`${name}.ts`]: source}, options);
if (result.error || !result.binary) {
  process.stderr.write(result.stderr.toString());
  process.exitCode = 1;
} else {
  process.stdout.write(result.binary);
}

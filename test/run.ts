// Runs the test files three at a time in the order of test/files.ts, the longest first. `node --test FILES` sorts the
// files it is given, which started the longest ones last and left one core idle at the end; the runner's API keeps
// the order. Child processes inherit this process's --import flags (tsx and test/setup.ts). Exit code 1 when a test
// fails.
import {run} from "node:test";
import {spec, tap} from "node:test/reporters";
import {testFiles} from "./files.js";

const stream = run({files: testFiles(), concurrency: 3});
stream.on("test:fail", () => {
  process.exitCode = 1;
});
(process.stdout.isTTY ? stream.compose(new spec()) : stream.compose(tap)).pipe(process.stdout);

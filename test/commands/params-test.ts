// `orthogonal params` and `orthogonal run EXPERIMENT --help`: the parameters from the pipeline's declarations.
import assert from "node:assert/strict";
import {test} from "node:test";
import {copyProject, orthogonal} from "../fixture.js";

const root = copyProject("basic");

test("params EXPERIMENT lists each parameter with its declared range, default, value, sweep and description", () => {
  const {status, stdout} = orthogonal(root, "params", "demo-mean");
  assert.equal(status, 0);
  assert.match(stdout, /^n\s+integer\s+an integer ≥ 1\s+1000\s+4000\s+number of draws$/m);
  assert.match(stdout, /^mu\s+number\s+a number\s+0\s+sweep 0 \| 1\.5\s+mean of the distribution$/m);
});

test("params lists the declared outputs after the parameters: scalars, then each table with its columns", () => {
  const {status, stdout} = orthogonal(root, "params", "demo/gaussian-mean");
  assert.equal(status, 0);
  const outputs = stdout.slice(stdout.indexOf("\nOutputs:"));
  assert.ok(stdout.indexOf("\nOutputs:") > stdout.indexOf("poison"), "outputs come after the parameters");
  assert.match(outputs, /^scalars:\n {2}mean {9}sample mean of the n draws$/m);
  assert.match(outputs, /^ {2}variance {5}unbiased sample variance \(NaN with poison\)$/m);
  assert.match(outputs, /^tables:\n {2}draws {2}the first five draws\n {4}i {6}index\n {4}value {2}the draw$/m);
});

test("run EXPERIMENT --help lists the parameters too; an unknown id is a one-line usage error", () => {
  const help = orthogonal(root, "run", "demo-other", "--help", "--profile", "quick");
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--seeds/);
  assert.match(help.stdout, /^n\s+integer\s+an integer ≥ 1\s+1000\s+2000\s+number of draws$/m);
  assert.match(help.stdout, /--sweep/);
  assert.match(help.stdout, /^ {2}theory_mean {2}mu, the mean the sample mean estimates$/m);
  const unknown = orthogonal(root, "params", "no-such-thing");
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr.trim().split("\n").length, 1);
});

// Every integer parameter of every registered pipeline declares a maximum, so that a size written in content
// (d: 1e9) is refused at validation instead of exhausting memory in a worker.
import assert from "node:assert/strict";
import {test} from "node:test";
import {registry} from "../../pipelines/index.js";

test("every integer parameter of the registry declares a maximum", () => {
  const missing = Object.values(registry.pipelines).flatMap((pipeline) =>
    Object.entries(pipeline.params as Record<string, {type: string; max?: number}>)
      .filter(([, spec]) => spec.type === "integer" && spec.max === undefined)
      .map(([name]) => `${pipeline.id}: ${name}`)
  );
  assert.deepEqual(missing, []);
});

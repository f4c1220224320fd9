// The cheap parameter point of every registered pipeline, for tests over the whole registry: the quick-profile
// parameters of the first experiment using it (its first sweep point), or the pipeline's defaults when no
// experiment does.
import {loadProject, packageRoot} from "../src/build/project.js";
import {defaultParams} from "../src/contract/params.js";
import type {ParamValue} from "../src/contract/params.js";
import type {Pipeline} from "../src/contract/pipeline.js";

/** A registered pipeline and its cheap point. */
export interface QuickPoint {
  // any: parameter types vary per pipeline
  pipeline: Pipeline<any>;
  params: Record<string, ParamValue>;
}

/** Every pipeline of the project's registry with its quick-profile point, in registry order. */
export async function quickPoints(): Promise<QuickPoint[]> {
  const {registry, content} = await loadProject(packageRoot, "quick");
  return Object.values(registry.pipelines).map((pipeline) => {
    const experiment = content.experiments.find((e) => e.pipeline === pipeline.id);
    const params = experiment ? {...experiment.params} : defaultParams(pipeline.params);
    for (const {name, values} of experiment?.sweep ?? []) params[name] = values[0];
    return {pipeline, params};
  });
}

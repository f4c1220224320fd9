// A project as the engine sees it: its registry module and its checked content, for a profile.
import {fileURLToPath} from "node:url";
import type {Content} from "../contract/content.js";
import type {Registry} from "../contract/registry.js";
import {defaultProfile, loadContent} from "./content.js";
import {fileEffects} from "./effects.js";
import type {Effects} from "./effects.js";
import {loadRegistry, registryPath} from "./loadRegistry.js";

/** The folder of this package (for hashing sources relative to it). */
export const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Loads registry and content for a root, with a profile. */
export async function loadProject(
  root: string,
  profile = defaultProfile,
  effects: Effects = fileEffects
): Promise<{registry: Registry; registryFile: string; content: Content}> {
  const registryFile = registryPath(root);
  const registry = await loadRegistry(registryFile);
  return {registry, registryFile, content: loadContent(root, registry, profile, effects)};
}

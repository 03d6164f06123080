import { builtinManifests } from "@imgs/manifests";
import { builtinTaggers, expandPresets, parseFlavor, parseRules, taggerFromSpec } from "@imgs/taggers";
import type { Catalog } from "./catalog.js";

/** Checks ref rules the way computing them would, so a bad line fails when the config loads. */
function checkRefRules(tags: readonly string[], flavor: readonly string[]): void {
  const expanded = expandPresets(tags, { flavor });
  parseRules(expanded.rules);
  parseFlavor(expanded.flavor);
}

/** imgs' built-in taggers and manifests, by the names configs use. */
export function builtinCatalog(): Catalog {
  return {
    taggers: new Map(Object.entries(builtinTaggers)),
    manifests: new Map(Object.entries(builtinManifests)),
    taggerFromSpec,
    checkRefRules,
  };
}

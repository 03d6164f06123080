import { builtinManifests } from "@imgs/manifests";
import { builtinTaggers } from "@imgs/taggers";
import type { Catalog } from "./catalog.js";

/** imgs' built-in taggers and manifests, by the names configs use. */
export function builtinCatalog(): Catalog {
  return { taggers: new Map(Object.entries(builtinTaggers)), manifests: new Map(Object.entries(builtinManifests)) };
}

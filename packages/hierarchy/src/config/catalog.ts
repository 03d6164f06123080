import type { Manifest } from "@imgs/manifests";
import type { Tagger } from "@imgs/taggers";
import { ConfigInvalidError } from "../errors.js";

/** The taggers and manifests a config may refer to by name: the built-ins, plus plugins'. */
export interface Catalog {
  readonly taggers: ReadonlyMap<string, Tagger>;
  readonly manifests: ReadonlyMap<string, Manifest>;
}

/** Where names in the catalog came from, for messages about clashes. */
export interface CatalogSource {
  readonly origin: string;
  readonly taggers?: readonly Tagger[];
  readonly manifests?: readonly Manifest[];
}

/**
 * Adds taggers and manifests to a catalog, by their names. A name that is already taken is a
 * config error naming both origins: a plugin silently replacing a built-in would change tags unnoticed.
 *
 * @throws ConfigInvalidError (NAME_CLASH, path "plugins") naming the clashing name and origins
 */
export function extendCatalog(base: Catalog, sources: readonly CatalogSource[], file?: string): Catalog {
  const taggers = new Map(base.taggers);
  const manifests = new Map(base.manifests);
  const origins = new Map<string, string>();
  const clash = (message: string): never => {
    throw new ConfigInvalidError(file, [{ code: "NAME_CLASH", path: "plugins", message }]);
  };
  for (const { origin, taggers: ts = [], manifests: ms = [] } of sources) {
    for (const [kind, items, into] of [
      ["tagger", ts, taggers],
      ["manifest", ms, manifests],
    ] as const) {
      for (const item of items) {
        const key = `${kind}:${item.name}`;
        if (!item.name) clash(`${origin} has a ${kind} without a name`);
        if (into.has(item.name)) clash(`${kind} "${item.name}" from ${origin} clashes with the one from ${origins.get(key) ?? "imgs' built-ins"}`);
        origins.set(key, origin);
        (into as Map<string, unknown>).set(item.name, item);
      }
    }
  }
  return { taggers, manifests };
}

import type { Manifest } from "@imgs/manifests";
import type { Tagger } from "@imgs/taggers";

/** The taggers and manifests a config may refer to by name. */
export interface Catalog {
  readonly taggers: ReadonlyMap<string, Tagger>;
  readonly manifests: ReadonlyMap<string, Manifest>;
  /** Builds a tagger from a declarative spec object; throws an Error saying what is wrong. */
  readonly taggerFromSpec: (spec: unknown) => Tagger;
  /** Checks metadata-action tag and flavor lines; throws an Error naming the bad line. */
  readonly checkRefRules: (tags: readonly string[], flavor: readonly string[]) => void;
}

/** Where a name in the catalog came from, for messages about clashes. */
export interface CatalogSource {
  readonly origin: string;
  readonly taggers?: readonly Tagger[];
  readonly manifests?: readonly Manifest[];
}

/**
 * Adds taggers and manifests to a catalog, by their names. A name that is already taken is an
 * error naming both origins: a plugin silently replacing a built-in would change tags unnoticed.
 */
export function extendCatalog(base: Catalog, sources: readonly CatalogSource[]): Catalog {
  const taggers = new Map(base.taggers);
  const manifests = new Map(base.manifests);
  const origins = new Map<string, string>();
  for (const { origin, taggers: ts = [], manifests: ms = [] } of sources) {
    for (const [kind, items, into] of [
      ["tagger", ts, taggers],
      ["manifest", ms, manifests],
    ] as const) {
      for (const item of items) {
        const key = `${kind}:${item.name}`;
        if (!item.name) throw new Error(`${origin} has a ${kind} without a name`);
        if (into.has(item.name)) {
          throw new Error(`${kind} "${item.name}" from ${origin} clashes with the one from ${origins.get(key) ?? "imgs' built-ins"}`);
        }
        origins.set(key, origin);
        (into as Map<string, unknown>).set(item.name, item);
      }
    }
  }
  return { ...base, taggers, manifests };
}

import type { Manifest } from "@imgs/manifests";
import type { Tagger } from "@imgs/taggers";
import type { Catalog } from "../config/catalog.js";

/** A named function, as defineTagger/defineManifest make them. */
export function named<T extends (...args: never[]) => unknown>(name: string, fn: T): T {
  Object.defineProperty(fn, "name", { value: name });
  return fn;
}

export const tagger = (name: string): Tagger => named(name, () => `${name}-1`);
export const manifest = (name: string): Manifest => named(name, () => ({ title: name, sections: [] }));

/** A small catalog standing in for the built-ins. */
export function testCatalog(): Catalog {
  return {
    taggers: new Map(["commit-sha", "date", "python", "r"].map((n) => [n, tagger(n)])),
    manifests: new Map(["apt-packages", "pip-packages", "r-packages"].map((n) => [n, manifest(n)])),
  };
}

import { InvalidManifestSpecError } from "./errors.js";
import type { Manifest, ManifestContext, ManifestPiece } from "./types.js";

/** What a manifest function may return before defineManifest names it. */
export type ManifestFunction = (ctx: ManifestContext) => ManifestPiece | Promise<ManifestPiece>;

/**
 * Give a manifest function the name configs refer to it by. It only names `fn`: what `fn` throws
 * and returns is checked once, where manifests are run (`runManifest`).
 *
 * @throws InvalidManifestSpecError for an empty name or a `fn` that is not a function
 * @example defineManifest("os-release", async ({ container }) => ({ title: "OS Release", sections: [await quotedOutput(container, "cat /etc/os-release")] }))
 */
export function defineManifest(name: string, fn: ManifestFunction): Manifest {
  if (typeof name !== "string" || name.trim() === "" || name !== name.trim()) {
    throw new InvalidManifestSpecError(name, "a manifest name must be a non-empty string without surrounding white space");
  }
  if (typeof fn !== "function") throw new InvalidManifestSpecError(name, "it must be a function");
  const manifest = (ctx: ManifestContext): ManifestPiece | Promise<ManifestPiece> => fn(ctx);
  // A function's `name` is read-only but configurable; configs look manifests up by it.
  Object.defineProperty(manifest, "name", { value: name });
  return manifest;
}

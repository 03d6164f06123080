import { ManifestFailedError } from "./errors.js";
import type { Manifest, ManifestContext, ManifestPiece } from "./types.js";

/** What a manifest function may return before defineManifest names it. */
export type ManifestFunction = (ctx: ManifestContext) => ManifestPiece | Promise<ManifestPiece>;

/**
 * Give a manifest function the name configs refer to it by. Whatever it throws (a failed command,
 * empty output) comes out as a ManifestFailedError naming the manifest and the image.
 *
 * @example defineManifest("os-release", async ({ container }) => ({ title: "OS Release", sections: [await quotedOutput(container, "cat /etc/os-release")] }))
 */
export function defineManifest(name: string, fn: ManifestFunction): Manifest {
  const manifest = async (ctx: ManifestContext): Promise<ManifestPiece> => {
    try {
      return await fn(ctx);
    } catch (error) {
      if (error instanceof ManifestFailedError) throw error;
      throw new ManifestFailedError(name, ctx.image.ref, error);
    }
  };
  // A function's `name` is read-only but configurable; configs look manifests up by it.
  Object.defineProperty(manifest, "name", { value: name });
  return manifest;
}

import { assertKnownImage, buildOrder, type Hierarchy } from "@imgs/hierarchy";
import { UsageError } from "../errors.js";

/** The images an app works on: all of them, or the named ones; parents first either way. */
export function selectImages(hierarchy: Hierarchy, options: { readonly images?: readonly string[]; readonly all?: boolean }): string[] {
  const named = options.images ?? [];
  if (options.all) {
    if (named.length > 0) throw new UsageError("give image names or --all, not both");
    return buildOrder(hierarchy.images);
  }
  if (named.length === 0) throw new UsageError("name the images to work on (--image NAME, repeatable) or pass --all");
  for (const image of named) assertKnownImage(hierarchy.images, image);
  return buildOrder(hierarchy.images, [...new Set(named)]);
}

import type { Manifest } from "@imgs/manifests";
import { HierarchyCycleError, UnknownImageError } from "./errors.js";
import type { ImageTree, TaggerEntry } from "./model.js";
import { suggest } from "./suggest.js";

/** Throws UnknownImageError (with a did-you-mean) unless `image` is in the tree. */
export function assertKnownImage(tree: ImageTree, image: string): void {
  if (Object.hasOwn(tree, image)) return;
  const known = Object.keys(tree);
  throw new UnknownImageError(image, known, suggest(image, known));
}

/** The image and its ancestors, root first (so parent taggers run first). */
export function lineage(tree: ImageTree, image: string): string[] {
  const chain: string[] = [];
  for (let name: string | undefined = image; name !== undefined; name = tree[name]?.parent) {
    assertKnownImage(tree, name);
    // chain is root first; report the loop child -> parent, as the config reads.
    if (chain.includes(name)) throw new HierarchyCycleError([...[...chain].reverse(), name]);
    chain.unshift(name);
  }
  return chain;
}

/** An image's taggers: its ancestors' (root first), then its own. */
export const taggersFor = (tree: ImageTree, image: string): TaggerEntry[] =>
  lineage(tree, image).flatMap((name) => tree[name]?.taggers ?? []);

/** An image's manifests: its ancestors' (root first), then its own. */
export const manifestsFor = (tree: ImageTree, image: string): Manifest[] =>
  lineage(tree, image).flatMap((name) => tree[name]?.manifests ?? []);

/**
 * Images in build order: each parent before its children, otherwise in the order the config lists
 * them. Without `images`, the whole tree; with it, just those images (ancestors are not added).
 * Throws HierarchyCycleError for a loop and UnknownImageError for a name not in the tree.
 */
export function buildOrder(tree: ImageTree, images?: readonly string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const image of Object.keys(tree)) {
    for (const name of lineage(tree, image)) {
      if (!seen.has(name)) {
        seen.add(name);
        order.push(name);
      }
    }
  }
  if (images === undefined) return order;
  for (const image of images) assertKnownImage(tree, image);
  const wanted = new Set(images);
  return order.filter((name) => wanted.has(name));
}

/** The images whose ancestors include `image`, in build order. */
export function descendants(tree: ImageTree, image: string): string[] {
  assertKnownImage(tree, image);
  return buildOrder(tree).filter((name) => name !== image && lineage(tree, name).includes(image));
}

/** Images without a parent, in config order. */
export const roots = (tree: ImageTree): string[] => Object.keys(tree).filter((name) => tree[name]?.parent === undefined);

/** The direct children of an image, in config order. */
export const children = (tree: ImageTree, image: string): string[] =>
  Object.keys(tree).filter((name) => tree[name]?.parent === image);

import type { Manifest } from "@imgs/manifests";
import type { Tagger } from "@imgs/taggers";
import { HierarchyCycleError, UnknownImageError } from "./errors.js";
import type { ImageTree } from "./model.js";
import { suggest } from "./suggest.js";

// Every walk here is linear in the size of the tree (a chain thousands deep is fine): parents are
// followed with a set of the names seen, never by searching the chain.

/** Throws UnknownImageError (with a did-you-mean) unless `image` is in the tree. */
export function assertKnownImage(tree: ImageTree, image: string): void {
  if (Object.hasOwn(tree, image)) return;
  const known = Object.keys(tree);
  throw new UnknownImageError(image, known, suggest(image, known));
}

/**
 * Every loop of parent pointers, each once, as image -> parent -> … -> the first image again, in
 * config order. The one place cycles are found: the config parser reports them, lineage throws.
 */
export function findCycles(tree: ImageTree): string[][] {
  const state = new Map<string, "walking" | "done">();
  const cycles: string[][] = [];
  for (const start of Object.keys(tree)) {
    const chain: string[] = [];
    let name: string | undefined = start;
    while (name !== undefined && Object.hasOwn(tree, name) && state.get(name) === undefined) {
      state.set(name, "walking");
      chain.push(name);
      name = tree[name]?.parent;
    }
    // Reaching a name of this very walk closes a loop; reaching an earlier walk's does not.
    if (name !== undefined && state.get(name) === "walking") {
      const loop = chain.slice(chain.indexOf(name));
      cycles.push([...loop, name]);
    }
    for (const walked of chain) state.set(walked, "done");
  }
  return cycles;
}

/**
 * The image and its ancestors, root first (so parent taggers run first).
 *
 * @throws UnknownImageError for an image (or parent) not in the tree
 * @throws HierarchyCycleError when the parents loop
 */
export function lineage(tree: ImageTree, image: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let name: string | undefined = image; name !== undefined; name = tree[name]?.parent) {
    assertKnownImage(tree, name);
    // Report the loop child -> parent, as the config reads.
    if (seen.has(name)) throw new HierarchyCycleError([...chain.slice(chain.indexOf(name)), name]);
    seen.add(name);
    chain.push(name);
  }
  return chain.reverse();
}

/** An image's taggers: its ancestors' (root first), then its own. */
export const taggersFor = (tree: ImageTree, image: string): Tagger[] => lineage(tree, image).flatMap((name) => tree[name]?.taggers ?? []);

/** An image's manifests: its ancestors' (root first), then its own. */
export const manifestsFor = (tree: ImageTree, image: string): Manifest[] =>
  lineage(tree, image).flatMap((name) => tree[name]?.manifests ?? []);

/**
 * Images in build order: each parent before its children, otherwise in the order the config lists
 * them. Without `images`, the whole tree; with it, just those images (ancestors are not added).
 *
 * @throws HierarchyCycleError for a loop, UnknownImageError for a name not in the tree
 */
export function buildOrder(tree: ImageTree, images?: readonly string[]): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  for (const image of Object.keys(tree)) {
    // Climb to the first ancestor already placed, then place the climbed chain root first.
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let name: string | undefined = image; name !== undefined && !placed.has(name); name = tree[name]?.parent) {
      assertKnownImage(tree, name);
      if (seen.has(name)) throw new HierarchyCycleError([...chain.slice(chain.indexOf(name)), name]);
      seen.add(name);
      chain.push(name);
    }
    for (const name of chain.reverse()) {
      placed.add(name);
      order.push(name);
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
  const below = new Set<string>([image]);
  // In build order every parent comes before its children, so one pass finds the whole subtree.
  const result: string[] = [];
  for (const name of buildOrder(tree)) {
    const parent = tree[name]?.parent;
    if (parent !== undefined && below.has(parent)) {
      below.add(name);
      result.push(name);
    }
  }
  return result;
}

/** Images without a parent, in config order. */
export const roots = (tree: ImageTree): string[] => Object.keys(tree).filter((name) => tree[name]?.parent === undefined);

/** The direct children of an image, in config order. */
export const children = (tree: ImageTree, image: string): string[] => Object.keys(tree).filter((name) => tree[name]?.parent === image);

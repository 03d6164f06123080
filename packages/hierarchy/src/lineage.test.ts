import { describe, expect, it } from "vitest";
import { manifest, tagger } from "./__fixtures__/catalog.js";
import { HierarchyCycleError, UnknownImageError } from "./errors.js";
import { buildOrder, children, descendants, findCycles, lineage, manifestsFor, roots, taggersFor } from "./lineage.js";
import type { ImageNode, ImageTree } from "./model.js";
import { renderTree } from "./render.js";

const node = (parent: string | undefined, taggers: string[] = [], manifests: string[] = []): ImageNode => ({
  parent,
  taggers: taggers.map(tagger),
  manifests: manifests.map(manifest),
  dockerfile: undefined,
  context: undefined,
  buildArgs: {},
});

// Listed children-first on purpose: build order must not depend on the order of the config.
const tree: ImageTree = {
  scientific: node("python", ["numpy"]),
  r: node("foundation", ["r"], ["r-packages"]),
  python: node("foundation", ["python"], ["pip-packages"]),
  foundation: node(undefined, ["commit-sha", "date"], ["apt-packages"]),
};

describe("lineage", () => {
  it("returns the image and its ancestors, root first", () => {
    expect(lineage(tree, "scientific")).toEqual(["foundation", "python", "scientific"]);
    expect(lineage(tree, "foundation")).toEqual(["foundation"]);
  });

  it("throws UnknownImageError with a suggestion for a misspelt image", () => {
    expect(() => lineage(tree, "pyton")).toThrow(UnknownImageError);
    expect(() => lineage(tree, "pyton")).toThrow(/did you mean "python"/);
  });

  it("throws HierarchyCycleError naming the loop", () => {
    const loop: ImageTree = { a: node("b"), b: node("c"), c: node("a") };
    expect(() => lineage(loop, "a")).toThrow(HierarchyCycleError);
    expect(() => lineage(loop, "a")).toThrow("a -> b -> c -> a");
  });
});

describe("taggersFor / manifestsFor", () => {
  it("returns the ancestors' entries first, then the image's own", () => {
    expect(taggersFor(tree, "scientific").map((t) => ("name" in t ? t.name : ""))).toEqual(["commit-sha", "date", "python", "numpy"]);
    expect(manifestsFor(tree, "r").map((m) => m.name)).toEqual(["apt-packages", "r-packages"]);
  });
});

describe("buildOrder", () => {
  it("puts every parent before its children", () => {
    const order = buildOrder(tree);
    expect(order).toHaveLength(4);
    for (const image of order) {
      const parent = tree[image]?.parent;
      if (parent) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(image));
    }
    expect(order[0]).toBe("foundation");
  });

  it("returns only the images asked for, still parents first", () => {
    expect(buildOrder(tree, ["scientific", "foundation"])).toEqual(["foundation", "scientific"]);
  });

  it("throws UnknownImageError for an image not in the tree", () => {
    expect(() => buildOrder(tree, ["nope"])).toThrow(UnknownImageError);
  });
});

describe("descendants / roots / children", () => {
  it("returns the subtree below an image in build order", () => {
    expect(descendants(tree, "foundation")).toEqual(["python", "scientific", "r"]);
    expect(descendants(tree, "python")).toEqual(["scientific"]);
    expect(descendants(tree, "r")).toEqual([]);
  });

  it("returns the roots and the direct children", () => {
    expect(roots(tree)).toEqual(["foundation"]);
    expect(children(tree, "foundation")).toEqual(["r", "python"]);
  });
});

describe("a chain thousands of images deep", () => {
  // Each walk is linear: the old quadratic lineage took 91 s for `imgs hierarchy` on 3,000 images.
  const depth = 3000;
  const names = Array.from({ length: depth }, (_, i) => `i${i}`);
  const deep: ImageTree = Object.fromEntries(names.map((name, i) => [name, node(i === 0 ? undefined : `i${i - 1}`, [`t${i}`])]));

  it("resolves lineage, taggers, build order and descendants without overflowing the stack", () => {
    expect(lineage(deep, `i${depth - 1}`)).toHaveLength(depth);
    expect(taggersFor(deep, `i${depth - 1}`).map((t) => t.name)).toEqual(names.map((_, i) => `t${i}`));
    expect(buildOrder(deep)).toEqual(names);
    expect(descendants(deep, "i0")).toHaveLength(depth - 1);
    const tree = renderTree({ registry: "", owner: "", repository: undefined, images: deep, defaults: { variant: "default", platform: undefined, tagsDir: undefined, manifestsDir: undefined, histLinesDir: undefined, jobs: undefined, refContext: undefined }, configPath: undefined });
    expect(tree.split("\n")).toHaveLength(depth);
    expect(tree.split("\n")[depth - 1]).toMatch(/^ {11992}└── i2999 {2}\(taggers: t2999\)$/);
  });

  it("still finds a loop at the end of a long chain", () => {
    const looped: ImageTree = { ...deep, i0: node(`i${depth - 1}`) };
    expect(() => buildOrder(looped)).toThrow(HierarchyCycleError);
    expect(findCycles(looped)).toHaveLength(1);
    expect(findCycles(looped)[0]).toHaveLength(depth + 1);
  });
});

import { lineage, manifestsFor, roots, taggersFor } from "./lineage.js";
import { imageRepository } from "@imgs/reference";
import type { Hierarchy } from "./model.js";

/** The hierarchy as an indented tree, each image with its own taggers and manifests. */
export function renderTree(h: Hierarchy): string {
  const kids = new Map<string, string[]>();
  for (const [name, node] of Object.entries(h.images)) {
    if (node.parent !== undefined) kids.set(node.parent, [...(kids.get(node.parent) ?? []), name]);
  }
  const lines: string[] = [];
  // A stack, not recursion: a chain thousands of images deep must not overflow the call stack.
  const stack = roots(h.images)
    .reverse()
    .map((image) => ({ image, indent: "", last: true, top: true }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { image, indent, last, top } = item;
    const node = h.images[image];
    const own = [
      node?.taggers.length ? `taggers: ${node.taggers.map((t) => t.name).join(", ")}` : "",
      node?.manifests.length ? `manifests: ${node.manifests.map((m) => m.name).join(", ")}` : "",
    ].filter(Boolean);
    lines.push(`${indent}${top ? "" : last ? "└── " : "├── "}${image}${own.length ? `  (${own.join("; ")})` : ""}`);
    const below = kids.get(image) ?? [];
    const childIndent = top ? "" : indent + (last ? "    " : "│   ");
    for (let i = below.length - 1; i >= 0; i--) stack.push({ image: below[i] ?? "", indent: childIndent, last: i === below.length - 1, top: false });
  }
  return lines.join("\n");
}

/** The hierarchy as plain data: per image its parent, lineage, and own and effective tagger/manifest names. */
export function hierarchyToJson(h: Hierarchy): unknown {
  const images = Object.fromEntries(
    Object.entries(h.images).map(([name, node]) => [
      name,
      {
        name: imageRepository(h, name),
        parent: node.parent ?? null,
        lineage: lineage(h.images, name),
        taggers: node.taggers.map((t) => t.name),
        manifests: node.manifests.map((m) => m.name),
        allTaggers: taggersFor(h.images, name).map((t) => t.name),
        allManifests: manifestsFor(h.images, name).map((m) => m.name),
        dockerfile: node.dockerfile ?? null,
      },
    ]),
  );
  return { registry: h.registry, owner: h.owner, repository: h.repository ?? null, images };
}

/** The hierarchy as a Mermaid flowchart (parents above children). */
export function renderMermaid(h: Hierarchy): string {
  const names = Object.keys(h.images);
  // Image names may contain "-" and ".", which Mermaid reads as edge syntax; use plain ids with labels.
  const id = (name: string): string => `img${names.indexOf(name)}`;
  const lines = ["flowchart TD"];
  for (const name of names) lines.push(`  ${id(name)}["${name}"]`);
  for (const name of names) {
    const parent = h.images[name]?.parent;
    if (parent !== undefined) lines.push(`  ${id(parent)} --> ${id(name)}`);
  }
  return lines.join("\n");
}

import { children, lineage, manifestsFor, roots, taggersFor } from "./lineage.js";
import { imageRepository } from "@imgs/reference";
import type { Hierarchy } from "./model.js";

/** The hierarchy as an indented tree, each image with its own taggers and manifests. */
export function renderTree(h: Hierarchy): string {
  const lines: string[] = [];
  const walk = (image: string, indent: string, last: boolean, top: boolean): void => {
    const node = h.images[image];
    const own = [
      node?.taggers.length ? `taggers: ${node.taggers.map((t) => t.name).join(", ")}` : "",
      node?.manifests.length ? `manifests: ${node.manifests.map((m) => m.name).join(", ")}` : "",
    ].filter(Boolean);
    lines.push(`${indent}${top ? "" : last ? "└── " : "├── "}${image}${own.length ? `  (${own.join("; ")})` : ""}`);
    const kids = children(h.images, image);
    kids.forEach((kid, i) => walk(kid, top ? "" : indent + (last ? "    " : "│   "), i === kids.length - 1, false));
  };
  for (const root of roots(h.images)) walk(root, "", true, true);
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

import { findCycles } from "../lineage.js";
import type { ImageNode } from "../model.js";
import { suggest } from "../suggest.js";
import type { IssueList } from "./issues.js";

/** Reports parents that do not exist and parent chains that loop (each loop once). */
export function checkTree(images: Readonly<Record<string, ImageNode>>, issues: IssueList): void {
  const names = Object.keys(images);
  for (const [name, node] of Object.entries(images)) {
    if (node.parent === undefined || Object.hasOwn(images, node.parent)) continue;
    const hint = suggest(node.parent, names);
    issues.error("UNKNOWN_PARENT", `images.${name}.parent`, `unknown parent image "${node.parent}"${hint ? ` (did you mean "${hint}"?)` : ""}`);
  }
  for (const cycle of findCycles(images)) {
    const first = cycle[0] ?? "";
    issues.error("HIERARCHY_CYCLE", `images.${first}.parent`, `the parents loop (image -> parent): ${cycle.join(" -> ")}`);
  }
}

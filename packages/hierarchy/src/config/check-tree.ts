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
  const reported = new Set<string>();
  for (const start of names) {
    const chain: string[] = [];
    for (let name: string | undefined = start; name !== undefined && Object.hasOwn(images, name); name = images[name]?.parent) {
      const at = chain.indexOf(name);
      if (at >= 0) {
        const cycle = chain.slice(at);
        const key = [...cycle].sort().join("\0");
        if (!reported.has(key)) {
          reported.add(key);
          issues.error("HIERARCHY_CYCLE", `images.${name}.parent`, `the parents loop (image -> parent): ${[...cycle, name].join(" -> ")}`);
        }
        break;
      }
      chain.push(name);
    }
  }
}

import { builtinCatalog, hierarchyToJson, loadConfig, renderMermaid, renderTree } from "@imgs/hierarchy";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";

/** How `imgs hierarchy` prints the tree. */
export type HierarchyFormat = "text" | "json" | "mermaid";

/** The config's image tree as text, JSON or a Mermaid flowchart. */
export async function describeHierarchy(options: { readonly config?: string; readonly format?: string }, deps: CliDeps): Promise<string> {
  const { hierarchy } = await loadConfig({ cwd: deps.cwd, configPath: options.config, catalog: builtinCatalog() });
  switch (options.format ?? "text") {
    case "text":
      return renderTree(hierarchy);
    case "json":
      return JSON.stringify(hierarchyToJson(hierarchy), null, 2);
    case "mermaid":
      return renderMermaid(hierarchy);
    default:
      throw new UsageError(`--format must be text, json or mermaid, got "${options.format}"`);
  }
}

import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";

/** `imgs hierarchy`: print the image tree. */
export function hierarchyCommand(deps: CliDeps): CommandModule<object, { config?: string; format?: string }> {
  return {
    command: "hierarchy",
    describe: "Print the image tree with each image's own taggers and manifests",
    builder: (y) => y.option("format", { choices: ["text", "json", "mermaid"], default: "text", describe: "Output format" }),
    handler: async (args) => {
      const { describeHierarchy } = await import("../apps/hierarchy.js");
      deps.stdout.write(`${await describeHierarchy({ config: args.config, format: args.format }, deps)}\n`);
    },
  };
}

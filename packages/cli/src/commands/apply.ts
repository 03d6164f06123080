import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { runOptionsOf, withRunOptions } from "./shared-options.js";

/** `imgs apply`: put the tags of the tags files on the local images. */
export function applyCommand(deps: CliDeps): CommandModule<object, Record<string, never>> {
  return {
    command: "apply [images..]",
    describe: "Tag each local image R/O/I:latest with the tags of its tags file",
    builder: (y) => withRunOptions(y).option("tags-dir", { type: "string", describe: "Folder of the tags files (default: the config's, else out/tags)" }) as never,
    handler: async (raw) => {
      const args = raw as Parameters<typeof runOptionsOf>[0] & { "tags-dir"?: string; json?: boolean };
      const { applyTags } = await import("../apps/apply.js");
      const applied = await applyTags({ ...runOptionsOf(args), tagsDir: args["tags-dir"] }, deps);
      if (args.json) deps.stdout.write(`${JSON.stringify({ images: applied }, null, 2)}\n`);
      else for (const { source, tags } of applied) deps.stdout.write(`${source}: ${tags.length} tags applied\n`);
    },
  };
}

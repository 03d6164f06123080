import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { UnpinnedFromError } from "../errors.js";

interface CheckArgs {
  config?: string;
  images?: string[];
  image?: string[];
  all?: boolean;
  strict?: boolean;
  json?: boolean;
}

/** `imgs check`: list the FROMs of the hierarchy's Dockerfiles that are not pinned. */
export function checkCommand(deps: CliDeps): CommandModule<object, CheckArgs> {
  return {
    command: "check [images..]",
    describe: "List every FROM of the hierarchy's Dockerfiles that is not pinned (no tag, latest, or an ARG default giving either)",
    builder: (y) =>
      y
        .positional("images", { type: "string", array: true, describe: "Images to check (default: every image with a Dockerfile)" })
        .option("image", { type: "string", array: true, describe: "An image to check (repeatable)" })
        .option("all", { type: "boolean", describe: "Every image (the default)" })
        .option("strict", { type: "boolean", describe: "Exit 1 when any FROM is not pinned (default: warnings only)" })
        .option("json", { type: "boolean", describe: "Print the findings as JSON" }),
    handler: async (args) => {
      const images = [...(args.images ?? []), ...(args.image ?? [])];
      const { checkDockerfiles } = await import("../apps/check.js");
      const { dockerfiles, unpinned } = await checkDockerfiles({ config: args.config, images, all: args.all }, deps);
      if (args.json) {
        deps.stdout.write(`${JSON.stringify({ dockerfiles, unpinned }, null, 2)}\n`);
      } else {
        for (const found of unpinned) deps.stdout.write(`${found.dockerfile}:${found.line}: ${found.instruction}: ${found.message}\n`);
        const files = new Set(unpinned.map((found) => found.dockerfile)).size;
        deps.stdout.write(`${unpinned.length} unpinned FROM in ${files} of ${dockerfiles.length} Dockerfiles\n`);
      }
      if (args.strict && unpinned.length > 0) throw new UnpinnedFromError(unpinned.length);
    },
  };
}

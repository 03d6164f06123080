import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { UsageError } from "../errors.js";

interface ShaArgs {
  config?: string;
  image?: string;
  format?: string;
  "sha-env"?: string;
  length?: number;
}

const FORMATS = ["text", "sha", "tag", "json"] as const;

/** `imgs sha IMAGE[:TAG]`: the commit sha baked into an image, without starting a container. */
export function shaCommand(deps: CliDeps): CommandModule<object, ShaArgs> {
  return {
    command: "sha <image>",
    describe: "Print the commit sha baked into an image (its SHA variable or revision label) and its commit tag, without running it",
    builder: (y) =>
      y
        .positional("image", { type: "string", describe: "IMAGE[:TAG]: a local image, or an image name of the config" })
        .option("format", { type: "string", choices: FORMATS, default: "text", describe: "text; sha or tag (just that, for scripts); json" })
        .option("sha-env", { type: "string", describe: "Variable to read (default: the config's build.shaEnv, else SHA)" })
        .option("length", { type: "number", describe: "Length of the commit tag (default 12; cyber-dojo uses 7)" }),
    handler: async (args) => {
      if (args.image === undefined || args.image === "") throw new UsageError("name the image: imgs sha IMAGE[:TAG]");
      const { readImageSha } = await import("../apps/sha.js");
      const found = await readImageSha({ reference: args.image, shaEnv: args["sha-env"], length: args.length, config: args.config }, deps);
      const where = found.source.kind === "env" ? `environment variable ${found.source.name}` : `label ${found.source.name}`;
      const text = {
        text: `${found.sha}\ncommit tag ${found.tag}, from the ${where} of ${found.reference} (local image ${found.id.slice(7, 19)})\n`,
        sha: `${found.sha}\n`,
        tag: `${found.tag}\n`,
        json: `${JSON.stringify(found, null, 2)}\n`,
      }[(args.format ?? "text") as (typeof FORMATS)[number]];
      deps.stdout.write(text);
    },
  };
}

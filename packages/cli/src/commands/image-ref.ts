import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { ImagesFailedError } from "../errors.js";
import { pushToRegistryFromEnv, retryOf, withRegistryOptions } from "./registry-options.js";
import { PLATFORM_CHOICES, runOptionsOf, withRunOptions } from "./shared-options.js";

type ImageRefArgs = Parameters<typeof runOptionsOf>[0] & { "tags-dir"?: string; retries?: number; push?: boolean; json?: boolean };

/** `imgs image-ref`: docker-stacks' calculate_image_ref, the digest reference to sign. */
export function imageRefCommand(deps: CliDeps): CommandModule<object, ImageRefArgs> {
  return {
    command: "image-ref [images..]",
    describe: "Print repository@sha256:… of each image's tag in the registry (a platform's, or the merged one), for signing",
    builder: (y) =>
      withRegistryOptions(withRunOptions(y))
        .option("platform", { type: "string", choices: PLATFORM_CHOICES, describe: "x86_64 or aarch64: that platform's tag; default: the merged tag" })
        .option("push", { type: "boolean", describe: "Pushing is expected (also PUSH_TO_REGISTRY=true): a missing tag is an error, not a warning" }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { imageRefs } = await import("../apps/image-ref.js");
      const push = args.push ?? pushToRegistryFromEnv(deps.env);
      const { refs, failures } = await imageRefs({ ...runOptionsOf(args), tagsDir: args["tags-dir"], retry: retryOf(args.retries), push }, deps);
      if (args.json) deps.stdout.write(`${JSON.stringify({ refs: refs.map((r) => ({ image: r.image, tag: r.tag, ref: r.ref ?? null })) }, null, 2)}\n`);
      else for (const r of refs) if (r.ref !== undefined) deps.stdout.write(`${r.ref}\n`);
      if (failures.length > 0) throw new ImagesFailedError(failures);
    },
  };
}

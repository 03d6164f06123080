import type { MergeResult } from "../apps/merge.js";
import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { pushToRegistryFromEnv, retryOf, withRegistryOptions } from "./registry-options.js";
import { runOptionsOf, withRunOptions } from "./shared-options.js";

type MergeArgs = Parameters<typeof runOptionsOf>[0] & { "tags-dir"?: string; retries?: number; push?: boolean; json?: boolean };

/** `imgs merge`: docker-stacks' merge_tags, one image index per merged tag. */
export function mergeCommand(deps: CliDeps): CommandModule<object, MergeArgs> {
  return {
    command: "merge [images..]",
    describe: "Merge every platform's tags into one multi-platform image index per tag (a dry run unless --push)",
    builder: (y) =>
      withRegistryOptions(withRunOptions(y)).option("push", {
        type: "boolean",
        describe: "Push the indexes (also PUSH_TO_REGISTRY=true); refuses if a platform listed in a tags file is missing",
      }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { mergeTags } = await import("../apps/merge.js");
      const push = args.push ?? pushToRegistryFromEnv(deps.env);
      const result = await mergeTags({ ...runOptionsOf(args), tagsDir: args["tags-dir"], retry: retryOf(args.retries), push }, deps);
      deps.stdout.write(args.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : toText(result));
    },
  };
}

function toText(result: MergeResult): string {
  return result.images
    .flatMap(({ tags }) =>
      tags.map((t) => {
        if (t.skipped !== undefined) return `skipped ${t.tag}: ${t.skipped}\n`;
        const platforms = t.platforms.join(", ");
        return t.digest !== undefined ? `${t.tag} ${t.digest} (${platforms})\n` : `would merge ${t.tag} from ${t.platformTags.join(", ")} (${platforms})\n`;
      }),
    )
    .join("");
}

const toJson = (result: MergeResult): unknown => ({
  pushed: result.pushed,
  images: Object.fromEntries(
    result.images.map(({ image, tags }) => [
      image,
      tags.map((t) => ({ tag: t.tag, platformTags: t.platformTags, platforms: t.platforms, digest: t.digest ?? null, skipped: t.skipped ?? null })),
    ]),
  ),
});

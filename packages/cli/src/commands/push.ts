import type { PushImagesResult } from "../apps/push.js";
import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";
import { ImagesFailedError } from "../errors.js";
import { appendGithubOutput } from "../registry/github-output.js";
import { retryOf, withRegistryOptions } from "./registry-options.js";
import { runOptionsOf, withRunOptions } from "./shared-options.js";

type PushArgs = Parameters<typeof runOptionsOf>[0] & { "tags-dir"?: string; retries?: number; "dry-run"?: boolean; "github-output"?: string; json?: boolean };

/** `imgs push`: every tag of the images' tags files, through the engine. */
export function pushCommand(deps: CliDeps): CommandModule<object, PushArgs> {
  return {
    command: "push [images..]",
    describe: "Push every tag of each image's tags file through the engine and print each tag's digest",
    builder: (y) =>
      withRegistryOptions(withRunOptions(y))
        .option("dry-run", { type: "boolean", describe: "Check the tags files and print what would be pushed; push nothing" })
        .option("github-output", { type: "string", describe: "Append the digests as GitHub Actions outputs to this file (e.g. $GITHUB_OUTPUT)" }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { pushImages } = await import("../apps/push.js");
      const result = await pushImages({ ...runOptionsOf(args), tagsDir: args["tags-dir"], retry: retryOf(args.retries), dryRun: args["dry-run"] }, deps);
      deps.stdout.write(args.json ? `${JSON.stringify(toJson(result, args["dry-run"] ?? false), null, 2)}\n` : toText(result, args["dry-run"] ?? false));
      if (args["github-output"] && !args["dry-run"]) await appendGithubOutput(args["github-output"], githubOutputs(result), deps);
      if (result.failures.length > 0) throw new ImagesFailedError(result.failures);
    },
  };
}

const toText = (result: PushImagesResult, dryRun: boolean): string =>
  result.images.flatMap((i) => i.tags.map((t) => (dryRun ? `would push ${t.reference}\n` : `${t.reference} ${t.digest}\n`))).join("");

function toJson(result: PushImagesResult, dryRun: boolean): unknown {
  return {
    dryRun,
    images: Object.fromEntries(result.images.map((i) => [i.image, { tagsFile: i.tagsFile, tags: i.tags.map((t) => ({ reference: t.reference, digest: t.digest ?? null })) }])),
    failures: result.failures.map(({ image, error }) => ({ image, code: (error as { code?: string }).code ?? null, message: error.message })),
  };
}

/** `digests`: every `reference@digest`, one a line; `<image>-digest`: the digest of each image's tags. */
function githubOutputs(result: PushImagesResult): Array<[string, string]> {
  const all = result.images.flatMap((i) => i.tags.map((t) => `${t.reference}@${t.digest}`));
  return [["digests", all.join("\n")], ...result.images.map((i): [string, string] => [`${i.image}-digest`, i.tags[0]?.digest ?? ""])];
}

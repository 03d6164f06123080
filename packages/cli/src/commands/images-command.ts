import { errorCodeOf } from "@imgs/errors";
import type { CommandModule } from "yargs";
import type { RunImagesResult } from "../apps/run-images.js";
import type { CliDeps } from "../deps.js";
import { ImagesFailedError } from "../errors.js";
import { runOptionsOf, withCacheOption, withOutputOptions, withRunOptions } from "./shared-options.js";

interface ImagesArgs {
  config?: string;
  images?: string[];
  image?: string[];
  all?: boolean;
  json?: boolean;
  "tags-dir"?: string;
  "manifests-dir"?: string;
  "hist-lines-dir"?: string;
  repository?: string;
  "final-newline"?: boolean;
  "server-url"?: string;
}

/** tag, manifest and hook: the same run, asking for different files. */
export function imagesCommand(
  name: "tag" | "manifest" | "hook",
  describe: string,
  work: { tags: boolean; manifest: boolean },
  deps: CliDeps,
): CommandModule<object, ImagesArgs> {
  return {
    command: `${name} [images..]`,
    describe,
    builder: (y) => withCacheOption(withOutputOptions(withRunOptions(y), { tags: work.tags, manifests: work.manifest })),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands do not load the engine client.
      const { runImages } = await import("../apps/run-images.js");
      const result = await runImages(
        work,
        {
          ...runOptionsOf(args),
          repository: args.repository,
          tagsDir: args["tags-dir"],
          manifestsDir: args["manifests-dir"],
          histLinesDir: args["hist-lines-dir"],
          finalNewline: args["final-newline"],
          serverUrl: args["server-url"],
        },
        deps,
      );
      deps.stdout.write(args.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : toText(result));
      if (result.failures.length > 0) throw new ImagesFailedError(result.failures);
    },
  };
}

function toText(result: RunImagesResult): string {
  return result.images
    .flatMap((r) => [r.tagsFile, r.manifest?.file, r.historyLine?.file].filter((f): f is string => f !== undefined))
    .map((file) => `${file}\n`)
    .join("");
}

function toJson(result: RunImagesResult): unknown {
  return {
    images: Object.fromEntries(
      result.images.map((r) => [
        r.image,
        {
          fullImage: r.fullImage,
          tags: r.tags,
          tagsFile: r.tagsFile ?? null,
          manifest: r.manifest ? { file: r.manifest.file, pieces: r.manifest.pieces } : null,
          historyLine: r.historyLine ?? null,
        },
      ]),
    ),
    failures: result.failures.map(({ image, error }) => ({ image, code: errorCodeOf(error) ?? null, message: error.message })),
  };
}

import { commitTag } from "@imgs/git-helper";
import type { BuildFacts } from "@imgs/taggers";
import { defineManifest } from "../define-manifest.js";
import { buildTimestamp } from "../files/build-timestamp.js";
import { formatImageSize } from "../format-image-size.js";
import type { ManifestPiece } from "../types.js";

/** Everything the build-info piece shows: the run's BuildFacts (`fullImage`, `repository`, `serverUrl`) and these. */
export interface BuildInfoFacts extends BuildFacts {
  /** The run's build timestamp (see buildTimestamp). */
  readonly buildTimestamp: string;
  /** Full commit hash. */
  readonly commit: string;
  /** Commit message, surrounding white space removed (git log -1 --pretty=%B, stripped). */
  readonly message: string;
  /** Image size in bytes, as the engine reports it. */
  readonly size: number;
}

/** The "## Build Info" piece exactly as docker-stacks' build_info_manifest writes it. */
export function buildInfoPiece(f: BuildInfoFacts): ManifestPiece {
  const server = f.serverUrl ?? "https://github.com";
  // docker-stacks always has a repository (a required argument); imgs may not, and a link to
  // "github.com/undefined" would be worse than none.
  const sha = f.repository === undefined ? `\`${f.commit}\`` : `[${f.commit}](${server}/${f.repository}/commit/${f.commit})`;
  const lines = [
    `- Build timestamp: ${f.buildTimestamp}`,
    `- Docker image: \`${f.fullImage}:${commitTag(f)}\``,
    `- Docker image size: ${formatImageSize(f.size)}`,
    `- Git commit SHA: ${sha}`,
    "- Git commit message:",
    "",
    "```text",
    f.message,
    "```",
  ];
  return { title: "Build Info", sections: [lines.join("\n")] };
}

/**
 * Build info: timestamp, image and commit tag, size as `docker images` prints it, commit link and
 * message. Full image, repository and server come from ctx.build; the timestamp from the run's instant.
 */
export const buildInfoManifest = defineManifest("build-info", (ctx) =>
  buildInfoPiece({
    buildTimestamp: buildTimestamp(ctx.now),
    fullImage: ctx.build.fullImage,
    commit: ctx.git.commit,
    message: ctx.git.message,
    size: ctx.image.info.size,
    repository: ctx.build.repository,
    serverUrl: ctx.build.serverUrl,
  }),
);

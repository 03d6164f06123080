import type { ComputeRefTagsOptions } from "./compute.js";

/** The engine options metadata-action takes from environment variables rather than inputs. */
export type RefEnvOptions = Required<Pick<ComputeRefTagsOptions, "usePrHeadSha" | "shortShaLength" | "annotationLevels">>;

/**
 * Read metadata-action's environment variables into engine options, as it reads them (src/main.ts,
 * src/context.ts, src/meta.ts): `DOCKER_METADATA_PR_HEAD_SHA` is on when it contains `true` in any
 * case; `DOCKER_METADATA_SHORT_SHA_LENGTH` is kept as text and read when a short sha is made (so a
 * value that is not a number fails only a run that makes one, as there); and
 * `DOCKER_METADATA_ANNOTATIONS_LEVELS` is split on commas (default `manifest`). Spread the result
 * into computeRefTags' options, for `imgs refs` and for config `{ refs: [...] }` entries alike.
 *
 * @example computeRefTags({ ...refOptionsFromEnv(env), tags, context })
 */
export function refOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): RefEnvOptions {
  return {
    usePrHeadSha: /true/i.test(env["DOCKER_METADATA_PR_HEAD_SHA"] ?? ""),
    shortShaLength: env["DOCKER_METADATA_SHORT_SHA_LENGTH"] ?? "",
    annotationLevels: (env["DOCKER_METADATA_ANNOTATIONS_LEVELS"] || "manifest").split(","),
  };
}

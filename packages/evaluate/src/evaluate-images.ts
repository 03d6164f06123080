import { asError } from "@imgs/errors";
import { assertKnownImage } from "@imgs/hierarchy";
import pLimit from "p-limit";
import { evaluateImage } from "./evaluate-image.js";
import type { EvaluateOptions, EvaluationResult, ImageEvaluation, ImageFailure } from "./types.js";

/** Default of EvaluateOptions.jobs. */
export const DEFAULT_JOBS = 4;

/**
 * Evaluates images of a hierarchy, at most `jobs` at once and at most `jobs` commands at once
 * across them, one container per image (see evaluateImage). An image that fails does not stop
 * the others. Writes no file: the apps of @imgs/cli write tags files and manifests from the result.
 *
 * @throws UnknownImageError (before anything starts) for an image not in the hierarchy;
 *   RangeError for `jobs` that is not a whole number >= 1
 * @example
 * const { images, failures } = await evaluateImages(["base"], { hierarchy, docker, git, refs, now, prefix: "x86_64" });
 * images[0].tags.map((t) => t.value) // ["0123456789ab", "2024-07-01", "python-3.12.4"]
 */
export async function evaluateImages(images: readonly string[], options: EvaluateOptions): Promise<EvaluationResult> {
  const jobs = options.jobs ?? DEFAULT_JOBS;
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number of at least 1, got ${jobs}`);
  for (const image of images) assertKnownImage(options.hierarchy.images, image);
  const imageLimit = pLimit(jobs);
  const shared = { commandLimit: pLimit(jobs) };
  const outcomes = await Promise.all(
    images.map((image) =>
      imageLimit(async (): Promise<ImageEvaluation | ImageFailure> => {
        try {
          const evaluation = await evaluateImage(image, options, shared);
          options.onEvent?.({ type: "done", image, evaluation });
          return evaluation;
        } catch (caught) {
          const error = asError(caught);
          options.onEvent?.({ type: "failed", image, error });
          return { image, error };
        }
      }),
    ),
  );
  return {
    images: outcomes.filter((o): o is ImageEvaluation => !("error" in o)),
    failures: outcomes.filter((o): o is ImageFailure => "error" in o),
  };
}

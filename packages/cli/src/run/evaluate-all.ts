import { evaluateImage, type ImageOutcome, type ImageWork } from "./evaluate-image.js";
import type { RunContext } from "./run-context.js";

/** The images that worked and those that failed, each in the order asked. */
export interface EvaluateAllResult {
  readonly outcomes: readonly ImageOutcome[];
  readonly failures: ReadonlyArray<{ readonly image: string; readonly error: Error }>;
}

/**
 * Evaluates images concurrently (bounded by the run's image limit). An image that fails does not
 * stop the others; `onOutcome` sees each success as soon as it is there (to write its files).
 */
export async function evaluateAll(
  images: readonly string[],
  work: ImageWork,
  run: RunContext,
  onOutcome: (outcome: ImageOutcome) => Promise<string>,
): Promise<EvaluateAllResult> {
  const settled = await Promise.allSettled(
    images.map((image) =>
      run.imageLimit(async () => {
        try {
          const outcome = await evaluateImage(image, work, run);
          run.progress.done(image, await onOutcome(outcome));
          return outcome;
        } catch (error) {
          run.progress.fail(image, asError(error));
          throw error;
        }
      }),
    ),
  );
  const outcomes: ImageOutcome[] = [];
  const failures: Array<{ image: string; error: Error }> = [];
  settled.forEach((result, i) => {
    if (result.status === "fulfilled") outcomes.push(result.value);
    else failures.push({ image: images[i] ?? "?", error: asError(result.reason) });
  });
  return { outcomes, failures };
}

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

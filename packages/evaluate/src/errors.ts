import { ImgsError } from "@imgs/errors";

/** The run was stopped (its abort signal fired) before or while this image was evaluated. */
export class EvaluationAbortedError extends ImgsError {
  readonly code = "EVALUATION_ABORTED";
  readonly category = "failure";
  constructor(readonly image: string, cause: unknown) {
    super(`image ${image} was not evaluated: the run was stopped`, { cause });
  }
}

/**
 * A tagger or manifest did not settle although its image ran no command for the run's time limit:
 * JavaScript that never finishes (a plugin's bug), not a slow command (those have their own timeout).
 */
export class DeadlineExceededError extends ImgsError {
  readonly code = "DEADLINE_EXCEEDED";
  readonly category = "failure";
  constructor(readonly what: string, readonly timeoutMs: number) {
    super(`${what} did not finish: its image ran no command for ${timeoutMs} ms while it waited (--timeout)`);
  }
}

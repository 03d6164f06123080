import { ImgsError, quotedValue } from "@imgs/errors";

/** A reference (`[registry/]path[:tag][@digest]`) that Docker would not accept. */
export class InvalidReferenceError extends ImgsError {
  readonly code = "INVALID_REFERENCE";
  readonly category = "usage";

  constructor(readonly reference: string, readonly reason: string) {
    super(`invalid image reference ${quotedValue(reference)}: ${reason}`);
  }
}

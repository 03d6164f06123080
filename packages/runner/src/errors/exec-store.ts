import { ImgsError, messageOf } from "@imgs/errors";

/** The exec result store could not be read or written (a folder without permission, a full disk). */
export class ExecStoreError extends ImgsError {
  readonly code = "EXEC_STORE";
  readonly category = "failure";
  constructor(readonly path: string, readonly operation: "read" | "write" | "prune", cause: unknown) {
    super(`cannot ${operation} the exec result cache at ${path}: ${messageOf(cause)} (run with --no-cache to do without it)`, { cause });
  }
}

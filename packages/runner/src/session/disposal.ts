import { DisposalFailedError } from "../errors/session.js";

/** What `await using` throws when a block failed and disposing a resource failed too. */
interface SuppressedErrorLike extends Error {
  readonly error: unknown;
  readonly suppressed: unknown;
}

// Node 20 has no SuppressedError of its own; TypeScript's and esbuild's helpers make an Error of that name.
const isSuppressedError = (value: unknown): value is SuppressedErrorLike =>
  value instanceof Error && value.name === "SuppressedError" && "error" in value && "suppressed" in value;

/**
 * Explain what `await using` threw: a SuppressedError, whose own message is only "An error was
 * suppressed during disposal", becomes a DisposalFailedError that says what failed first and then
 * what could not be cleaned up (for a session: which container may be left). Anything else is
 * returned as it is. Call it where a block's error is reported.
 *
 * @example try { await evaluate() } catch (error) { throw explainDisposal(error) }
 */
export function explainDisposal(error: unknown): unknown {
  if (!isSuppressedError(error)) return error;
  const disposal: unknown[] = [];
  let current: unknown = error;
  while (isSuppressedError(current)) {
    // The outer error was disposed of last.
    disposal.unshift(current.error);
    current = current.suppressed;
  }
  return new DisposalFailedError(disposal, current);
}

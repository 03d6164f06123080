import { categoryOf, errorCodeOf, type ErrorCategory } from "@imgs/errors";
import { UsageError } from "./errors.js";

/** Exit status for wrong usage or configuration (the command never started its work). */
export const EXIT_USAGE = 2;
/** Exit status for work that failed. */
export const EXIT_FAILURE = 1;

const EXIT_STATUS: Readonly<Record<ErrorCategory, number>> = { usage: EXIT_USAGE, failure: EXIT_FAILURE };

/** The process exit status an error ends the CLI with: its category's (anything not made by imgs is a failure). */
export const exitCodeFor = (error: unknown): number => EXIT_STATUS[categoryOf(error)];

/** One message for the terminal: "imgs: <message>", with the error's code when it has one. */
export function formatError(error: unknown): string {
  if (!(error instanceof Error)) return `imgs: ${String(error)}`;
  const code = errorCodeOf(error);
  const suffix = code !== undefined && !(error instanceof UsageError) ? ` [${code}]` : "";
  return `imgs: ${error.message}${suffix}`;
}

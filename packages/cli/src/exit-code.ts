import { categoryOf, isImgsError } from "@imgs/errors";
import { ConfigInvalidError, ConfigLoadError, ConfigNotFoundError, PluginLoadError, UnknownImageError } from "@imgs/hierarchy";
import { UsageError } from "./errors.js";

/** Exit status for wrong usage or configuration (the command never started its work). */
export const EXIT_USAGE = 2;
/** Exit status for work that failed. */
export const EXIT_FAILURE = 1;

const USAGE_ERRORS = [UsageError, ConfigInvalidError, ConfigLoadError, ConfigNotFoundError, PluginLoadError, UnknownImageError];

/** The process exit status an error ends the CLI with. */
export const exitCodeFor = (error: unknown): number =>
  (isImgsError(error) ? categoryOf(error) === "usage" : USAGE_ERRORS.some((type) => error instanceof type)) ? EXIT_USAGE : EXIT_FAILURE;

/** One message for the terminal: "imgs: <message>", with the error's code when it has one. */
export function formatError(error: unknown): string {
  if (!(error instanceof Error)) return `imgs: ${String(error)}`;
  const code = (error as { code?: unknown }).code;
  const suffix = typeof code === "string" && !(error instanceof UsageError) ? ` [${code}]` : "";
  return `imgs: ${error.message}${suffix}`;
}

import { hasErrorCode } from "@imgs/errors";
import { EngineUnreachableError } from "./errors/engine.js";

/** System error codes that mean the engine cannot be reached at all. */
const UNREACHABLE_CODES = [
  "ECONNREFUSED",
  "ENOENT",
  "EACCES",
  "EPERM",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
];

/** What docker-modem attaches to the errors it makes from HTTP answers. */
interface ModemError {
  statusCode?: unknown;
  json?: { message?: unknown } | null;
  message?: unknown;
}

const asModemError = (error: unknown): ModemError => (typeof error === "object" && error !== null ? error : {});

/** The HTTP status of an engine answer, when the error is one. */
export function statusCodeOf(error: unknown): number | undefined {
  const status = asModemError(error).statusCode;
  return typeof status === "number" ? status : undefined;
}

/** The engine's own message ("No such image: x"), else the error's message. */
export function engineMessageOf(error: unknown): string {
  const { json, message } = asModemError(error);
  if (typeof json?.message === "string") return json.message;
  return typeof message === "string" ? message : String(error);
}

/**
 * True when a request never reached the engine (socket missing, refused, denied, timed out), or the
 * error already says so (an EngineUnreachableError, as the clients of createDocker throw).
 */
export function isUnreachable(error: unknown): boolean {
  return error instanceof EngineUnreachableError || (statusCodeOf(error) === undefined && hasErrorCode(error, ...UNREACHABLE_CODES));
}

/** An error isUnreachable says yes to, as EngineUnreachableError: itself when it is one already, so nothing is wrapped twice. */
export function unreachableError(error: unknown, endpoint: string): EngineUnreachableError {
  return error instanceof EngineUnreachableError ? error : new EngineUnreachableError(endpoint, error);
}

/** EngineUnreachableError for a connection failure; any other error unchanged. */
export function engineError(error: unknown, endpoint: string): unknown {
  return isUnreachable(error) ? unreachableError(error, endpoint) : error;
}

/** True for the engine's 404 about a missing image (image routes, or container create). */
export function isNoSuchImage(error: unknown): boolean {
  return statusCodeOf(error) === 404 && /no such image/i.test(engineMessageOf(error));
}

/**
 * True when an exec was refused because its container is gone or stopped: 404 (gone), 409 (stopped
 * or paused), or the 500 an engine gives for a container that ended and is being removed
 * (AutoRemove: "is not running: Removal In Progress").
 */
export function isContainerGone(error: unknown): boolean {
  const status = statusCodeOf(error);
  return status === 404 || status === 409 || (status === 500 && /is not running|removal in progress|marked for removal/i.test(engineMessageOf(error)));
}

/**
 * True when an exec's result is the OCI runtime saying its container ended under it (exit 126:
 * `OCI runtime exec failed: … cannot exec in a deleted state`), not the command's own outcome.
 */
export function isRuntimeContainerGone(output: string, exitCode: number): boolean {
  return exitCode === 126 && /cannot exec in a (?:deleted|stopped) (?:state|container)|container (?:\S+ )?is not running|container not running/i.test(output);
}

/** True when a force remove found the container already gone or already being removed. */
export function isAlreadyRemoved(error: unknown): boolean {
  const status = statusCodeOf(error);
  return status === 404 || (status === 409 && /already in progress/i.test(engineMessageOf(error)));
}

/**
 * True when an exec's output is Docker's answer to a program that does not exist, e.g.
 * `OCI runtime exec failed: exec failed: ...: exec: "python": executable file not found in $PATH`
 * (exit 126, or 127 on other runtimes). A bad working directory fails with 126 too but says
 * "chdir to cwd", so the message must name the program being exec'd.
 */
export function isMissingProgram(output: string, exitCode: number): boolean {
  return (exitCode === 126 || exitCode === 127) && mentionsMissingProgram(output);
}

/** True when an OCI runtime message (runc, or crun under Podman) says the program it tried to exec does not exist. */
export function mentionsMissingProgram(message: string): boolean {
  return RUNC_MISSING.test(message) || CRUN_MISSING.test(message);
}

const RUNC_MISSING = /\bexec: "(?:[^"\\]|\\.)*": (?:stat [^\n]*: )?(?:executable file not found|no such file or directory)/;
const CRUN_MISSING = /executable file `[^`]*` not found/;

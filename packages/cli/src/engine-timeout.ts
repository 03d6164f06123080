import { DEFAULT_ENGINE_DEADLINES } from "@imgs/runner";
import { UsageError } from "./errors.js";

/** Node's timers hold at most 2^31 - 1 ms; a longer deadline would fire after 1 ms. */
const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/**
 * The deadline of one engine call, in ms, from IMGS_ENGINE_TIMEOUT (seconds; 0 for none; unset:
 * runner's default, 60 s). It bounds every call's answer (a build's until its output starts), so
 * an engine that accepts connections but never answers fails with ENGINE_TIMEOUT.
 *
 * @throws UsageError for a value that is not a number of seconds from 0 to 2147483
 */
export function engineTimeoutMsOf(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_ENGINE_DEADLINES.callMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
    throw new UsageError(`IMGS_ENGINE_TIMEOUT must be a number of seconds from 0 (no limit) to ${MAX_SECONDS}, got ${JSON.stringify(value)}`);
  }
  return Math.ceil(seconds * 1000);
}

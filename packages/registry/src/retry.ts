import pRetry from "p-retry";

/** How transient failures are retried: exponential backoff with jitter (p-retry's `randomize`). */
export interface RetryPolicy {
  /** Attempts after the first; default 4. */
  readonly retries: number;
  /** Milliseconds before the first retry; doubled each time, times a random 1-2. Default 500. */
  readonly minDelayMs: number;
  /** Longest wait between two attempts, Retry-After included; default 30 000. */
  readonly maxDelayMs: number;
}

/** The default: five attempts over roughly 8-15 seconds. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minDelayMs: 500, maxDelayMs: 30_000 };

/** A failure worth another attempt: no answer, a 5xx, or a 429. */
export class TransientFailure extends Error {
  constructor(
    /** HTTP status, undefined when no answer came. */
    readonly status: number | undefined,
    readonly detail: string,
    /** How long the registry asked us to wait (Retry-After), in milliseconds. */
    readonly retryAfterMs: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
}

/**
 * The wait a Retry-After header asks for, in milliseconds: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Runs `attempt` until it succeeds, throws an error `isTransient` refuses (default: anything but a
 * TransientFailure), or the policy's retries run out; the last error is thrown as it is. A
 * TransientFailure's Retry-After is waited for (capped at maxDelayMs) before p-retry's own
 * backoff, so the registry's wish is the minimum. `attempt` gets the attempt number, from 1.
 */
export function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  isTransient: (error: unknown) => boolean = (error) => error instanceof TransientFailure,
): Promise<T> {
  return pRetry(attempt, {
    retries: policy.retries,
    minTimeout: policy.minDelayMs,
    maxTimeout: policy.maxDelayMs,
    factor: 2,
    randomize: true,
    ...(signal ? { signal } : {}),
    shouldRetry: ({ error }) => isTransient(error),
    onFailedAttempt: async ({ error, retriesLeft }) => {
      const wait = error instanceof TransientFailure ? error.retryAfterMs : undefined;
      if (wait === undefined || retriesLeft === 0) return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, Math.min(wait, policy.maxDelayMs));
        signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
      });
    },
  });
}

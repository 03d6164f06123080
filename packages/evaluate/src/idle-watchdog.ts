import { DeadlineExceededError } from "./errors.js";

/** Fails work that waits while nothing happens: see idleWatchdog. */
export interface IdleWatchdog {
  /** Counts `work` as activity while it is pending (a command running or waiting for a slot). */
  track<T>(work: Promise<T>): Promise<T>;
  /** `work`, failed with DeadlineExceededError naming `what` once the image has been idle for the limit. */
  bound<T>(work: Promise<T>, what: string): Promise<T>;
  /** Ends the watch (the image is done). */
  stop(): void;
}

/**
 * A watch over one image's taggers and manifests that fails those still pending once no command
 * of the image has run or waited for `timeoutMs`: a JavaScript tagger whose promise never settles
 * then fails its image instead of hanging the run. Commands are bounded by their own timeout and
 * time spent waiting for a command slot counts as activity, so a busy run never trips it.
 */
export function idleWatchdog(timeoutMs: number): IdleWatchdog {
  let busy = 0;
  let timer: NodeJS.Timeout | undefined;
  let expire: () => void = () => undefined;
  const expired = new Promise<never>((_, reject) => {
    expire = () => reject(new Error("idle"));
  });
  // Handled here, so an image without taggers never reports an unhandled rejection.
  expired.catch(() => undefined);
  const arm = (): void => {
    clearTimeout(timer);
    timer = busy === 0 ? setTimeout(expire, timeoutMs) : undefined;
    timer?.unref();
  };
  arm();
  return {
    track(work) {
      busy++;
      arm();
      return work.finally(() => {
        busy--;
        arm();
      });
    },
    bound(work, what) {
      return Promise.race([work, expired.catch(() => Promise.reject(new DeadlineExceededError(what, timeoutMs)))]);
    },
    stop() {
      busy = Number.POSITIVE_INFINITY;
      clearTimeout(timer);
    },
  };
}

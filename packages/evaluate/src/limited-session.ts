import type { Command, ContainerSession, ExecOptions, ExecResult } from "@imgs/runner";
import type { LimitFunction } from "p-limit";

/** How a session's execs are bounded. */
export interface SessionLimits {
  /** Shared by every image of the run: at most `jobs` commands at once. */
  readonly limit: LimitFunction;
  /** Default per-command timeout; undefined for none. */
  readonly timeoutMs: number | undefined;
  /** When it fires, waiting execs do not start and running ones end (their container is removed). */
  readonly signal: AbortSignal | undefined;
}

/**
 * A session whose execs wait for a slot of the run's command limit (--jobs), get a default timeout,
 * and stop with the run: on abort the session is closed, which removes the container and ends its
 * commands (Docker cannot stop a single exec).
 */
export function limitedSession(session: ContainerSession, { limit, timeoutMs, signal }: SessionLimits): ContainerSession {
  const onAbort = (): void => void session.close().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  const close = async (): Promise<void> => {
    signal?.removeEventListener("abort", onAbort);
    await session.close();
  };
  return {
    // Read through: a cached session's container (and id) exists only after its first miss.
    get id() {
      return session.id;
    },
    image: session.image,
    exec: (command: Command, options?: ExecOptions): Promise<ExecResult> =>
      limit(() => {
        signal?.throwIfAborted();
        return session.exec(command, timeoutMs === undefined || options?.timeoutMs !== undefined ? options : { ...options, timeoutMs });
      }),
    close,
    [Symbol.asyncDispose]: close,
  };
}

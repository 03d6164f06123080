import type { Command, ContainerSession, ExecOptions, ExecResult } from "@imgs/runner";
import type { Limiter } from "./limiter.js";

/**
 * A session whose execs wait for a slot of the run's command limit (--jobs) and get a default
 * timeout, so a hanging tagger fails its image instead of the whole run.
 */
export function limitedSession(session: ContainerSession, limit: Limiter, timeoutMs: number | undefined): ContainerSession {
  return {
    id: session.id,
    image: session.image,
    exec: (command: Command, options?: ExecOptions): Promise<ExecResult> =>
      limit(() => session.exec(command, timeoutMs === undefined || options?.timeoutMs !== undefined ? options : { ...options, timeoutMs })),
    close: () => session.close(),
    [Symbol.asyncDispose]: () => session.close(),
  };
}

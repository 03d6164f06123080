import { toArgv } from "./split-command.js";
import type { Command, ContainerSession, ExecOptions, ExecResult } from "./types.js";

/** The identity of an exec: its argv and every option, with env in a stable order. */
function cacheKey(argv: readonly string[], options: ExecOptions): string {
  const env = Object.entries(options.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([argv, env, options.user ?? null, options.workdir ?? null, options.timeoutMs ?? null]);
}

/**
 * A view of a session whose identical commands (same argv, string or array, and same options) run
 * once: later and concurrent callers get the same promise, failures included, since the same
 * command in the same container fails the same way. Closing the view closes the session.
 *
 * @example const cached = withExecCache(session); // two taggers asking `python --version` run it once
 */
export function withExecCache(session: ContainerSession): ContainerSession {
  const results = new Map<string, Promise<ExecResult>>();
  return {
    // Read through: a cached session's container (and id) exists only after its first miss.
    get id() {
      return session.id;
    },
    image: session.image,
    async exec(command: Command, options: ExecOptions = {}): Promise<ExecResult> {
      const key = cacheKey(toArgv(command), options);
      let result = results.get(key);
      if (result === undefined) {
        // async, so a session whose exec throws synchronously still yields a (cached) rejection.
        result = (async () => session.exec(command, options))();
        results.set(key, result);
      }
      return result;
    },
    close: () => session.close(),
    [Symbol.asyncDispose]: () => session.close(),
  };
}

import type { ContainerRegistry } from "./session/container-registry.js";

/** The signals after which a run's containers are removed. */
export type CleanupSignal = "SIGINT" | "SIGTERM" | "SIGHUP";

/** The part of `process` the cleanup uses; tests pass a fake. */
export interface SignalTarget {
  readonly pid: number;
  on(signal: CleanupSignal, listener: () => void): unknown;
  off(signal: CleanupSignal, listener: () => void): unknown;
  listenerCount(signal: CleanupSignal): number;
  kill(pid: number, signal: CleanupSignal): unknown;
}

/** Ctrl-C, `kill`, and a closed terminal or ssh session. */
export const CLEANUP_SIGNALS: readonly CleanupSignal[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Install handlers that, on the first of `signals`, stop the registry (no new containers, creates
 * in flight awaited, every container removed), then remove themselves and raise the same signal
 * again, so the process dies as it would have without them (status 130, 143 or 129 in a shell).
 * When the program has listeners of its own for that signal, it is not raised again: those
 * listeners have been told and decide. A second signal during the removal is raised at once.
 * Only a program's entry point calls this (imgs: bin.ts); returns the function that uninstalls.
 */
export function removeContainersOnSignals(
  target: SignalTarget,
  registry: ContainerRegistry,
  signals: readonly CleanupSignal[] = CLEANUP_SIGNALS,
): () => void {
  const listeners = new Map<CleanupSignal, () => void>();
  let cleaning = false;

  const uninstall = (): void => {
    for (const [signal, listener] of listeners) target.off(signal, listener);
    listeners.clear();
  };
  const raiseAgain = (signal: CleanupSignal): void => {
    uninstall();
    cleaning = false;
    if (target.listenerCount(signal) === 0) target.kill(target.pid, signal);
  };
  const onSignal = (signal: CleanupSignal): void => {
    if (cleaning) return raiseAgain(signal);
    cleaning = true;
    // Removal failures cannot be reported any more; the process is going away either way.
    void registry.stop().then(() => {
      if (cleaning) raiseAgain(signal);
    });
  };
  for (const signal of signals) {
    const listener = (): void => onSignal(signal);
    listeners.set(signal, listener);
    target.on(signal, listener);
  }
  return uninstall;
}

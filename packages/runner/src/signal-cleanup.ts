/** The signals after which live containers are removed. */
export type CleanupSignal = "SIGINT" | "SIGTERM";

/** The part of `process` the cleanup uses; tests pass a fake. */
export interface SignalTarget {
  readonly pid: number;
  on(signal: CleanupSignal, listener: () => void): unknown;
  off(signal: CleanupSignal, listener: () => void): unknown;
  listenerCount(signal: CleanupSignal): number;
  kill(pid: number, signal: CleanupSignal): unknown;
}

/** A container that must not outlive the process. */
export interface LiveContainer {
  readonly id: string;
  /** Force-remove it; must not throw when it is gone already. */
  remove(): Promise<void>;
}

/** A registry of live containers that are removed when the process gets SIGINT or SIGTERM. */
export interface SignalCleanup {
  /** Track a container (installing the signal handlers on first use); returns the function that forgets it. */
  register(container: LiveContainer): () => void;
  /** How many containers are tracked. */
  readonly size: number;
}

/**
 * Make a registry whose handlers, on the first SIGINT or SIGTERM, remove every live container, then
 * remove themselves and raise the same signal again, so the process dies as it would have without
 * them (status 130 or 143 in a shell). When the program has listeners of its own for that signal,
 * the signal is not raised again: those listeners have been told and decide. A second signal while
 * containers are being removed stops waiting and is raised at once.
 */
export function createSignalCleanup(target: SignalTarget, signals: readonly CleanupSignal[] = ["SIGINT", "SIGTERM"]): SignalCleanup {
  const live = new Set<LiveContainer>();
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
    const containers = [...live];
    live.clear();
    // Removal failures cannot be reported any more; the process is going away either way.
    void Promise.allSettled(containers.map((container) => container.remove())).then(() => {
      if (cleaning) raiseAgain(signal);
    });
  };

  return {
    register(container) {
      live.add(container);
      if (listeners.size === 0) {
        for (const signal of signals) {
          const listener = (): void => onSignal(signal);
          listeners.set(signal, listener);
          target.on(signal, listener);
        }
      }
      return () => {
        live.delete(container);
      };
    },
    get size() {
      return live.size;
    },
  };
}

let processCleanup: SignalCleanup | undefined;

/** The registry for this process, made on first use. */
export function processSignalCleanup(): SignalCleanup {
  processCleanup ??= createSignalCleanup(process);
  return processCleanup;
}

import { RunStoppingError } from "../errors/session.js";

/** A container that must not outlive the run. */
export interface LiveContainer {
  readonly id: string;
  /** Force-remove it; must not throw when it is gone already. */
  remove(): Promise<void>;
}

/** What stop() could not remove. */
export interface RemovalFailure {
  readonly id: string;
  readonly error: unknown;
}

/**
 * The live containers of a run. A stop refuses new containers, waits for the creates in flight,
 * then removes every container, including those whose create ends during the stop.
 */
export interface ContainerRegistry {
  /**
   * Run `create` (which makes a container of `image` and calls `add` for it) so that stop() waits
   * for it. Rejects with RunStoppingError, without calling it, once the registry stops.
   */
  creating<T>(image: string, create: () => Promise<T>): Promise<T>;
  /** Track a container until the returned function is called; after a stop it is removed at once. */
  add(container: LiveContainer): () => void;
  /** True once stop() was called. */
  readonly stopping: boolean;
  /** How many containers are tracked. */
  readonly size: number;
  /** Refuse new containers, wait for creates in flight, remove every tracked container; resolves with the failures. */
  stop(): Promise<readonly RemovalFailure[]>;
}

/** A registry for one run; the program makes one and hands it to every startContainer (`cleanup`). */
export function createContainerRegistry(): ContainerRegistry {
  const live = new Set<LiveContainer>();
  const inFlight = new Set<Promise<unknown>>();
  let stopping: Promise<readonly RemovalFailure[]> | undefined;
  let stopped = false;

  const removeAll = async (): Promise<readonly RemovalFailure[]> => {
    const failures: RemovalFailure[] = [];
    // A create that ends meanwhile adds its container, which the next round removes.
    while (inFlight.size > 0 || live.size > 0) {
      await Promise.allSettled([...inFlight]);
      const containers = [...live];
      live.clear();
      const results = await Promise.allSettled(containers.map((container) => container.remove()));
      results.forEach((result, index) => {
        if (result.status === "rejected") failures.push({ id: containers[index]?.id ?? "", error: result.reason as unknown });
      });
    }
    stopped = true;
    return failures;
  };

  return {
    creating<T>(image: string, create: () => Promise<T>): Promise<T> {
      if (stopping) return Promise.reject(new RunStoppingError(image));
      const work = create();
      inFlight.add(work);
      const forget = (): void => {
        inFlight.delete(work);
      };
      work.then(forget, forget);
      return work;
    },
    add(container) {
      if (stopped) {
        // Made outside creating() after the stop: nobody else will remove it.
        container.remove().catch(() => undefined);
        return () => undefined;
      }
      live.add(container);
      return () => {
        live.delete(container);
      };
    },
    get stopping() {
      return stopping !== undefined;
    },
    get size() {
      return live.size;
    },
    stop() {
      stopping ??= removeAll();
      return stopping;
    },
  };
}

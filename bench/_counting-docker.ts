import type { createDocker } from "@imgs/runner";

type Docker = ReturnType<typeof createDocker>["docker"];

/** What a counting client has seen since it was made or last reset. */
export interface DockerCounts {
  /** Containers created. */
  readonly containers: number;
  /** Containers removed (a removal of one already gone does not count). */
  readonly removed: number;
  /** Execs created, one per command that actually reached the engine. */
  readonly execs: number;
}

/** A dockerode client that counts what goes through it. */
export interface CountingDocker {
  readonly docker: Docker;
  /** The counts so far; zeroes them. */
  take(): DockerCounts;
}

/** `target` with `hooks[method]` applied to what each of those methods returns. */
function withHooks<T extends object>(target: T, hooks: ReadonlyMap<string, (result: unknown) => unknown>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      const hook = typeof property === "string" ? hooks.get(property) : undefined;
      if (hook === undefined || typeof value !== "function") return value;
      return (...args: unknown[]) => hook(Reflect.apply(value as (...a: unknown[]) => unknown, object, args));
    },
  });
}

/**
 * Wraps a client at the engine boundary: imgs makes its sessions inside runImages (behind its exec
 * cache), so counting dockerode's calls is the one way to count both paths alike.
 */
export function countingDocker(docker: Docker): CountingDocker {
  let counts = { containers: 0, removed: 0, execs: 0 };
  const containerHooks = new Map<string, (result: unknown) => unknown>([
    [
      "exec",
      (result) => {
        counts.execs += 1;
        return result;
      },
    ],
    [
      "remove",
      (result) =>
        (result as Promise<unknown>).then((value) => {
          counts.removed += 1;
          return value;
        }),
    ],
  ]);
  const dockerHooks = new Map<string, (result: unknown) => unknown>([
    [
      "createContainer",
      (result) =>
        (result as Promise<object>).then((container) => {
          counts.containers += 1;
          return withHooks(container, containerHooks);
        }),
    ],
  ]);
  return {
    docker: withHooks(docker, dockerHooks),
    take() {
      const taken = counts;
      counts = { containers: 0, removed: 0, execs: 0 };
      return taken;
    },
  };
}

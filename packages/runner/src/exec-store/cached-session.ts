import type Dockerode from "dockerode";
import { toArgv } from "../split-command.js";
import type { Command, ContainerSession, ExecOptions, ExecResult } from "../types.js";
import type { ExecStore } from "./file-exec-store.js";

/** What a container can see of the engine it runs on, beyond its image: part of every cache key. */
export interface EngineFacts {
  /** `uname -r` inside a container, e.g. "6.1.0-18-amd64". */
  readonly kernelVersion: string;
  /** e.g. "x86_64", "aarch64". */
  readonly architecture: string;
  /** CPUs the engine has (nproc in a container without limits). */
  readonly cpus: number;
}

/** The engine's kernel version, architecture and CPU count (`docker info`). */
export async function readEngineFacts(docker: Pick<Dockerode, "info">): Promise<EngineFacts> {
  const info = (await docker.info()) as { KernelVersion?: string; Architecture?: string; NCPU?: number };
  return { kernelVersion: info.KernelVersion ?? "", architecture: info.Architecture ?? "", cpus: info.NCPU ?? 0 };
}

/** One exec of a cached session: its argv, and whether its result came from the store. */
export interface CachedExecEvent {
  readonly command: readonly string[];
  readonly cached: boolean;
}

/** Options of cachedSession. */
export interface CachedSessionOptions {
  /** Starts the container; called on the first exec whose result is not stored, at most once. */
  readonly open: () => Promise<ContainerSession>;
  /** The image reference the container is (or would be) started from. */
  readonly image: string;
  /** The image's id (sha256:…): the content the results describe. */
  readonly imageId: string;
  readonly engine: EngineFacts;
  readonly store: ExecStore;
  /** Told about each exec, for progress and --explain. */
  readonly onExec?: ((event: CachedExecEvent) => void) | undefined;
}

/** Version of the key layout; a change makes every stored result a miss. */
const KEY_VERSION = "imgs-exec-1";

/**
 * The cache key of an exec: image id, argv, extra environment (sorted), user, working directory
 * and the engine facts. The timeout is not part of it: it bounds a run, not its result.
 */
export function execCacheKey(imageId: string, engine: EngineFacts, argv: readonly string[], options: ExecOptions = {}): string {
  const env = Object.entries(options.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([KEY_VERSION, imageId, engine.kernelVersion, engine.architecture, engine.cpus, argv, env, options.user ?? null, options.workdir ?? null]);
}

/**
 * A session that answers from the store when it can and starts its container only when a result
 * is missing: an image id names immutable content, so a command's output in it changes only with
 * what the container reads from the host, and those facts (kernel, architecture, CPUs) are in the
 * key. Results with exit code 0 are stored; failures are not, so a fixed environment is retried.
 * A command that reads the clock inside the container must not run through it.
 * Closing it closes the container if one was started.
 */
export function cachedSession(options: CachedSessionOptions): ContainerSession {
  let opened: Promise<ContainerSession> | undefined;
  let containerId = "";
  const close = async (): Promise<void> => {
    if (opened !== undefined) await (await opened.catch(() => undefined))?.close();
  };
  return {
    get id() {
      return containerId;
    },
    image: options.image,
    async exec(command: Command, execOptions: ExecOptions = {}): Promise<ExecResult> {
      const argv = toArgv(command);
      const key = execCacheKey(options.imageId, options.engine, argv, execOptions);
      const stored = await options.store.get(key);
      if (stored !== undefined) {
        options.onExec?.({ command: argv, cached: true });
        return stored;
      }
      opened ??= options.open().then((session) => {
        containerId = session.id;
        return session;
      });
      const result = await (await opened).exec(command, execOptions);
      options.onExec?.({ command: argv, cached: false });
      if (result.exitCode === 0) await options.store.set(key, result);
      return result;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

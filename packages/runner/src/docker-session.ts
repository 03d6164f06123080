import { MAX_OUTPUT_BYTES, execResultOf } from "./decode-exec-output.js";
import { isAlreadyRemoved, isContainerGone, isMissingProgram, isRuntimeContainerGone, isUnreachable, unreachableError } from "./docker-errors.js";
import { ContainerNotRunningError } from "./errors/engine.js";
import { BadCommandError, ExecTimeoutError, ExitCodeUnknownError, ProgramNotFoundError, SessionClosedError } from "./errors/exec.js";
import { runExec } from "./run-exec.js";
import type { ExecContainer, RawExecResult, StreamDemuxer } from "./run-exec.js";
import type { ContainerRegistry } from "./session/container-registry.js";
import { ContainerNotRemovedError, ContainerStoppedError } from "./errors/session.js";
import type { KeepAlive, KeepAliveWatch } from "./session/keep-alive.js";
import { toArgv } from "./split-command.js";
import type { Command, ContainerSession, ExecOptions, ExecResult } from "./types.js";

/** The part of a dockerode Container a session uses. */
export interface SessionContainer extends ExecContainer {
  readonly id: string;
  start(): Promise<unknown>;
  remove(options: { force: boolean }): Promise<unknown>;
}

/** Where a session's container lives. */
export interface SessionSettings {
  readonly image: string;
  readonly endpoint: string;
  /** The run's registry, which removes the container when the run stops; none when not tracked. */
  readonly cleanup: ContainerRegistry | undefined;
  /** The container's main command; default the caller's own (kind "command"). */
  readonly keepAlive?: KeepAlive;
}

function checkOptions(command: Command, options: ExecOptions): void {
  const { timeoutMs, maxOutputBytes } = options;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new BadCommandError(command, `timeoutMs must be a positive number of milliseconds, not ${timeoutMs}`);
  }
  if (maxOutputBytes !== undefined && !(Number.isSafeInteger(maxOutputBytes) && maxOutputBytes > 0 && maxOutputBytes <= MAX_OUTPUT_BYTES)) {
    throw new BadCommandError(command, `maxOutputBytes must be a whole number of bytes from 1 to ${MAX_OUTPUT_BYTES}, not ${maxOutputBytes}`);
  }
}

/** How long an exec refused for a stopped container waits for the watch to see the main process end. */
const WATCH_GRACE_MS = 2000;

/** A ContainerSession over one started container; closing it force-removes the container. */
export class DockerContainerSession implements ContainerSession {
  readonly id: string;
  readonly image: string;
  readonly #container: SessionContainer;
  readonly #demuxer: StreamDemuxer;
  readonly #endpoint: string;
  readonly #keepAlive: KeepAlive | undefined;
  readonly #unregister: () => void;
  #watch: KeepAliveWatch | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  /** Whether any command has finished in the container (so it was up once the run used it). */
  #ranCommand = false;

  constructor(container: SessionContainer, demuxer: StreamDemuxer, settings: SessionSettings) {
    this.id = container.id;
    this.image = settings.image;
    this.#container = container;
    this.#demuxer = demuxer;
    this.#endpoint = settings.endpoint;
    this.#keepAlive = settings.keepAlive;
    this.#unregister = settings.cleanup?.add({ id: this.id, remove: () => this.close() }) ?? (() => undefined);
  }

  /** Hold the container's keep-alive watch (attached before the container starts); closing lets go of it. */
  holdWatch(watch: KeepAliveWatch): void {
    this.#watch = watch;
  }

  async exec(command: Command, options: ExecOptions = {}): Promise<ExecResult> {
    const argv = toArgv(command);
    checkOptions(command, options);
    if (this.#closed) throw new SessionClosedError(this.image, this.id, argv);
    let raw: RawExecResult;
    try {
      const run = runExec(this.#container, this.#demuxer, {
        argv,
        env: options.env,
        user: options.user,
        workdir: options.workdir,
        maxOutputBytes: options.maxOutputBytes,
      });
      raw = options.timeoutMs === undefined ? await run : await this.#withTimeout(run, argv, options.timeoutMs);
    } catch (error) {
      throw await this.#execError(error, argv);
    }
    // An exec that ends because the container went away reports the kill (137), not its own result.
    if (this.#closed) throw new SessionClosedError(this.image, this.id, argv);
    const result = execResultOf(raw.collected, raw.exitCode ?? -1, argv, this.image);
    if (isMissingProgram(result.output, result.exitCode)) throw new ProgramNotFoundError(this.image, this.id, argv, result.output);
    if (isRuntimeContainerGone(result.output, result.exitCode)) {
      const stopped = await this.#stoppedError(new Error(result.output.trim()));
      if (stopped) throw stopped;
    }
    this.#ranCommand = true;
    return result;
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#closing ??= this.#remove().catch((error: unknown) => {
      // Let a later close() try again, e.g. once the engine answers.
      this.#closing = undefined;
      throw error;
    });
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async #remove(): Promise<void> {
    try {
      await this.#container.remove({ force: true });
    } catch (error) {
      if (!isAlreadyRemoved(error)) {
        const reason = isUnreachable(error) ? unreachableError(error, this.#endpoint) : error;
        throw new ContainerNotRemovedError(this.image, this.id, this.#endpoint, reason);
      }
    }
    // Only now: letting go of a watch first would end the container under a removal that fails.
    this.#watch?.release();
    this.#unregister();
  }

  async #withTimeout(run: Promise<RawExecResult>, argv: readonly string[], timeoutMs: number): Promise<RawExecResult> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"expired">((resolve) => {
      timer = setTimeout(() => resolve("expired"), timeoutMs);
    });
    try {
      const first = await Promise.race([run, expired]);
      if (first !== "expired") return first;
    } finally {
      clearTimeout(timer);
    }
    // Docker cannot kill one exec, only its container; the exec's stream then breaks, unobserved.
    run.catch(() => undefined);
    const removal = await this.close().then(
      () => undefined,
      (error: unknown) => error ?? new Error("container removal failed"),
    );
    throw new ExecTimeoutError(this.image, this.id, argv, timeoutMs, removal);
  }

  async #execError(error: unknown, argv: readonly string[]): Promise<unknown> {
    if (error instanceof ExecTimeoutError || error instanceof ExitCodeUnknownError) return error;
    if (this.#closed) return new SessionClosedError(this.image, this.id, argv, error);
    if (isUnreachable(error)) return unreachableError(error, this.#endpoint);
    if (isContainerGone(error)) return (await this.#stoppedError(error)) ?? new ContainerNotRunningError(this.image, this.id, error);
    return error;
  }

  /** ContainerStoppedError when the watch saw the main process end (waiting a moment for it), else undefined. */
  async #stoppedError(cause: unknown): Promise<ContainerStoppedError | undefined> {
    // The engine may refuse the exec before the end of the main process reaches the watch.
    if (this.#watch && !this.#watch.ended) await Promise.race([this.#watch.whenEnded, new Promise((resolve) => setTimeout(resolve, WATCH_GRACE_MS).unref())]);
    if (!this.#watch?.ended || !this.#keepAlive) return undefined;
    return new ContainerStoppedError(this.image, this.id, this.#keepAlive.command, this.#watch.output, !this.#ranCommand, cause);
  }
}

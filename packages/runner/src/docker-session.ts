import { decodeExecOutput } from "./decode-exec-output.js";
import { engineError, isAlreadyRemoved, isMissingProgram, isUnreachable, statusCodeOf } from "./docker-errors.js";
import { ContainerNotRunningError, EngineUnreachableError } from "./errors/engine.js";
import { BadCommandError, ExecTimeoutError, ExitCodeUnknownError, ProgramNotFoundError, SessionClosedError } from "./errors/exec.js";
import { runExec } from "./run-exec.js";
import type { ExecContainer, RawExecResult, StreamDemuxer } from "./run-exec.js";
import type { SignalCleanup } from "./signal-cleanup.js";
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
  /** Registry that removes the container on SIGINT/SIGTERM; none when signals are not handled. */
  readonly cleanup: SignalCleanup | undefined;
}

function checkTimeout(command: Command, timeoutMs: number | undefined): void {
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new BadCommandError(command, `timeoutMs must be a positive number of milliseconds, not ${timeoutMs}`);
  }
}

/** A ContainerSession over one started container; closing it force-removes the container. */
export class DockerContainerSession implements ContainerSession {
  readonly id: string;
  readonly image: string;
  readonly #container: SessionContainer;
  readonly #demuxer: StreamDemuxer;
  readonly #endpoint: string;
  readonly #unregister: () => void;
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(container: SessionContainer, demuxer: StreamDemuxer, settings: SessionSettings) {
    this.id = container.id;
    this.image = settings.image;
    this.#container = container;
    this.#demuxer = demuxer;
    this.#endpoint = settings.endpoint;
    this.#unregister = settings.cleanup?.register({ id: this.id, remove: () => this.close() }) ?? (() => undefined);
  }

  async exec(command: Command, options: ExecOptions = {}): Promise<ExecResult> {
    const argv = toArgv(command);
    checkTimeout(command, options.timeoutMs);
    if (this.#closed) throw new SessionClosedError(this.image, this.id, argv);
    let raw: RawExecResult;
    try {
      const run = runExec(this.#container, this.#demuxer, { argv, env: options.env, user: options.user, workdir: options.workdir });
      raw = options.timeoutMs === undefined ? await run : await this.#withTimeout(run, argv, options.timeoutMs);
    } catch (error) {
      throw this.#execError(error, argv);
    }
    // An exec that ends because the container went away reports the kill (137), not its own result.
    if (this.#closed) throw new SessionClosedError(this.image, this.id, argv);
    const result = decodeExecOutput(raw, argv, this.image);
    if (isMissingProgram(result.output, result.exitCode)) throw new ProgramNotFoundError(this.image, this.id, argv, result.output);
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
      if (!isAlreadyRemoved(error)) throw engineError(error, this.#endpoint);
    }
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

  #execError(error: unknown, argv: readonly string[]): unknown {
    if (error instanceof ExecTimeoutError || error instanceof ExitCodeUnknownError) return error;
    if (this.#closed) return new SessionClosedError(this.image, this.id, argv, error);
    if (isUnreachable(error)) return new EngineUnreachableError(this.#endpoint, error);
    // 404: the container is gone; 409: it is stopped or paused.
    const status = statusCodeOf(error);
    if (status === 404 || status === 409) return new ContainerNotRunningError(this.image, this.id, error);
    return error;
  }
}

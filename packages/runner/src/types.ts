/**
 * A command to run in a container: an argv array, or a string that is split into words the way a
 * POSIX shell splits them (quotes and backslashes honoured, no expansion) and run without a shell,
 * as docker-py's exec_run does. Use `shell(script)` for a real shell.
 */
export type Command = readonly string[] | string;

/** Options of one exec. */
export interface ExecOptions {
  /** Kill the container and throw ExecTimeoutError when the command runs longer. */
  readonly timeoutMs?: number;
  /** Extra environment variables, on top of the image's. */
  readonly env?: Readonly<Record<string, string>>;
  /** User to run as; default the image's user. */
  readonly user?: string;
  /** Working directory; default the image's. */
  readonly workdir?: string;
  /**
   * Most bytes of output (stdout and stderr together) to keep; past it the command fails with
   * OutputTooLargeError. Default and maximum MAX_OUTPUT_BYTES, what one JavaScript string can hold.
   */
  readonly maxOutputBytes?: number;
}

/** What one exec returned, decoded as UTF-8. */
export interface ExecResult {
  /** The argv that ran. */
  readonly command: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
  /**
   * stderr, then stdout, each whole: byte-stable, unlike the order their frames arrive in (a race
   * in the engine), and docker-stacks' exec_run output in the usual case (see combineOutput).
   */
  readonly output: string;
  readonly exitCode: number;
}

/** A running container that commands can be executed in; disposing it removes the container. */
export interface ContainerSession extends AsyncDisposable {
  readonly id: string;
  /** The image reference the container was started from. */
  readonly image: string;
  exec(command: Command, options?: ExecOptions): Promise<ExecResult>;
  /** Remove the container (force). Safe to call more than once. */
  close(): Promise<void>;
}

/** What imgs reads of a local image (docker image inspect). */
export interface ImageInfo {
  /** sha256:… image id. */
  readonly id: string;
  /** Size in bytes, as the engine reports it. */
  readonly size: number;
  /** ISO 8601 creation time. */
  readonly created: string;
  /** The image's environment, as KEY=value strings. */
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** The image's configured user ("" when root by default). */
  readonly user: string;
  readonly architecture: string;
  readonly os: string;
}

/** Options every app that runs images takes (docker-stacks' arguments, defaults from the config). */
export interface RunOptions {
  /** Config file; default: the nearest imgs.config.* upward from the working directory. */
  readonly config?: string;
  readonly registry?: string;
  readonly owner?: string;
  /** Source repository "owner/name" for manifest links. */
  readonly repository?: string;
  readonly variant?: string;
  /** x86_64 | aarch64; default: this machine's. */
  readonly platform?: string;
  /** Images to process; ignored with `all`. */
  readonly images?: readonly string[];
  /** Process every image of the hierarchy. */
  readonly all?: boolean;
  /** How many images and commands run at once; default the config's, else the CPU count. */
  readonly jobs?: number;
  /** Per-command timeout in seconds (0: none); default 600. */
  readonly timeout?: number;
  /** Repository to read git facts from; default the config file's folder. */
  readonly gitDir?: string;
  /** No progress output. */
  readonly quiet?: boolean;
}

/** Where the apps write, and the docker-stacks format options. */
export interface OutputOptions {
  readonly tagsDir?: string;
  readonly manifestsDir?: string;
  readonly histLinesDir?: string;
  /** Improvement, off by default: end tags files and history lines with a newline. */
  readonly finalNewline?: boolean;
  /** Web server of the repository for links; default https://github.com. */
  readonly serverUrl?: string;
}

/** Default per-command timeout: generous for `apt list` on big images, finite for hung programs. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

import { UsageError } from "../errors.js";

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

/**
 * How many images and commands a run does at once: --jobs, else the config's `jobs`, else the CPU
 * count. The one check of --jobs for every command (the config's value is checked when it is read).
 *
 * @throws UsageError when the number is not a whole number of at least 1.
 */
export function jobsOf(jobs: number | undefined, configured: number | undefined, cpus: number): number {
  const value = jobs ?? configured ?? cpus;
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--jobs must be a whole number of at least 1, got ${value}`);
  return value;
}

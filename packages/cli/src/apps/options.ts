import { UsageError } from "../errors.js";

/** Options every app that runs images takes (docker-stacks' arguments, defaults from the config). */
export interface RunOptions {
  /** Config file; default: the nearest imgs.config.* upward from the working directory. */
  readonly config?: string;
  readonly registry?: string;
  readonly owner?: string;
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
  /** Repository to read git facts from; default the working directory's (as git, docker-stacks and metadata-action do). */
  readonly gitDir?: string;
  /** Where ref rules' facts come from: the CI's event (workflow) or the repository (git); default the config's, else workflow. */
  readonly refContext?: string;
  /** No progress output. */
  readonly quiet?: boolean;
  /** Reuse command results across runs by image id (needs CliDeps.cacheDir); default true. */
  readonly cache?: boolean;
}

/** Where the apps write, and the docker-stacks format options. */
export interface OutputOptions {
  readonly tagsDir?: string;
  readonly manifestsDir?: string;
  readonly histLinesDir?: string;
  /** Source repository "owner/name" for manifest links; default the config's. */
  readonly repository?: string;
  /** Improvement, off by default: end tags files and history lines with a newline. */
  readonly finalNewline?: boolean;
  /** Web server of the repository for links; default https://github.com. */
  readonly serverUrl?: string;
}

/** A number flag's value for a message: yargs turns text that is not a number into NaN. */
const shown = (value: number): string => (Number.isNaN(value) ? "something that is not a number" : String(value));

/** Default per-command timeout: generous for `apt list` on big images, finite for hung programs. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/** The longest timer Node can honour (2^31 - 1 ms, about 24.8 days), in whole seconds. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/**
 * --jobs, else the config's, else the CPU count: a whole number >= 1.
 *
 * @throws UsageError naming the flag and the value
 */
export function jobsOf(flag: number | undefined, fromConfig: number | undefined, cpus: number): number {
  const jobs = flag ?? fromConfig ?? cpus;
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, got ${shown(jobs)}`);
  return jobs;
}

/**
 * --timeout in seconds as milliseconds (0: no limit, undefined). Refuses what a timer cannot honour.
 *
 * @throws UsageError for a negative, non-finite or too large value
 */
export function timeoutMsOf(seconds: number | undefined): number | undefined {
  const value = seconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(value) || value < 0 || value > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`--timeout must be a number of seconds from 0 (no limit) to ${MAX_TIMEOUT_SECONDS}, got ${shown(value)}`);
  }
  return value === 0 ? undefined : Math.ceil(value * 1000);
}

/**
 * --ref-context: "workflow" or "git" (metadata-action's context input).
 *
 * @throws UsageError for another value
 */
export function refContextOf(value: string | undefined): "workflow" | "git" | undefined {
  if (value === undefined || value === "workflow" || value === "git") return value;
  throw new UsageError(`--ref-context must be workflow (the CI's event) or git (the repository), got ${JSON.stringify(value)}`);
}

/**
 * The source repository for links, "owner/name", checked so nothing else ends up in a manifest's links.
 *
 * @throws UsageError naming the value
 */
export function repositoryOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value) || value.split("/").some((part) => part === "." || part === "..")) {
    throw new UsageError(`--repository must be OWNER/NAME (letters, digits, . _ -), got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The web server for links, an http(s) URL without a trailing slash.
 *
 * @throws UsageError naming the value
 */
export function serverUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--server-url must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || url.username || url.password) {
    throw new UsageError(`--server-url must be an http(s) URL without credentials, query or fragment, got ${JSON.stringify(value)}`);
  }
  return value.replace(/\/+$/, "");
}

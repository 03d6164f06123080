import type Dockerode from "dockerode";
import type { GitSnapshot } from "@imgs/git-helper";
import type { Hierarchy, RefRules } from "@imgs/hierarchy";
import type { Limiter } from "./limiter.js";
import type { Progress } from "./progress.js";

/** Everything the evaluation of images shares within one run. */
export interface RunContext {
  readonly hierarchy: Hierarchy;
  /** The tag prefix of the run's platform and variant ("x86_64", "aarch64-cuda"). */
  readonly prefix: string;
  readonly git: GitSnapshot;
  /** The run's one instant: every date tag and build timestamp of the run agrees. */
  readonly clock: { now(): Date };
  readonly docker: Dockerode;
  /** Bounds how many images are evaluated at once. */
  readonly imageLimit: Limiter;
  /** Bounds how many commands run at once, across all images. */
  readonly commandLimit: Limiter;
  /** Default per-command timeout; undefined for none. */
  readonly commandTimeoutMs: number | undefined;
  /** Tag values of a set of ref rules (computed once per run, the same for every image). */
  readonly refValues: (rules: RefRules) => Promise<readonly string[]>;
  readonly progress: Progress;
  /** Web server of the source repository for manifest links (default GitHub). */
  readonly serverUrl: string | undefined;
}

/** A clock that always answers `instant`. */
export const frozenClock = (instant: Date): { now(): Date } => ({ now: () => new Date(instant.getTime()) });

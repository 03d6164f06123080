import type Dockerode from "dockerode";
import type { StartContainerOptions } from "@imgs/runner";

/** Somewhere text goes: process.stdout in the bin, a buffer in tests. */
export interface Output {
  write(text: string): void;
  /** True when it is an interactive terminal (progress is redrawn in place there). */
  readonly isTTY?: boolean;
}

/** The outside world the apps use; only bin.ts wires the real one (libraries never read the process). */
export interface CliDeps {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly clock: { now(): Date };
  /** The Docker client; created (and dockerode loaded) on first use, so commands that need no engine never load it. */
  readonly docker: () => Promise<Dockerode>;
  /** Number of CPUs, the default of --jobs. */
  readonly cpus: number;
  /** This machine's `uname -m` (os.machine()): the default platform. */
  readonly machine: string;
  /** Width of the terminal for help text; undefined when stdout is not one. */
  readonly columns?: number | undefined;
  /** Fires when the run must stop (SIGINT, SIGTERM, SIGHUP in the bin). */
  readonly signal?: AbortSignal | undefined;
  /** The user's cache folder for imgs (env-paths, i.e. $XDG_CACHE_HOME/imgs); undefined: no results are kept between runs. */
  readonly cacheDir?: string | undefined;
  /**
   * What every container imgs starts gets: labels naming the run's owner (ownerLabels: run id,
   * host, pid, time limit; plus IMGS_CONTAINER_LABELS) and the run's registry (cleanup).
   */
  readonly containers?: Omit<StartContainerOptions, "image" | "docker"> | undefined;
  /** This machine, for telling live runs from dead ones (`imgs cleanup`): its name and whether a process exists. */
  readonly host: { readonly name: string; isProcessAlive(pid: number): boolean };
}

import type Dockerode from "dockerode";

/** Somewhere text goes: process.stdout in the bin, a buffer in tests. */
export interface Output {
  write(text: string): void;
  /** True when it is an interactive terminal (progress is redrawn in place there). */
  readonly isTTY?: boolean;
}

/** The outside world the apps use; only bin.ts wires the real one. */
export interface CliDeps {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly clock: { now(): Date };
  /** The Docker client; created on first use so commands that need no engine never touch one. */
  readonly docker: () => Dockerode;
  /** Number of CPUs, the default of --jobs. */
  readonly cpus: number;
}

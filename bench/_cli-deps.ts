import { availableParallelism, hostname, machine } from "node:os";
import { fileURLToPath } from "node:url";
import type { CliDeps } from "@imgs/cli";
import { testEngine } from "@imgs/test-utils";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Options of benchDeps. */
export interface BenchDepsOptions {
  readonly docker: Awaited<ReturnType<CliDeps["docker"]>>;
  readonly clock: CliDeps["clock"];
  /** The exec cache's folder; none by default. */
  readonly cacheDir?: string | undefined;
  /** Where the apps' progress goes; default the bench's stderr. */
  readonly stderr?: CliDeps["stderr"];
}

/**
 * The CLI's dependencies for an in-process bench lane: the repository as working folder, no
 * stdout, and the bench's own container labels (read when the lane starts, so labelNewContainers'
 * label is on its containers).
 */
export function benchDeps(options: BenchDepsOptions): CliDeps {
  return {
    cwd: ROOT,
    env: process.env,
    stdout: { write: () => undefined },
    stderr: options.stderr ?? process.stderr,
    clock: options.clock,
    docker: () => Promise.resolve(options.docker),
    cpus: availableParallelism(),
    machine: machine(),
    cacheDir: options.cacheDir,
    containers: { labels: testEngine().labels },
    host: { name: hostname(), isProcessAlive: () => true },
  };
}

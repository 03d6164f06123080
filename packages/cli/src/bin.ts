import { randomUUID } from "node:crypto";
import { availableParallelism, homedir, hostname, machine, userInfo } from "node:os";
import { containerLabels, createContainerRegistry, DEFAULT_RUN_TIME_LIMIT_MS, explainDisposal, ownerLabels } from "@imgs/runner";
import type Dockerode from "dockerode";
import envPaths from "env-paths";
import { runCli } from "./cli.js";
import { loadYargs } from "./load-yargs.js";
import { exitCodeFor, formatError } from "./exit-code.js";
import { stopOnSignals } from "./stop-on-signals.js";

// The only place that reads the process: argv, env, the terminal, the clock, signals, the exit
// status, the host, the user. Everything else gets them as options.

/** The user ssh would log in as when DOCKER_HOST names none; a uid without a passwd entry falls back to $USER. */
function localUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER;
  }
}

/** Whether a process of this host exists (for `imgs cleanup`); EPERM means it does, under another user. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

const stop = stopOnSignals(process);
const host = hostname();
// Every container of this run names its owner, so `imgs cleanup` can tell a dead run's leftovers
// from a live run's containers; the registry removes them all, creates in flight included, on a stop.
const owner = { runId: randomUUID(), host, pid: process.pid, timeLimitMs: DEFAULT_RUN_TIME_LIMIT_MS };
const cleanup = createContainerRegistry();
stop.signal.addEventListener("abort", () => void cleanup.stop(), { once: true });
let client: Promise<Dockerode> | undefined;
try {
  await runCli(loadYargs().hideBin(process.argv), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    clock: { now: () => new Date() },
    // Loaded on first use: commands that need no engine never load dockerode.
    docker: () =>
      (client ??= import("@imgs/runner").then((runner) => runner.createDocker({ env: process.env, homeDir: homedir(), localUser: localUser() }).docker)),
    cpus: availableParallelism(),
    machine: machine(),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    signal: stop.signal,
    containers: { labels: containerLabels(process.env, ownerLabels(owner)), cleanup },
    host: { name: host, isProcessAlive },
    cacheDir: envPaths("imgs", { suffix: "" }).cache,
  });
} catch (caught) {
  // `await using` reports a failed removal after a failure as a bare SuppressedError.
  const error = explainDisposal(caught);
  process.stderr.write(`${formatError(error)}\n`);
  if (process.env.IMGS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = stop.exitCode ?? exitCodeFor(error);
} finally {
  stop.done();
  if (stop.exitCode !== undefined) process.exitCode = stop.exitCode;
  // The work is done: a timer or socket a config or plugin left open must not keep imgs alive.
  // (Writes to a pipe or a terminal are synchronous on Linux, so nothing printed is lost.)
  setTimeout(() => process.exit(), 200).unref();
}

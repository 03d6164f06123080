import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { availableParallelism, homedir, hostname, machine, userInfo } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { containerLabels, createContainerRegistry, DEFAULT_RUN_TIME_LIMIT_MS, explainDisposal, ownerLabels } from "@imgs/runner";
import { messageOf } from "@imgs/errors";
import type Dockerode from "dockerode";
import envPaths from "env-paths";
import { runCli } from "./cli.js";
import { engineTimeoutMsOf } from "./engine-timeout.js";
import { loadYargs } from "./load-yargs.js";
import { UsageError } from "./errors.js";
import { exitCodeFor, formatError } from "./exit-code.js";
import { stdoutToStderr, watchFaults, type ProcessFault } from "./process-faults.js";
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

/** SIGPIPE's status: what a shell reports for a program whose reader went away. */
const EXIT_BROKEN_PIPE = 141;
/** How long a stopped run (a signal, a fault) may take to unwind once its containers are removed. */
const UNWIND_MS = 2000;

const faultStatus = (fault: ProcessFault): number => ("brokenPipe" in fault && fault.brokenPipe ? EXIT_BROKEN_PIPE : 1);

// Faults first: an exception, a rejection, process.exit or a closed pipe from here on stops the
// run like a signal does, so no container outlives the process and the cause is said.
const faults = watchFaults(process);
// The status is set the moment a fault happens: even if nothing after this line runs, it is not 0.
void faults.faulted.then((fault) => {
  process.exitCode = faultStatus(fault);
});
// A config or plugin that prints must not corrupt stdout (--json, tags for scripts); imgs' own
// output goes through the writer the watch took before.
stdoutToStderr(process);
const stop = stopOnSignals({
  on: (name, listener) => process.on(name, listener),
  off: (name, listener) => process.off(name, listener),
  exit: faults.exit,
  stderr: faults.stderr,
});
const signal = AbortSignal.any([stop.signal, faults.signal]);
// Each image running listens for the stop (its session, its pending taggers): 2 x --jobs and more.
setMaxListeners(0, signal);
const host = hostname();
// Every container of this run names its owner, so `imgs cleanup` can tell a dead run's leftovers
// from a live run's containers; the registry removes them all, creates in flight included, on a stop.
const owner = { runId: randomUUID(), host, pid: process.pid, timeLimitMs: DEFAULT_RUN_TIME_LIMIT_MS };
const cleanup = createContainerRegistry();
signal.addEventListener("abort", () => void cleanup.stop(), { once: true });
let client: Promise<Dockerode> | undefined;

/** The working directory; a folder removed under the shell makes process.cwd() throw. */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (error) {
    throw new UsageError("the working directory no longer exists (it was removed); cd to a folder that does", error);
  }
}

// Inside a promise, so that anything thrown while setting up is this run's error, reported below.
const run = Promise.resolve().then(() => workingDirectory()).then((cwd) => runCli(loadYargs().hideBin(process.argv), {
  cwd,
  env: process.env,
  stdout: { write: faults.stdout.write, isTTY: process.stdout.isTTY },
  stderr: { write: faults.stderr.write, isTTY: process.stderr.isTTY },
  clock: { now: () => new Date() },
  // Loaded on first use: commands that need no engine never load dockerode.
  docker: () =>
    (client ??= import("@imgs/runner").then(
      (runner) =>
        runner.createDocker({
          env: process.env,
          homeDir: homedir(),
          localUser: localUser(),
          deadlines: { callMs: engineTimeoutMsOf(process.env.IMGS_ENGINE_TIMEOUT) },
        }).docker,
    )),
  cpus: availableParallelism(),
  machine: machine(),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  signal,
  containers: { labels: containerLabels(process.env, ownerLabels(owner)), cleanup },
  host: { name: host, isProcessAlive },
  cacheDir: envPaths("imgs", { suffix: "" }).cache,
}));

let error: unknown;
try {
  // Once stopped (a signal, a fault) the run may never settle: the code that failed was part of it,
  // or it waits for a stuck engine's answer. Its containers are removed, then it gets a moment to
  // unwind (write the files of images just done, say which failed).
  const stopped = new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  await Promise.race([run, stopped.then(() => cleanup.stop()).then(() => Promise.race([run.catch(() => undefined), sleep(UNWIND_MS)]))]);
} catch (caught) {
  // `await using` reports a failed removal after a failure as a bare SuppressedError.
  error = explainDisposal(caught);
}
faults.settled();
// A stopped run's removals (creates in flight included) end before the process does.
const left = signal.aborted ? await cleanup.stop() : [];
const say = (text: string): void => faults.stderr.write(`${text}\n`);
const fault = faults.fault;
if (fault !== undefined) {
  // The fault is the cause; the images that failed because the run stopped say nothing new.
  say(formatError(fault));
  if (process.env.IMGS_DEBUG && fault.cause instanceof Error && fault.cause.stack) say(fault.cause.stack);
} else if (error !== undefined) {
  say(formatError(error));
  if (process.env.IMGS_DEBUG && error instanceof Error && error.stack) say(error.stack);
}
for (const { id, error: why } of left) {
  say(`imgs: container ${id.slice(0, 12)} may be left: removing it failed (${messageOf(why)}); \`imgs cleanup\` removes it once the engine answers`);
}
stop.done();
process.exitCode = stop.exitCode ?? (fault !== undefined ? faultStatus(fault) : error !== undefined ? exitCodeFor(error) : 0);
// A fault after the work (a plugin's timer firing late) still says so and fails the run.
void faults.faulted.then((late) => {
  if (late === fault) return;
  say(formatError(late));
  process.exitCode = stop.exitCode ?? faultStatus(late);
});
// The work is done: a timer or socket a config or plugin left open must not keep imgs alive.
// (Writes to a pipe or a terminal are synchronous on Linux, so nothing printed is lost.)
setTimeout(() => faults.exit(Number(process.exitCode ?? 0)), 200).unref();

import { availableParallelism, homedir, machine } from "node:os";
import type Dockerode from "dockerode";
import { hideBin } from "yargs/helpers";
import { runCli } from "./cli.js";
import { exitCodeFor, formatError } from "./exit-code.js";
import { stopOnSignals } from "./stop-on-signals.js";

// The only place that reads the process: argv, env, the terminal, the clock, signals, the exit
// status. Everything else gets them as options.
const stop = stopOnSignals(process);
let client: Promise<Dockerode> | undefined;
try {
  await runCli(hideBin(process.argv), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    clock: { now: () => new Date() },
    // Loaded on first use: commands that need no engine never load dockerode.
    docker: () => (client ??= import("@imgs/runner").then((runner) => runner.createDocker({ env: process.env, homeDir: homedir() }).docker)),
    cpus: availableParallelism(),
    machine: machine(),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    signal: stop.signal,
  });
} catch (error) {
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

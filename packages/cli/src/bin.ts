import { availableParallelism } from "node:os";
import { createDocker } from "@imgs/runner";
import type Dockerode from "dockerode";
import { hideBin } from "yargs/helpers";
import { runCli } from "./cli.js";
import { exitCodeFor, formatError } from "./exit-code.js";

// The only place with real dependencies, the real argv and process.exitCode.
let docker: Dockerode | undefined;
try {
  await runCli(hideBin(process.argv), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    clock: { now: () => new Date() },
    docker: () => (docker ??= createDocker().docker),
    cpus: availableParallelism(),
  });
} catch (error) {
  process.stderr.write(`${formatError(error)}\n`);
  if (process.env.IMGS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = exitCodeFor(error);
}

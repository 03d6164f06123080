// Run by signal-cleanup.docker.test.ts as a child process (node --import tsx): wires the engine,
// labels, registry and signal handlers as imgs' bin does, starts a session, says so on stdout, and
// runs `sleep 60` in it until the test sends a signal (or kills it).
import { homedir, hostname, userInfo } from "node:os";
import {
  containerLabels,
  createContainerRegistry,
  createDocker,
  ownerLabels,
  removeContainersOnSignals,
  startContainer,
} from "../index.js";

const cleanup = createContainerRegistry();
removeContainersOnSignals(process, cleanup);
const { docker } = createDocker({ env: process.env, homeDir: homedir(), localUser: userInfo().username });
const owner = { runId: `sleep-in-session-${process.pid}`, host: hostname(), pid: process.pid, timeLimitMs: 60_000 };
const session = await startContainer({
  image: process.argv[2] ?? "imgs.localhost/busybox:latest",
  docker,
  labels: containerLabels(process.env, ownerLabels(owner)),
  cleanup,
});
process.stdout.write(`started ${session.id}\n`);
try {
  await session.exec(["sleep", "60"]);
} catch (error) {
  // A signal closes the session under the running exec; a real CLI reports it the same way.
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
} finally {
  await session.close();
}

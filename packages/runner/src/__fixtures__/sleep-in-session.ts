// Run by signal-cleanup.docker.test.ts as a child process (node --import tsx): starts a session,
// says so on stdout, and runs `sleep 60` in it until the test sends a signal.
import { startContainer } from "../index.js";

const session = await startContainer({ image: process.argv[2] ?? "imgs.localhost/busybox:latest" });
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

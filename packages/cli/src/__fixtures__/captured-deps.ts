import { containerLabels, createContainerRegistry, DEFAULT_RUN_TIME_LIMIT_MS, ownerLabels } from "@imgs/runner";
import type { CliDeps } from "../deps.js";

/** CliDeps whose stdout and stderr are captured as text; the engine must not be touched unless `docker` is given. */
export function capturedDeps(overrides: Partial<CliDeps> = {}): CliDeps & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const registry = createContainerRegistry();
  return {
    cwd: process.cwd(),
    env: { ...process.env, GITHUB_ACTIONS: "", GITLAB_CI: "", JENKINS_URL: "", TRAVIS: "" },
    stdout: { write: (text: string) => void (out += text) },
    stderr: { write: (text: string) => void (err += text) },
    clock: { now: () => new Date("2024-05-06T07:08:09.123Z") },
    docker: () => Promise.reject(new Error("the Docker engine was contacted")),
    machine: "x86_64",
    cpus: 2,
    // This test process owns the run. The labels are read when a run starts, so that a test's
    // labelNewContainers (which sets IMGS_CONTAINER_LABELS) marks the containers made after it.
    get containers() {
      const owner = { runId: "test-run", host: "imgs-test-host", pid: process.pid, timeLimitMs: DEFAULT_RUN_TIME_LIMIT_MS };
      return { labels: containerLabels(process.env, ownerLabels(owner)), cleanup: registry };
    },
    host: { name: "imgs-test-host", isProcessAlive: (pid) => pid === process.pid },
    ...overrides,
    out: () => out,
    err: () => err,
  };
}

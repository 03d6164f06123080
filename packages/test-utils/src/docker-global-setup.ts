import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The same script the README and .ci/run use: starts an engine if none answers, makes base images.
const engineScript = fileURLToPath(new URL("../../../scripts/engine.sh", import.meta.url));

let before = new Set<string>();

function containerIds(): string[] {
  const out = execFileSync("docker", ["ps", "--all", "--quiet", "--no-trunc"], { encoding: "utf8" });
  return out.split("\n").filter(Boolean);
}

/** Start the engine, make the base images, and remember which containers exist already. */
export function setup(): void {
  execFileSync("bash", [engineScript], { stdio: "inherit" });
  before = new Set(containerIds());
}

/** Fail the run when a container created during it still exists (and remove it). */
export function teardown(): void {
  const leaked = containerIds().filter((id) => !before.has(id));
  if (leaked.length === 0) return;
  const names = execFileSync("docker", ["inspect", "--format", "{{.Name}} {{.Config.Image}} {{json .Config.Labels}}", ...leaked], {
    encoding: "utf8",
  });
  execFileSync("docker", ["rm", "--force", ...leaked], { stdio: "ignore" });
  // vitest reports an error thrown here but still exits 0; the exit code must say the run failed.
  process.exitCode = 1;
  throw new Error(`the Docker tests left ${leaked.length} container(s) behind (now removed):\n${names}`);
}

import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";

// The same script the README and .ci/run use: starts an engine if none answers, makes base images.
const engineScript = fileURLToPath(new URL("../../../scripts/engine.sh", import.meta.url));

/** Label that marks the containers of one test run (set through IMGS_CONTAINER_LABELS). */
export const TEST_RUN_LABEL = "dev.imgs.test-run";

let before = new Set<string>();
let runId = "";

interface ContainerRow {
  id: string;
  name: string;
  image: string;
  run: string | undefined;
}

// The classic builder runs each RUN step in a container made from the previous step's image id;
// such containers belong to a `docker build`, which removes them itself.
const isBuildStep = (c: ContainerRow): boolean => c.run === undefined && c.image.startsWith("sha256:");

function containers(): ContainerRow[] {
  const ids = execFileSync("docker", ["ps", "--all", "--quiet", "--no-trunc"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  if (ids.length === 0) return [];
  const rows = execFileSync("docker", ["inspect", "--format", "{{json .}}", ...ids], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { Id: string; Name: string; Config: { Image: string; Labels: Record<string, string> | null } });
  return rows.map((r) => ({ id: r.Id, name: r.Name, image: r.Config.Image, run: r.Config.Labels?.[TEST_RUN_LABEL] }));
}

/**
 * Start the engine, make the base images, remember which containers exist already, and label every
 * container imgs starts in this run (workers and child processes inherit the environment).
 */
export function setup(): void {
  execFileSync("bash", [engineScript], { stdio: "inherit" });
  before = new Set(containers().map((c) => c.id));
  runId = randomUUID();
  const extra = process.env.IMGS_CONTAINER_LABELS;
  process.env.IMGS_CONTAINER_LABELS = [extra, `${TEST_RUN_LABEL}=${runId}`].filter(Boolean).join(",");
}

/**
 * Fail the run when a container created during it still exists, and remove it. Containers that
 * carry another run's label belong to a test run going on beside this one, and build-step
 * containers to a `docker build` in progress; both are left alone.
 */
export function teardown(): void {
  const leaked = containers().filter((c) => !before.has(c.id) && (c.run === undefined || c.run === runId) && !isBuildStep(c));
  if (leaked.length === 0) return;
  execFileSync("docker", ["rm", "--force", ...leaked.map((c) => c.id)], { stdio: "ignore" });
  // vitest reports an error thrown here but still exits 0; the exit code must say the run failed.
  process.exitCode = 1;
  const list = leaked.map((c) => `  ${c.name.replace(/^\//, "")} (${c.image})`).join("\n");
  throw new Error(`the Docker tests left ${leaked.length} container(s) behind (now removed):\n${list}`);
}

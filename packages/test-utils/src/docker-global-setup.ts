import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The same script the README and .ci/run use: starts an engine if none answers, makes base images.
const engineScript = fileURLToPath(new URL("../../../scripts/engine.sh", import.meta.url));

/** Label that marks the containers of one test run (set through IMGS_CONTAINER_LABELS). */
export const TEST_RUN_LABEL = "dev.imgs.test-run";

let runId = "";
let cacheHome = "";

interface ContainerRow {
  id: string;
  name: string;
  image: string;
}

/** The containers that carry this run's label; one `docker ps` call, so none can vanish half-way. */
function containersOfRun(id: string): ContainerRow[] {
  const out = execFileSync(
    "docker",
    ["ps", "--all", "--no-trunc", "--filter", `label=${TEST_RUN_LABEL}=${id}`, "--format", "{{.ID}}\t{{.Names}}\t{{.Image}}"],
    { encoding: "utf8" },
  );
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [cid = "", name = "", image = ""] = line.split("\t");
      return { id: cid, name, image };
    });
}

/**
 * Start the engine, make the base images, and label every container imgs starts in this run
 * (workers and child processes inherit the environment). Test fixtures that start containers
 * with the docker CLI pass the same labels.
 */
export function setup(): void {
  execFileSync("bash", [engineScript], { stdio: "inherit" });
  // The docker and registry projects both set up the engine; a run has one label, whoever sets it.
  const existing = new RegExp(`(?:^|,)${TEST_RUN_LABEL}=([^,]+)`).exec(process.env.IMGS_CONTAINER_LABELS ?? "")?.[1];
  if (existing) {
    runId = existing;
    return;
  }
  runId = randomUUID();
  const extra = process.env.IMGS_CONTAINER_LABELS;
  process.env.IMGS_CONTAINER_LABELS = [extra, `${TEST_RUN_LABEL}=${runId}`].filter(Boolean).join(",");
  // The binary keeps exec results in the user's cache folder; each run starts from an empty one,
  // so no test passes on results another run left (and the user's own cache is never touched).
  cacheHome = mkdtempSync(join(tmpdir(), "imgs-test-cache-"));
  process.env.XDG_CACHE_HOME = cacheHome;
}

/**
 * Fail the run when a container of this run still exists, and remove it. Only containers with
 * this run's label count: others on the engine may belong to a user's own imgs run or to a test
 * run going on beside this one, and are never touched.
 */
export function teardown(): void {
  if (cacheHome) rmSync(cacheHome, { recursive: true, force: true });
  const leaked = containersOfRun(runId);
  if (leaked.length === 0) return;
  execFileSync("docker", ["rm", "--force", ...leaked.map((c) => c.id)], { stdio: "ignore" });
  // vitest reports an error thrown here but still exits 0; the exit code must say the run failed.
  process.exitCode = 1;
  const list = leaked.map((c) => `  ${c.name} (${c.image})`).join("\n");
  throw new Error(`the Docker tests left ${leaked.length} container(s) behind (now removed):\n${list}`);
}

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { setup as engineSetup, teardown as engineTeardown } from "./docker-global-setup.js";

// The slow project: a real registry (started per test file with startRegistry) and the real engine.
const registryScript = fileURLToPath(new URL("../../../scripts/registry.sh", import.meta.url));

/** Install docker-registry, skopeo and htpasswd when missing, then the engine's setup (engine, base images, run label). */
export function setup(): void {
  execFileSync("bash", [registryScript, "install"], { stdio: "inherit" });
  engineSetup();
}

/** The engine's teardown: fail the run if a container of this run was left behind. */
export const teardown = engineTeardown;

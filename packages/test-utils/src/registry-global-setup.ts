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

/**
 * Local tags under a test registry's address (`127.0.0.1:PORT/imgs-registry-test/…`) are made
 * only by these tests; each file removes its own, and this removes any a file missed (named on
 * stderr, so a leak is seen), then runs the engine's teardown (which fails the run for a
 * container left behind).
 */
export function teardown(): void {
  const references = execFileSync("docker", ["images", "--format", "{{.Repository}}:{{.Tag}}"], { encoding: "utf8" })
    .split("\n")
    .filter((reference) => /^127\.0\.0\.1:\d+\/imgs-registry-test\//.test(reference));
  if (references.length > 0) {
    process.stderr.write(`registry tests: ${references.length} local tag(s) of test registries were left and are now removed:\n  ${references.join("\n  ")}\n`);
    execFileSync("docker", ["rmi", ...references], { stdio: "ignore" });
  }
  engineTeardown();
}

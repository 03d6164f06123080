import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_RUN_LABEL, setup, teardown } from "./docker-global-setup.js";

const exists = (name: string): boolean =>
  execFileSync("docker", ["ps", "--all", "--quiet", "--filter", `name=^${name}$`], { encoding: "utf8" }).trim() !== "";

describe("docker global setup", () => {
  // setup() and teardown() change what the real run relies on; put both back afterwards.
  let savedLabels: string | undefined;
  let savedExitCode: typeof process.exitCode;
  beforeEach(() => {
    savedLabels = process.env.IMGS_CONTAINER_LABELS;
    savedExitCode = process.exitCode;
  });
  afterEach(() => {
    if (savedLabels === undefined) delete process.env.IMGS_CONTAINER_LABELS;
    else process.env.IMGS_CONTAINER_LABELS = savedLabels;
    process.exitCode = savedExitCode;
  });

  it("teardown() fails the run naming a container left behind, and removes it", () => {
    setup();
    const labels = process.env.IMGS_CONTAINER_LABELS ?? "";
    // setup() appended its own run label; the last value of the key is this nested run's.
    const runLabel = labels
      .split(",")
      .filter((pair) => pair.startsWith(`${TEST_RUN_LABEL}=`))
      .at(-1);
    expect(runLabel).toMatch(new RegExp(`^${TEST_RUN_LABEL.replace(/\./g, "\\.")}=[0-9a-f-]{36}$`));
    const name = `imgs-leak-${randomUUID().slice(0, 8)}`;
    // Someone else's container on the same engine (no run label) must be left alone.
    const bystander = `imgs-bystander-${randomUUID().slice(0, 8)}`;
    execFileSync("docker", ["create", "--name", name, "--label", runLabel ?? "", "imgs.localhost/busybox:latest", "true"], { stdio: "ignore" });
    execFileSync("docker", ["create", "--name", bystander, "imgs.localhost/busybox:latest", "true"], { stdio: "ignore" });
    try {
      expect(exists(name)).toBe(true);
      const error: unknown = (() => {
        try {
          teardown();
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(`the Docker tests left 1 container(s) behind (now removed):\n  ${name} (imgs.localhost/busybox:latest)`);
      expect(process.exitCode).toBe(1);
      expect(exists(name)).toBe(false);
      expect(exists(bystander)).toBe(true);
    } finally {
      execFileSync("docker", ["rm", "--force", name, bystander], { stdio: "ignore" });
    }
  });
});

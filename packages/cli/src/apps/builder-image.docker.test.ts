import { execFile } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { LABELS_ENV } from "@imgs/runner/internal";
import { containersWithLabel, docker, dockerRun, ensureExampleImages, labelNewContainers, makeGitRepo, testRunLabel, type GitRepoFixture } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Acceptance 2: imgs as a builder container (seed 004), against the host's engine through its socket.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const run = promisify(execFile);
const SOCKET = "/var/run/docker.sock";
let image = "";
const repos: GitRepoFixture[] = [];
const owner = `imgs-test-builder-${process.pid}`;

/** `docker run --rm` of the builder with the socket and `dir` mounted at `mountAt`, its containers labelled with `label`. */
function builder(dir: string, mountAt: string, label: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const labels = [testRunLabel(), label].join(",");
  // The builder talks to the engine over the socket only: it needs no network of its own.
  const args = ["run", "--rm", "--network", "none", "--label", testRunLabel(), "--label", label, "-v", `${SOCKET}:${SOCKET}`, "-v", `${dir}:${mountAt}`];
  args.push("-w", mountAt, "-e", `${LABELS_ENV}=${labels}`, image, ...argv);
  return new Promise((resolve) => {
    execFile("docker", args, { encoding: "utf8", maxBuffer: 1 << 24 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

beforeAll(async () => {
  await ensureExampleImages();
  // The project's own script, so the test runs the image a user gets from this checkout.
  image = (await run("bash", [join(ROOT, "scripts/builder-image.sh")], { encoding: "utf8", maxBuffer: 1 << 24 })).stdout.trim();
}, 600_000);

afterAll(async () => {
  const tags = (await docker("images", "--format", "{{.Repository}}:{{.Tag}}", `imgs.localhost/${owner}/*`)).split("\n").filter(Boolean);
  if (tags.length > 0) await docker("rmi", "--force", ...tags).catch(() => undefined);
  for (const repo of repos) repo.remove();
});

describe("the imgs builder image", () => {
  it("is FROM the local Debian base with a Node imgs supports", async () => {
    expect(image).toMatch(/^imgs\.localhost\/imgs:\d+\.\d+\.\d+/);
    const version = (await docker("run", "--rm", "--network", "none", "--label", testRunLabel(), "--entrypoint", "/usr/local/bin/node", image, "--version")).trim();
    const [major = 0, minor = 0] = version.slice(1).split(".").map(Number);
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
    const debian = await docker("image", "inspect", "--format", "{{.Id}}", "imgs.localhost/debian:bookworm");
    expect(await docker("history", "--quiet", "--no-trunc", image)).toContain(debian.trim());
  });

  it("tags the example tree from inside, against the host's engine, and leaves no container behind", async () => {
    const files: Record<string, string> = {};
    const repo = makeGitRepo(files);
    repos.push(repo);
    cpSync(join(ROOT, "examples/debian-stack"), repo.dir, { recursive: true, filter: (path) => !path.includes("/out") });
    const commit = repo.commit("The example stack").slice(0, 12);
    const marker = labelNewContainers();
    try {
      const result = await builder(repo.dir, "/repo", marker.label, "tag", "--all", "--platform", "x86_64");
      expect(result.stderr).not.toMatch(/FAILED/);
      expect(result.code).toBe(0);
      // The tags files the container wrote into the mounted repository.
      const tags = readFileSync(join(repo.dir, "out/tags/x86_64-default-python.txt"), "utf8").split("\n");
      expect(tags).toContain(`imgs.localhost/imgs-example/python:x86_64-${commit}`);
      expect(tags).toContain(`imgs.localhost/imgs-example/python:x86_64-python-3.11`);
      // imgs' own containers (one per image) and the builder are gone from the host.
      expect(await containersWithLabel(marker.label)).toEqual([]);
    } finally {
      marker.restore();
    }
  });

  it("builds from a path that exists only inside the container: the context is streamed as a tar", async () => {
    const repo = makeGitRepo({
      "app/Dockerfile": "FROM imgs.localhost/busybox:latest\nCOPY hello.txt /hello.txt\n",
      "app/hello.txt": "streamed\n",
      "imgs.config.yaml": `registry: imgs.localhost\nowner: ${owner}\nimages:\n  app: {dockerfile: app/Dockerfile}\n`,
    });
    repos.push(repo);
    const inside = `/inside-the-builder-only/${process.pid}`;
    expect(existsSync(inside)).toBe(false);
    const marker = labelNewContainers();
    try {
      const result = await builder(repo.dir, inside, marker.label, "build", "--all");
      expect(result.code).toBe(0);
      expect(result.stderr).toContain("1 built, 0 failed, 0 skipped");
      const head = repo.git("rev-parse", "HEAD");
      expect(await dockerRun(`imgs.localhost/${owner}/app:${head.slice(0, 12)}`, "sh", "-c", 'cat /hello.txt; echo "$SHA"')).toBe(`streamed\n${head}\n`);
      expect(await containersWithLabel(marker.label)).toEqual([]);
    } finally {
      marker.restore();
    }
  });
});

import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { LABELS_ENV } from "@imgs/runner/internal";
import {
  containersWithLabel,
  docker,
  dockerRun,
  EXAMPLE_IMAGES,
  ensureExampleImages,
  labelNewContainers,
  makeGitRepo,
  registryTags,
  skopeoDigest,
  startRegistry,
  testRunLabel,
  type GitRepoFixture,
  type TestRegistry,
} from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Acceptance 2: imgs as a builder container (seed 004), against the host's engine through its socket.
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const run = promisify(execFile);
const SOCKET = "/var/run/docker.sock";
// A tag of this run's own: other checkouts on the shared engine build imgs.localhost/imgs:<version> too.
const IMAGE = `imgs.localhost/imgs-test-builder:${process.pid}`;
let image = "";
const repos: GitRepoFixture[] = [];
const owner = `imgs-test-builder-${process.pid}`;
const registries: TestRegistry[] = [];

/** How a builder container is run besides the socket and the repository. */
interface BuilderRun {
  /** "none" (default: the builder talks to the engine over the socket only) or "host" (to reach a registry on 127.0.0.1). */
  readonly network?: "none" | "host";
  /** A docker config folder (config.json) mounted read-only where the docker CLI of root looks, /root/.docker. */
  readonly dockerConfig?: string;
}

/** `docker run --rm` of the builder with the socket and `dir` mounted at `mountAt`, its containers labelled with `label`. */
function builder(dir: string, mountAt: string, label: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return builderWith({}, dir, mountAt, label, ...argv);
}

function builderWith(how: BuilderRun, dir: string, mountAt: string, label: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const labels = [testRunLabel(), label].join(",");
  const args = ["run", "--rm", "--network", how.network ?? "none", "--label", testRunLabel(), "--label", label, "-v", `${SOCKET}:${SOCKET}`, "-v", `${dir}:${mountAt}`];
  if (how.dockerConfig !== undefined) args.push("-v", `${how.dockerConfig}:/root/.docker:ro`);
  args.push("-w", mountAt, "-e", `${LABELS_ENV}=${labels}`, image, ...argv);
  return new Promise((resolve) => {
    execFile("docker", args, { encoding: "utf8", maxBuffer: 1 << 24 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

beforeAll(async () => {
  await ensureExampleImages();
  // The push test's registry: Debian's docker-registry, as the registry tests start it.
  await run("bash", [join(ROOT, "scripts/registry.sh"), "install"]);
  // The project's own script, so the test runs the image a user gets from this checkout.
  const env = { ...process.env, IMGS_BUILDER_IMAGE: IMAGE };
  image = (await run("bash", [join(ROOT, "scripts/builder-image.sh")], { encoding: "utf8", maxBuffer: 1 << 24, env })).stdout.trim();
}, 600_000);

afterAll(async () => {
  const ours = (pattern: string) => docker("images", "--format", "{{.Repository}}:{{.Tag}}", pattern).then((out) => out.split("\n").filter(Boolean));
  const tags = [...(await ours(`imgs.localhost/${owner}/*`)), ...(await Promise.all(registries.map((r) => ours(`${r.address}/${owner}/*`)))).flat()];
  if (tags.length > 0) await docker("rmi", "--force", ...tags).catch(() => undefined);
  if (image === IMAGE) await docker("rmi", IMAGE).catch(() => undefined);
  await Promise.all(registries.map((r) => r.stop()));
  for (const repo of repos) repo.remove();
});

describe("the imgs builder image", () => {
  it("is FROM the local Debian base with a Node imgs supports", async () => {
    expect(image).toBe(IMAGE);
    const cli = JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string };
    expect((await docker("image", "inspect", "--format", '{{index .Config.Labels "org.opencontainers.image.version"}}', image)).trim()).toBe(cli.version);
    const version = (await docker("run", "--rm", "--network", "none", "--label", testRunLabel(), "--entrypoint", "/usr/local/bin/node", image, "--version")).trim();
    const [major = 0, minor = 0] = version.slice(1).split(".").map(Number);
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
    const debian = await docker("image", "inspect", "--format", "{{.Id}}", "imgs.localhost/debian:bookworm");
    expect(await docker("history", "--quiet", "--no-trunc", image)).toContain(debian.trim());
  });

  it("hooks the example tree from inside (tags files, build manifests, history lines), against the host's engine, and leaves no container behind", async () => {
    const files: Record<string, string> = {};
    const repo = makeGitRepo(files);
    repos.push(repo);
    cpSync(join(ROOT, "examples/debian-stack"), repo.dir, { recursive: true, filter: (path) => !path.includes("/out") });
    const commit = repo.commit("The example stack").slice(0, 12);
    const marker = labelNewContainers();
    try {
      const result = await builder(repo.dir, "/repo", marker.label, "hook", "--all", "--platform", "x86_64");
      expect(result.stderr).not.toMatch(/FAILED/);
      expect(result.code).toBe(0);
      // The files the container wrote into the mounted repository: a tags file, a build manifest
      // and a history line per image, named by docker-stacks' scheme.
      const tags = readFileSync(join(repo.dir, "out/tags/x86_64-default-python.txt"), "utf8").split("\n");
      expect(tags).toContain(`imgs.localhost/imgs-example/python:x86_64-${commit}`);
      expect(tags).toContain(`imgs.localhost/imgs-example/python:x86_64-python-3.11`);
      const each = (suffix: string) => EXAMPLE_IMAGES.map((name) => `x86_64-default-${name}-${commit}.${suffix}`).sort();
      expect(readdirSync(join(repo.dir, "out/manifests")).sort()).toEqual(each("md"));
      expect(readdirSync(join(repo.dir, "out/hist-lines")).sort()).toEqual(each("txt"));
      expect(readFileSync(join(repo.dir, `out/manifests/x86_64-default-python-${commit}.md`), "utf8")).toContain("## Pip Packages");
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

  it("pushes from inside to a registry on 127.0.0.1 with the mounted docker config; reads it back over the host's network", async () => {
    const registry = await startRegistry({ users: { ann: "right-password" } });
    registries.push(registry);
    const creds = "ann:right-password";
    const repo = makeGitRepo({
      "app/Dockerfile": "FROM imgs.localhost/busybox:latest\nRUN echo pushed > /pushed.txt\n",
      "imgs.config.yaml": `registry: ${registry.address}\nowner: ${owner}\nrepository: imgs-dev/imgs\nimages:\n  app: {dockerfile: app/Dockerfile, taggers: [commit-sha]}\n`,
    });
    repos.push(repo);
    const dockerConfig = mkdtempSync(join(tmpdir(), "imgs-builder-docker-config-"));
    writeFileSync(join(dockerConfig, "config.json"), JSON.stringify({ auths: { [registry.address]: { auth: Buffer.from(creds).toString("base64") } } }));
    const head = repo.git("rev-parse", "HEAD");
    const repository = `${registry.address}/${owner}/app`;
    const expected = [`${repository}:x86_64-latest`, `${repository}:x86_64-${head.slice(0, 12)}`];
    const marker = labelNewContainers();
    try {
      const inside = (how: BuilderRun, ...argv: string[]) => builderWith(how, repo.dir, "/repo", marker.label, ...argv);
      for (const step of [["build", "--all"], ["hook", "--all", "--platform", "x86_64"], ["apply", "--all", "--platform", "x86_64"]]) {
        const result = await inside({}, ...step);
        expect([step, result.code, result.stderr]).toEqual([step, 0, expect.not.stringMatching(/FAILED|error/)]);
      }
      expect(readFileSync(join(repo.dir, "out/tags/x86_64-default-app.txt"), "utf8").split("\n")).toEqual(expected);

      // Without the credentials the registry refuses the engine's push; nothing is written.
      const refused = await inside({}, "push", "--all", "--platform", "x86_64", "--retries", "0");
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`app: push of ${expected[0]} failed`);
      expect(await registryTags(registry.address, `${owner}/app`, creds)).toEqual([]);

      // The engine does the upload, so push needs the socket and the credentials, not a network.
      const pushed = await inside({ dockerConfig }, "push", "--all", "--platform", "x86_64", "--quiet");
      expect(pushed.code).toBe(0);
      const digest = await skopeoDigest(expected[0] ?? "", creds);
      expect(pushed.stdout).toBe(expected.map((reference) => `${reference} ${digest}\n`).join(""));
      expect(await registryTags(registry.address, `${owner}/app`, creds)).toEqual(["x86_64-latest", `x86_64-${head.slice(0, 12)}`].sort());

      // imgs talks to the registry itself here: the container needs the host's network to reach 127.0.0.1.
      const read = await inside({ dockerConfig, network: "host" }, "sha", expected[0] ?? "", "--from", "registry", "--format", "sha");
      expect(read).toEqual({ code: 0, stdout: `${head}\n`, stderr: "" });
      const isolated = await inside({ dockerConfig }, "sha", expected[0] ?? "", "--from", "registry", "--retries", "0");
      expect([isolated.code, isolated.stderr]).toEqual([1, expect.stringContaining(`GET ${expected[0]}: connection refused (ECONNREFUSED)`)]);
      expect(await containersWithLabel(marker.label)).toEqual([]);
    } finally {
      marker.restore();
      rmSync(dockerConfig, { recursive: true, force: true });
    }
  }, 300_000);
});

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { docker, makeGitRepo, runImgs, skopeoRaw, startRegistry, startSecondEngine, type GitRepoFixture, type SecondEngine, type TestRegistry } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The aarch64 builder for real: a second engine over tcp+TLS builds the busybox stack from a
// base image imported there for linux/arm64, tags and pushes it; this engine does x86_64; one
// merge makes indexes of both. Checked with skopeo and the engines' own image inspect.
const FIXTURE = fileURLToPath(new URL("../__fixtures__/registry-stack/", import.meta.url));
const CONFIG = join(FIXTURE, "imgs.config.ts");

let registry: TestRegistry;
let second: SecondEngine;
let repo: GitRepoFixture;
let out: string;

beforeAll(async () => {
  [registry, second] = await Promise.all([startRegistry(), startSecondEngine()]);
  repo = makeGitRepo({ "README.md": "two builders\n" }, { branch: "main" });
  out = await mkdtemp(join(tmpdir(), "imgs-second-engine-"));
});

afterAll(async () => {
  const names = registry ? (await docker("images", "--format", "{{.Repository}}:{{.Tag}}")).split("\n").filter((n) => n.startsWith(`${registry.address}/`)) : [];
  if (names.length > 0) await docker("rmi", ...names);
  await Promise.all([registry?.stop(), second?.stop(), out ? rm(out, { recursive: true, force: true }) : undefined]);
  repo?.[Symbol.dispose]();
});

async function builder(platform: string, env: Readonly<Record<string, string>>): Promise<void> {
  const common = ["-c", CONFIG, "--registry", registry.address, "--platform", platform, "--quiet"];
  const dirs = ["--tags-dir", join(out, "tags"), "--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];
  for (const argv of [["build", "--all"], ["hook", "--all", "--git-dir", repo.dir, ...dirs], ["apply", "--all", "--tags-dir", join(out, "tags")], ["push", "--all", "--tags-dir", join(out, "tags")]]) {
    const run = await runImgs([...argv, ...common], { env });
    if (run.code !== 0) throw new Error(`imgs ${argv[0]} on the ${platform} builder exited ${run.code}:\n${run.stderr}`);
  }
}

describe("two builders and a registry", () => {
  it("builds on an arm64 base imported into the second engine, and merges both platforms", async () => {
    await second.baseImage("imgs.localhost/busybox:latest", "linux/arm64");
    await builder("aarch64", second.env);
    await builder("x86_64", {});
    const built = (await second.docker("image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", `${registry.address}/imgs-registry-test/app:latest`)).trim();
    expect(built).toBe("linux/arm64");

    const merged = await runImgs(["merge", "--all", "-c", CONFIG, "--registry", registry.address, "--tags-dir", join(out, "tags"), "--push", "--quiet"]);
    expect(merged.code).toBe(0);
    const tags = (await readFile(join(out, "tags", "x86_64-default-app.txt"), "utf8")).split("\n").map((t) => t.replace("x86_64-", ""));
    for (const tag of tags) {
      const manifests = (await skopeoRaw(tag)).json.manifests as Array<{ platform: { os: string; architecture: string } }>;
      expect(manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`)).toEqual(["linux/arm64", "linux/amd64"]);
    }
  }, 600_000);
});

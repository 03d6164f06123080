import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  docker,
  makeGitRepo,
  registryTags,
  runImgs,
  skopeoDigest,
  skopeoRaw,
  startRegistry,
  startSecondEngine,
  type GitRepoFixture,
  type ImgsRun,
  type SecondEngine,
  type TestRegistry,
} from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Acceptance of the registry half, on the example tree: build → hook → apply → push on this
// engine (x86_64); the same images as an aarch64 builder's on a second engine over tcp+TLS →
// hook → apply → push; merge --push; promote; image-ref. Every result is read back with the
// registry's own API (curl) or skopeo, which share no code with imgs.
const CONFIG = fileURLToPath(new URL("../../../../examples/debian-stack/imgs.config.ts", import.meta.url));
const IMAGES = ["foundation", "python", "scientific", "r"] as const;

let registry: TestRegistry;
let second: SecondEngine;
let repo: GitRepoFixture;
let out: string;

const ref = (image: string, tag: string): string => `${registry.address}/imgs-example/${image}:${tag}`;
const tagsFile = (platform: string, image: string): string => join(out, "tags", `${platform}-default-${image}.txt`);
const tagsOf = async (platform: string, image: string): Promise<string[]> => (await readFile(tagsFile(platform, image), "utf8")).split("\n").filter(Boolean);
const digestOf = (reference: string): Promise<string> => skopeoDigest(reference);
// Pushing the example tree (about 440 MB of layers, gzipped by the engine) takes a minute or two.
const SLOW = 600_000;

/** imgs with the example config, this registry and the output folders; fails the test on a non-zero exit. */
async function imgs(argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<ImgsRun> {
  const run = await runImgs([...argv, "-c", CONFIG, "--registry", registry.address, "--quiet"], { env });
  if (run.code !== 0) throw new Error(`imgs ${argv.join(" ")} exited ${run.code}:\n${run.stderr}`);
  return run;
}

const outputs = (platform: string) => ["--platform", platform, "--git-dir", repo.dir, "--tags-dir", join(out, "tags"), "--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")];

beforeAll(async () => {
  [registry, second] = await Promise.all([startRegistry(), startSecondEngine()]);
  repo = makeGitRepo({ "README.md": "the example stack's release\n" }, { branch: "main" });
  out = await mkdtemp(join(tmpdir(), "imgs-release-flow-"));
});

afterAll(async () => {
  // Only the images this file named: everything under the test registry's address.
  const names = registry ? (await docker("images", "--format", "{{.Repository}}:{{.Tag}}")).split("\n").filter((n) => n.startsWith(`${registry.address}/`)) : [];
  if (names.length > 0) await docker("rmi", ...names);
  await Promise.all([registry?.stop(), second?.stop(), out ? rm(out, { recursive: true, force: true }) : undefined]);
  repo?.[Symbol.dispose]();
});

describe("the release flow on a real registry and two engines", () => {
  it("pushes exactly the tags of the x86_64 tags files from this engine", async () => {
    await imgs(["build", "--all"]);
    await imgs(["hook", "--all", ...outputs("x86_64")]);
    await imgs(["apply", "--all", "--platform", "x86_64", "--tags-dir", join(out, "tags")]);
    const pushed = await imgs(["push", "--all", "--platform", "x86_64", "--tags-dir", join(out, "tags")]);
    for (const image of IMAGES) {
      const tags = await tagsOf("x86_64", image);
      expect(await registryTags(registry.address, `imgs-example/${image}`)).toEqual(tags.map((t) => t.slice(t.lastIndexOf(":") + 1)).sort());
      // Every tag's printed digest is the one the registry holds.
      const digest = await digestOf(tags[0] ?? "");
      for (const tag of tags) expect(pushed.stdout).toContain(`${tag} ${digest}\n`);
    }
  }, SLOW);

  it("pushes the aarch64 builder's tags from a second engine reached by DOCKER_HOST over TLS", async () => {
    // The aarch64 builder has the same images with linux/arm64 configs (no emulation here: only
    // the platform metadata matters to an index).
    await second.loadAs("linux/arm64", IMAGES.map((image) => ref(image, "latest")));
    expect((await second.docker("image", "inspect", "--format", "{{.Architecture}}", ref("foundation", "latest"))).trim()).toBe("arm64");
    await imgs(["hook", "--all", ...outputs("aarch64")], second.env);
    await imgs(["apply", "--all", "--platform", "aarch64", "--tags-dir", join(out, "tags")], second.env);
    await imgs(["push", "--all", "--platform", "aarch64", "--tags-dir", join(out, "tags")], second.env);
    for (const image of IMAGES) {
      const both = [...(await tagsOf("x86_64", image)), ...(await tagsOf("aarch64", image))];
      expect(await registryTags(registry.address, `imgs-example/${image}`)).toEqual(both.map((t) => t.slice(t.lastIndexOf(":") + 1)).sort());
    }
  }, SLOW);

  it("merges every tag into one index with both platforms, as skopeo reads it", async () => {
    const merged = await imgs(["merge", "--all", "--push", "--tags-dir", join(out, "tags")]);
    for (const image of IMAGES) {
      const tags = (await tagsOf("x86_64", image)).map((t) => t.replace("x86_64-", ""));
      const [amd, arm] = await Promise.all([digestOf(ref(image, "x86_64-latest")), digestOf(ref(image, "aarch64-latest"))]);
      for (const tag of tags) {
        const { json } = await skopeoRaw(tag);
        const manifests = json.manifests as Array<{ digest: string; platform: { os: string; architecture: string } }>;
        expect(manifests.map((m) => [`${m.platform.os}/${m.platform.architecture}`, m.digest])).toEqual([
          ["linux/arm64", arm],
          ["linux/amd64", amd],
        ]);
        expect(merged.stdout).toContain(`${tag} ${await digestOf(tag)} (linux/arm64, linux/amd64)\n`);
      }
    }
  }, SLOW);

  it("promotes without touching the engine: the same digest under new tags, the image list unchanged", async () => {
    // This registry's names on the engine (other tests on the shared engine add their own meanwhile):
    // promote pulls nothing, so none appears, changes or goes.
    const images = async () =>
      (await docker("images", "--all", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"))
        .split("\n")
        .filter((line) => line.startsWith(`${registry.address}/`))
        .sort();
    const before = await images();
    expect(before.length).toBeGreaterThan(IMAGES.length);
    const digest = await digestOf(ref("foundation", "latest"));
    const run = await runImgs(["promote", ref("foundation", "latest"), "stable", `${registry.address}/imgs-example/released:v1`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${ref("foundation", "stable")} ${digest} (new tag)\n${registry.address}/imgs-example/released:v1 ${digest} (new tag)\n`);
    expect(await digestOf(ref("foundation", "stable"))).toBe(digest);
    expect(await digestOf(`${registry.address}/imgs-example/released:v1`)).toBe(digest);
    const released = (await skopeoRaw(`${registry.address}/imgs-example/released:v1`)).json.manifests as unknown[];
    expect(released).toHaveLength(2);
    expect(await images()).toEqual(before);
  }, SLOW);

  it("prints the digest references skopeo reports, merged and per platform", async () => {
    const merged = await imgs(["image-ref", "--all", "--tags-dir", join(out, "tags")]);
    const expected = await Promise.all(IMAGES.map(async (image) => `${registry.address}/imgs-example/${image}@${await digestOf(ref(image, "latest"))}\n`));
    expect(merged.stdout).toBe(expected.join(""));
    const arm = await imgs(["image-ref", "r", "--platform", "aarch64", "--tags-dir", join(out, "tags")]);
    expect(arm.stdout).toBe(`${registry.address}/imgs-example/r@${await digestOf(ref("r", "aarch64-latest"))}\n`);
  }, SLOW);
});

import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { docker, makeGitRepo, registryCatalog, registryTags, runImgs, skopeoDigest, startRegistry, type GitRepoFixture, type TestRegistry } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Every flag of push, merge, promote and image-ref, once through the binary, with what a user sees.
const FIXTURE = fileURLToPath(new URL("../__fixtures__/registry-stack/", import.meta.url));
const CONFIG = join(FIXTURE, "imgs.config.ts");
const SOURCE = "imgs-registry-flags/base:src";

let registry: TestRegistry;
let repo: GitRepoFixture;
let work: string;
let dir: string;
let tags: string[];
let sha: string;

const repository = () => `${registry.address}/imgs-registry-test/base`;

beforeAll(async () => {
  registry = await startRegistry();
  repo = makeGitRepo({ "README.md": "flags\n" }, { branch: "main" });
  sha = repo.git("rev-parse", "HEAD").slice(0, 12);
  work = await mkdtemp(join(tmpdir(), "imgs-registry-flags-"));
  dir = join(work, "tags");
  await docker("build", "--quiet", "--tag", SOURCE, join(FIXTURE, "images/base"));
  tags = ["x86_64-latest", `x86_64-${sha}`, "x86_64-stack-1.0"].map((t) => `${repository()}:${t}`);
  for (const tag of tags) await docker("tag", SOURCE, tag);
  await mkdir(dir);
  await writeFile(join(dir, "x86_64-default-base.txt"), tags.join("\n"));
});

afterAll(async () => {
  if (tags) await docker("rmi", ...tags, SOURCE);
  await registry?.stop();
  repo?.[Symbol.dispose]();
  if (work) await rm(work, { recursive: true, force: true });
});

const common = () => ["base", "-c", CONFIG, "--registry", registry.address, "--tags-dir", dir];

describe("imgs push flags", () => {
  it("--dry-run prints what would be pushed and pushes nothing", async () => {
    const run = await runImgs(["push", ...common(), "--platform", "x86_64", "--dry-run"]);
    expect(run).toMatchObject({ code: 0, stdout: tags.map((t) => `would push ${t}\n`).join("") });
    expect(await registryCatalog(registry.address)).toEqual([]);
  });

  it("--json and --github-output give every tag's digest", async () => {
    const output = join(work, "github-output");
    await writeFile(output, "earlier=kept\n");
    const run = await runImgs(["push", ...common(), "--platform", "x86_64", "--json", "--github-output", output, "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const digest = await skopeoDigest(tags[0] ?? "");
    expect(JSON.parse(run.stdout)).toEqual({
      dryRun: false,
      images: { base: { tagsFile: join(dir, "x86_64-default-base.txt"), tags: tags.map((reference) => ({ reference, digest })) } },
      failures: [],
    });
    expect(await readFile(output, "utf8")).toBe(`earlier=kept\ndigests<<IMGS_OUTPUT_EOF\n${tags.map((t) => `${t}@${digest}`).join("\n")}\nIMGS_OUTPUT_EOF\nbase-digest=${digest}\n`);
  });

  it.each([["-1"], ["2.5"], ["21"]])("--retries %s is a usage error (exit 2)", async (value) => {
    const run = await runImgs(["push", ...common(), "--retries", value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`imgs: --retries must be a whole number from 0 to 20, not ${value}\n`);
  });
});

describe("imgs merge flags", () => {
  it("is a dry run by default: commit-sha tags skipped, nothing written", async () => {
    const before = await registryTags(registry.address, "imgs-registry-test/base");
    const run = await runImgs(["merge", ...common(), "--git-dir", repo.dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `would merge ${repository()}:latest from ${tags[0]} (linux/amd64)\n` +
        `skipped ${repository()}:${sha}: a commit-sha tag, not pushed in a dry run\n` +
        `would merge ${repository()}:stack-1.0 from ${tags[2]} (linux/amd64)\n`,
    );
    expect(await registryTags(registry.address, "imgs-registry-test/base")).toEqual(before);
  });

  it("--push --json pushes an index per merged tag and says so", async () => {
    const run = await runImgs(["merge", ...common(), "--push", "--json", "--quiet"]);
    expect(run.code).toBe(0);
    const digest = await skopeoDigest(`${repository()}:latest`);
    expect(JSON.parse(run.stdout)).toEqual({
      pushed: true,
      images: {
        base: ["latest", sha, "stack-1.0"].map((t, i) => ({ tag: `${repository()}:${t}`, platformTags: [tags[i]], platforms: ["linux/amd64"], digest, skipped: null })),
      },
    });
  });
});

describe("imgs promote flags", () => {
  it("--dry-run says what would change and writes nothing; --json reports what it did", async () => {
    const digest = await skopeoDigest(`${repository()}:latest`);
    const dry = await runImgs(["promote", `${repository()}:latest`, "stable", "stack-1.0", "--dry-run"]);
    expect(dry).toMatchObject({ code: 0, stdout: `would tag ${repository()}:stable ${digest} (new tag)\nwould tag ${repository()}:stack-1.0 ${digest} (unchanged)\n` });
    expect(await registryTags(registry.address, "imgs-registry-test/base")).not.toContain("stable");
    const done = await runImgs(["promote", `${repository()}:latest`, `${registry.address}/imgs-registry-test/other:v1`, "--json"]);
    expect(JSON.parse(done.stdout)).toEqual({ dryRun: false, promoted: [{ destination: `${registry.address}/imgs-registry-test/other:v1`, digest, previous: null }] });
    expect(await skopeoDigest(`${registry.address}/imgs-registry-test/other:v1`)).toBe(digest);
  });
});

describe("imgs image-ref flags", () => {
  it("--json names the tag looked up; a missing tag is a warning unless pushing is expected", async () => {
    const run = await runImgs(["image-ref", ...common(), "--json"]);
    expect(JSON.parse(run.stdout)).toEqual({ refs: [{ image: "base", tag: `${repository()}:latest`, ref: `${repository()}@${await skopeoDigest(`${repository()}:latest`)}` }] });
    const absent = join(work, "absent");
    await mkdir(absent);
    await writeFile(join(absent, "aarch64-default-base.txt"), `${repository()}:aarch64-latest`);
    const warned = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", registry.address, "--tags-dir", absent, "--platform", "aarch64"]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toBe("");
    expect(warned.stderr).toContain(`imgs: warning: failed to calculate the digest of ${repository()}:aarch64-latest: HEAD ${repository()}:aarch64-latest: HTTP 404 Not Found`);
    const required = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", registry.address, "--tags-dir", absent, "--platform", "aarch64"], { env: { PUSH_TO_REGISTRY: "true" } });
    expect(required.code).toBe(1);
  });
});

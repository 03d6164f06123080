import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { docker, dockerRun, freePort, imageExists, makeGitRepo, runImgs, skopeo, skopeoDigest, skopeoRaw, startRegistry, type GitRepoFixture, type TestRegistry } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// imgs sha on registry images, through the binary: the sha read from the config blob without
// pulling, checked against skopeo's `inspect --config` and `docker run … echo $SHA`.
const FIXTURE = fileURLToPath(new URL("../__fixtures__/registry-stack/", import.meta.url));
const CONFIG = join(FIXTURE, "imgs.config.ts");
const REVISION = "org.opencontainers.image.revision";
const run = promisify(execFile);

let registry: TestRegistry;
let secured: TestRegistry;
let repo: GitRepoFixture;
let work: string;
/** HEAD of the first and of the second commit, built and pushed as :latest and :second. */
let first = "";
let second = "";
const local: string[] = [];

const ref = (tag: string, address = registry.address): string => `${address}/imgs-registry-test/base:${tag}`;
const sha = (...argv: string[]) => runImgs(["sha", ...argv]);

/** The config blob of a reference as skopeo reads it (`--override-arch` picks an index's platform). */
async function skopeoConfig(reference: string, arch = "amd64"): Promise<{ env: string[]; labels: Record<string, string>; digest: string }> {
  const text = await skopeo("inspect", "--config", "--raw", "--tls-verify=false", "--override-arch", arch, `docker://${reference}`);
  const json = JSON.parse(text) as { config?: { Env?: string[]; Labels?: Record<string, string> } };
  return { env: json.config?.Env ?? [], labels: json.config?.Labels ?? {}, digest: `sha256:${createHash("sha256").update(text).digest("hex")}` };
}

/** Put an image index made of these manifests (skopeo reads each one) under a tag, with curl. */
async function putIndex(tag: string, entries: ReadonlyArray<{ from: string; architecture: string }>): Promise<void> {
  const manifests = await Promise.all(
    entries.map(async ({ from, architecture }) => {
      const { text, json } = await skopeoRaw(from);
      return { mediaType: json.mediaType, digest: await skopeoDigest(from), size: Buffer.byteLength(text), platform: { os: "linux", architecture } };
    }),
  );
  const body = JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests });
  const url = `http://${registry.address}/v2/imgs-registry-test/base/manifests/${tag}`;
  const { stdout } = await run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "-H", "content-type: application/vnd.oci.image.index.v1+json", "--data-binary", body, url]);
  expect(stdout).toBe("201");
}

beforeAll(async () => {
  [registry, secured] = await Promise.all([startRegistry(), startRegistry({ users: { ann: "right-password" } })]);
  repo = makeGitRepo({ "README.md": "sha\n" }, { branch: "main" });
  work = await mkdtemp(join(tmpdir(), "imgs-sha-registry-"));
  const build = async (): Promise<string> => {
    const built = await runImgs(["build", "base", "-c", CONFIG, "--registry", registry.address, "--git-dir", repo.dir, "--quiet"]);
    expect(built.stderr).toBe("");
    const head = repo.git("rev-parse", "HEAD");
    local.push(ref(head.slice(0, 12)));
    return head;
  };
  first = await build();
  local.push(ref("latest"));
  await docker("push", "--quiet", ref("latest"));
  repo.write({ "README.md": "sha, again\n" });
  repo.commit("A second commit");
  second = await build();
  await docker("tag", ref(second.slice(0, 12)), ref("second"));
  local.push(ref("second"));
  await docker("push", "--quiet", ref("second"));
  // Put back :latest as the first commit's image (the second build moved it).
  await docker("tag", ref(first.slice(0, 12)), ref("latest"));
});

afterAll(async () => {
  const present = [];
  for (const name of new Set(local)) if (await imageExists(name)) present.push(name);
  if (present.length > 0) await docker("rmi", ...present);
  await Promise.all([registry?.stop(), secured?.stop()]);
  repo?.[Symbol.dispose]();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("imgs sha on a registry image", () => {
  it("--from registry reads the config blob: the sha skopeo and `docker run … echo $SHA` see", async () => {
    const config = await skopeoConfig(ref("latest"));
    const digest = await skopeoDigest(ref("latest"));
    expect(config.env).toContain(`SHA=${first}`);
    expect(await dockerRun(`${ref("latest").replace(/:latest$/, "")}@${digest}`, "sh", "-c", 'echo "$SHA"')).toBe(`${first}\n`);
    const text = await sha(ref("latest"), "--from", "registry");
    expect(text).toEqual({
      code: 0,
      stderr: "",
      stdout: `${first}\ncommit tag ${first.slice(0, 12)}, from the environment variable SHA of ${ref("latest")} (image ${digest}, linux/amd64, in the registry at http://${registry.address})\n`,
    });
    const json = JSON.parse((await sha(ref("latest"), "--from", "registry", "--format", "json")).stdout) as Record<string, unknown>;
    expect(json).toEqual({
      reference: ref("latest"),
      where: "registry",
      registry: registry.address,
      url: `http://${registry.address}`,
      digest,
      mediaType: "application/vnd.docker.distribution.manifest.v2+json",
      sha: first,
      source: { kind: "env", name: "SHA" },
      index: false,
      platform: "linux/amd64",
      manifest: digest,
      config: config.digest,
      platforms: [],
      tag: first.slice(0, 12),
      platformsAgree: true,
    });
    // --sha-env names a variable the image lacks: the revision label answers, as skopeo reads it.
    const label = await sha(ref("second"), "--from", "registry", "--sha-env", "COMMIT", "--format", "json");
    expect(JSON.parse(label.stdout)).toMatchObject({ sha: (await skopeoConfig(ref("second"))).labels[REVISION], source: { kind: "label", name: REVISION } });
    expect(JSON.parse(label.stdout)).toMatchObject({ sha: second });
  });

  it("auto reads the local image first, then the registry for a tag the engine does not have, without pulling it", async () => {
    const localRun = await sha(ref("latest"));
    expect(localRun.stdout).toMatch(new RegExp(`^${first}\\ncommit tag ${first.slice(0, 12)}, from the environment variable SHA of \\S+ \\(local image [0-9a-f]{12}\\)\\n$`));
    await skopeo("copy", "--quiet", "--src-tls-verify=false", "--dest-tls-verify=false", `docker://${ref("second")}`, `docker://${ref("remote-only")}`);
    const remote = await sha(ref("remote-only"), "--format", "json");
    expect(JSON.parse(remote.stdout)).toMatchObject({ where: "registry", sha: second, digest: await skopeoDigest(ref("remote-only")) });
    expect(await imageExists(ref("remote-only"))).toBe(false);
    // --from local does not look further.
    const localOnly = await sha(ref("remote-only"), "--from", "local");
    expect(localOnly.code).toBe(1);
    expect(localOnly.stderr).toMatch(new RegExp(`^imgs: ${ref("remote-only")} is not a local image \\(looked in the engine at unix:///var/run/docker.sock\\) \\[SHA_NOT_FOUND\\]\\n$`));
  });

  it("says where it looked when the image is nowhere, or holds no sha", async () => {
    const nowhere = await sha(ref("nowhere"));
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toBe(
      `imgs: ${ref("nowhere")} is not a local image (looked in the engine at unix:///var/run/docker.sock) nor in the registry at http://${registry.address} ` +
        `(GET ${ref("nowhere")}: HTTP 404 Not Found (MANIFEST_UNKNOWN: manifest unknown)) [SHA_NOT_FOUND]\n`,
    );
    const unnamed = await sha("imgs-registry-test/base:nowhere");
    expect([unnamed.code, unnamed.stderr]).toEqual([1, expect.stringContaining("it names no registry, so none was asked (name one, e.g. docker.io/imgs-registry-test/base, or use --from registry)")]);
    await skopeo("copy", "--quiet", "--dest-tls-verify=false", "docker-daemon:imgs.localhost/busybox:latest", `docker://${ref("no-sha")}`);
    const none = await sha(ref("no-sha"), "--from", "registry");
    const config = await skopeoConfig(ref("no-sha"));
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `imgs: ${ref("no-sha")} holds no commit sha: looked in the config blob ${config.digest} of linux/amd64 image ${await skopeoDigest(ref("no-sha"))} ` +
        `in the registry at http://${registry.address} for environment variable SHA and label ${REVISION} [IMAGE_HAS_NO_SHA]\n`,
    );
  });
});

describe("imgs sha on an image index", () => {
  it("reads this machine's platform by default and --platform's otherwise, and warns when the platforms differ", async () => {
    await putIndex("mixed", [
      { from: ref("latest"), architecture: "amd64" },
      { from: ref("second"), architecture: "arm64" },
    ]);
    const index = await skopeoDigest(ref("mixed"));
    const warning = (chosen: string) =>
      `imgs: warning: the platforms of ${ref("mixed")} carry different commit shas: linux/amd64 ${first}, linux/arm64 ${second}; this is ${chosen}'s (--platform chooses)\n`;
    const mine = await sha(ref("mixed"), "--from", "registry");
    expect(mine).toEqual({
      code: 0,
      stdout: `${first}\ncommit tag ${first.slice(0, 12)}, from the environment variable SHA of ${ref("mixed")} (the linux/amd64 image of image index ${index} in the registry at http://${registry.address})\n`,
      stderr: warning("linux/amd64"),
    });
    // skopeo, asked for arm64, reads the same config.
    expect((await skopeoConfig(ref("mixed"), "arm64")).env).toContain(`SHA=${second}`);
    for (const platform of ["linux/arm64", "aarch64"]) {
      const arm = await sha(ref("mixed"), "--platform", platform, "--format", "sha");
      expect(arm).toEqual({ code: 0, stdout: `${second}\n`, stderr: warning("linux/arm64") });
    }
    const json = JSON.parse((await sha(ref("mixed"), "--platform", "linux/arm64", "--format", "json")).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      index: true,
      digest: index,
      platform: "linux/arm64",
      manifest: await skopeoDigest(ref("second")),
      config: (await skopeoConfig(ref("mixed"), "arm64")).digest,
      platforms: [
        { platform: "linux/amd64", manifest: await skopeoDigest(ref("latest")), sha: first },
        { platform: "linux/arm64", manifest: await skopeoDigest(ref("second")), sha: second },
      ],
      platformsAgree: false,
    });
  });

  it("says so when every platform carries the same sha, and names the platforms an index lacks", async () => {
    await putIndex("agreed", [
      { from: ref("latest"), architecture: "amd64" },
      { from: ref("latest"), architecture: "arm64" },
    ]);
    const index = await skopeoDigest(ref("agreed"));
    const agreed = await sha(ref("agreed"));
    expect(agreed.stderr).toBe("");
    expect(agreed.stdout).toBe(
      `${first}\ncommit tag ${first.slice(0, 12)}, from the environment variable SHA of ${ref("agreed")} (the linux/amd64 image of image index ${index} in the registry at http://${registry.address}; all 2 platforms carry this sha)\n`,
    );
    const missing = await sha(ref("agreed"), "--platform", "linux/s390x");
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr: `imgs: ${ref("agreed")} has no linux/s390x image: image index ${index} in the registry at http://${registry.address} has linux/amd64, linux/arm64 [IMAGE_PLATFORM_MISSING]\n`,
    });
  });

  it("auto with --platform skips a local image of another platform; --from local refuses it", async () => {
    const arm = await sha(ref("latest"), "--platform", "linux/arm64");
    expect(arm.code).toBe(1);
    expect(arm.stderr).toMatch(
      new RegExp(
        `^imgs: ${ref("latest")} has no linux/arm64 image: local image [0-9a-f]{12} \\(the engine at unix:///var/run/docker.sock\\) is linux/amd64 and image sha256:[0-9a-f]{64} in the registry at http://${registry.address} has linux/amd64 \\[IMAGE_PLATFORM_MISSING\\]\\n$`,
      ),
    );
    const localOnly = await sha(ref("latest"), "--platform", "linux/arm64", "--from", "local");
    expect(localOnly.stderr).toMatch(/has no linux\/arm64 image: local image [0-9a-f]{12} \(the engine at \S+\) has linux\/amd64 \[IMAGE_PLATFORM_MISSING\]\n$/);
    await putIndex("multi", [
      { from: ref("second"), architecture: "amd64" },
      { from: ref("second"), architecture: "arm64" },
    ]);
    await docker("tag", ref("latest"), ref("multi"));
    local.push(ref("multi"));
    // The local :multi is amd64 and of the first commit; the registry's arm64 entry is the second's.
    expect((await sha(ref("multi"), "--platform", "linux/amd64", "--format", "sha")).stdout).toBe(`${first}\n`);
    expect((await sha(ref("multi"), "--platform", "linux/arm64", "--format", "sha")).stdout).toBe(`${second}\n`);
  });
});

describe("imgs sha's registry access", () => {
  it("reads credentials as the docker CLI does: refused without them, read with them", async () => {
    const target = ref("latest", secured.address);
    await skopeo("copy", "--quiet", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds", "ann:right-password", `docker://${ref("latest")}`, `docker://${target}`);
    const dockerConfig = join(work, "docker-config");
    await run("mkdir", ["-p", dockerConfig]);
    const none = await sha(target, "--from", "registry", "--retries", "0");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`imgs: GET ${target}: HTTP 401 Unauthorized`);
    expect(none.stderr).toContain(`no credentials for ${secured.address} (docker login ${secured.address}) [REGISTRY_UNAUTHORIZED]`);
    await writeFile(join(dockerConfig, "config.json"), JSON.stringify({ auths: { [secured.address]: { auth: Buffer.from("ann:right-password").toString("base64") } } }));
    const allowed = await runImgs(["sha", target, "--from", "registry", "--format", "sha"], { env: { DOCKER_CONFIG: dockerConfig } });
    expect(allowed).toEqual({ code: 0, stdout: `${first}\n`, stderr: "" });
  });

  it("--retries N retries a registry that does not answer N times, then names it", async () => {
    const port = await freePort();
    const gone = await sha(`127.0.0.1:${port}/imgs-registry-test/base:latest`, "--from", "registry", "--retries", "1");
    expect(gone).toEqual({
      code: 1,
      stdout: "",
      stderr: `imgs: GET 127.0.0.1:${port}/imgs-registry-test/base:latest: connection refused (ECONNREFUSED) (gave up after 2 attempts) [REGISTRY_REQUEST_FAILED]\n`,
    });
  });

  it.each([
    [["--from", "remote"], /Argument: from, Given: "remote", Choices: "auto", "local", "registry"/],
    [["--platform", "mips"], /--platform must be OS\/ARCH\[\/VARIANT\] \(linux\/arm64\) or x86_64, aarch64, amd64, arm64; got "mips"/],
    [["--platform", "linux/"], /--platform must be OS\/ARCH/],
    [["--retries", "-1"], /--retries must be a whole number from 0 to 20, not -1/],
    [["--length", "3"], /--length must be a whole number from 4 to 40, got 3/],
  ])("%j is a usage error (exit 2), before any registry is asked", async (flags, message) => {
    const port = await freePort();
    const bad = await sha(`127.0.0.1:${port}/imgs-registry-test/base:latest`, "--from", "registry", ...flags);
    expect([bad.code, bad.stdout]).toEqual([2, ""]);
    expect(bad.stderr).toMatch(message);
  });

  it("refuses a reference Docker would refuse with exit 2", async () => {
    const bad = await sha(`${registry.address}/Imgs/Base:latest`, "--from", "registry");
    expect(bad).toEqual({
      code: 2,
      stdout: "",
      stderr: `imgs: invalid image reference "${registry.address}/Imgs/Base:latest": repository part "Imgs" must be lower-case letters and digits, separated by ".", "_", "__" or "-" [INVALID_REFERENCE]\n`,
    });
  });
});

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { docker, registryCatalog, registryTags, runImgs, startRegistry, type TestRegistry } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The failures the registry commands must survive, each through the imgs binary: the message,
// the exit status, and what the registry holds afterwards, read with its own API (curl).
const FIXTURE = fileURLToPath(new URL("../__fixtures__/registry-stack/", import.meta.url));
const CONFIG = join(FIXTURE, "imgs.config.ts");
const SOURCE = { base: "imgs-registry-failures/base:src", app: "imgs-registry-failures/app:src" } as const;

let work: string;
const tagged: string[] = [];
const registries: TestRegistry[] = [];

/** Local tags for an image (docker tag), removed after the file. */
async function tagLocal(image: keyof typeof SOURCE, references: readonly string[]): Promise<void> {
  for (const reference of references) await docker("tag", SOURCE[image], reference);
  tagged.push(...references);
}

/** A tags folder with these files (name -> lines), in docker-stacks' format. */
async function tagsDir(files: Record<string, readonly string[]>): Promise<string> {
  const dir = await mkdtemp(join(work, "tags-"));
  for (const [name, lines] of Object.entries(files)) await writeFile(join(dir, name), lines.join("\n"));
  return dir;
}

async function registry(options: Parameters<typeof startRegistry>[0] = {}): Promise<TestRegistry> {
  const started = await startRegistry(options);
  registries.push(started);
  return started;
}

const names = (address: string, image: string, tags: readonly string[]) => tags.map((t) => `${address}/imgs-registry-test/${image}:${t}`);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "imgs-registry-failures-"));
  await docker("build", "--quiet", "--tag", SOURCE.base, join(FIXTURE, "images/base"));
  await docker("build", "--quiet", "--build-arg", `BASE_IMAGE=${SOURCE.base}`, "--tag", SOURCE.app, join(FIXTURE, "images/app"));
  tagged.push(SOURCE.app, SOURCE.base);
});

afterAll(async () => {
  if (tagged.length > 0) await docker("rmi", ...tagged.reverse());
  await Promise.all(registries.map((r) => r.stop()));
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * One address in front of two registries: requests for the `base` repository go to `dying`,
 * everything else to `healthy`. The first manifest PUT for `base` is held until `healthy` has
 * taken `appTags` manifest PUTs (so the other image is done), answered, and then `dying` is killed
 * (SIGKILL) and the door closes: every later request finds nobody listening, as a client of a
 * registry that stopped in the middle of a push does. Both images have one registry host in their
 * tags, as the tags files of one hierarchy do.
 */
async function splitFrontDoor(dying: TestRegistry, healthy: TestRegistry, appTags: number): Promise<{ address: string; server: Server }> {
  let stopping = false;
  let appPuts = 0;
  let appDone: () => void = () => undefined;
  const appPushed = new Promise<void>((resolve) => (appDone = resolve));
  const isManifestPut = (req: IncomingMessage): boolean => req.method === "PUT" && /\/manifests\//.test(req.url ?? "");
  const server = createHttpServer((req, res) => {
    const toDying = (req.url ?? "").startsWith("/v2/imgs-registry-test/base/");
    const backend = toDying ? dying : healthy;
    const upstream = request({ host: "127.0.0.1", port: Number(backend.address.split(":")[1]), path: req.url, method: req.method, headers: req.headers }, (answer) => {
      void (async () => {
        if (!toDying && isManifestPut(req) && ++appPuts === appTags) appDone();
        if (toDying && !stopping && isManifestPut(req)) {
          stopping = true;
          await appPushed;
          res.on("finish", () => {
            void dying.kill().then(() => {
              server.close();
              server.closeAllConnections();
            });
          });
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      })();
    });
    upstream.on("error", () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { address: `127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("imgs push when things go wrong", () => {
  it("retries a registry that stopped mid-push, then fails that image with a clear error while the others finish", async () => {
    const [dying, healthy] = await Promise.all([registry(), registry()]);
    const door = await splitFrontDoor(dying, healthy, 2);
    try {
      const base = names(door.address, "base", ["x86_64-latest", "x86_64-stack-1.0", "x86_64-extra"]);
      const app = names(door.address, "app", ["x86_64-latest", "x86_64-app-2.5"]);
      await tagLocal("base", base);
      await tagLocal("app", app);
      const dir = await tagsDir({ "x86_64-default-base.txt": base, "x86_64-default-app.txt": app });
      const run = await runImgs(["push", "--all", "-c", CONFIG, "--registry", door.address, "--platform", "x86_64", "--tags-dir", dir, "--retries", "2"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`imgs: 1 image\\(s\\) failed:\\n  base: push of ${base[1]} failed: .*connection refused.* \\(gave up after 3 attempts\\) \\[IMAGES_FAILED\\]\\n$`));
      // The failed image's tags that did go up are reported as they go (stderr); its result is not.
      expect(run.stderr).toMatch(new RegExp(`imgs: pushed ${base[0]} sha256:[0-9a-f]{64}\\n`));
      expect(run.stdout).not.toContain("/imgs-registry-test/base:");
      for (const reference of app) expect(run.stdout).toMatch(new RegExp(`${reference} sha256:[0-9a-f]{64}\\n`));
      // Back up on the same data: only the tag reported pushed is there; the other image is whole.
      await dying.start();
      expect(await registryTags(dying.address, "imgs-registry-test/base")).toEqual(["x86_64-latest"]);
      expect(await registryTags(healthy.address, "imgs-registry-test/app")).toEqual(["x86_64-app-2.5", "x86_64-latest"]);
    } finally {
      door.server.closeAllConnections();
      door.server.close();
    }
  }, 300_000);

  it("pushes nothing and exits 1 for a tags file with a line that is not a valid tag", async () => {
    const target = await registry();
    const good = names(target.address, "base", ["x86_64-latest"]);
    await tagLocal("base", good);
    const dir = await tagsDir({ "x86_64-default-base.txt": [...good, `${target.address}/imgs-registry-test/base:x86_64-not a tag`] });
    const run = await runImgs(["push", "base", "-c", CONFIG, "--registry", target.address, "--platform", "x86_64", "--tags-dir", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `imgs: tags file ${join(dir, "x86_64-default-base.txt")}: line 2 is not an image reference with a tag: "${target.address}/imgs-registry-test/base:x86_64-not a tag" [TAGS_FILE]\n`,
    );
    expect(await registryCatalog(target.address)).toEqual([]);
  });

  it("fails an image whose tag is missing locally without pushing any of its tags, and pushes the others", async () => {
    const target = await registry();
    const base = names(target.address, "base", ["x86_64-latest", "x86_64-never-applied"]);
    const app = names(target.address, "app", ["x86_64-latest"]);
    await tagLocal("base", base.slice(0, 1));
    await tagLocal("app", app);
    const dir = await tagsDir({ "x86_64-default-base.txt": base, "x86_64-default-app.txt": app });
    const run = await runImgs(["push", "--all", "-c", CONFIG, "--registry", target.address, "--platform", "x86_64", "--tags-dir", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`  base: image ${base[1]} does not exist in the local Docker engine (imgs never pulls; build or load it first)`);
    expect(await registryCatalog(target.address)).toEqual(["imgs-registry-test/app"]);
  });
});

describe("imgs push and image-ref on a registry that wants a password", () => {
  let secured: TestRegistry;
  let dockerConfig: string;
  const useCredentials = async (password: string): Promise<void> => {
    const auth = Buffer.from(`ann:${password}`).toString("base64");
    await writeFile(join(dockerConfig, "config.json"), JSON.stringify({ auths: { [secured.address]: { auth } } }));
  };
  const requestsInLog = async (): Promise<number> => (await readFile(join(secured.dir, "registry.log"), "utf8")).split("\n").filter((l) => l.includes("http.request.uri=")).length;

  beforeAll(async () => {
    secured = await registry({ users: { ann: "right-password" } });
    dockerConfig = await mkdtemp(join(work, "docker-config-"));
  });

  it("fails at once with wrong credentials (no retry on 401) and pushes nothing", async () => {
    const tags = names(secured.address, "base", ["x86_64-latest"]);
    await tagLocal("base", tags);
    const dir = await tagsDir({ "x86_64-default-base.txt": tags });
    await useCredentials("wrong-password");
    const argv = ["push", "base", "-c", CONFIG, "--registry", secured.address, "--platform", "x86_64", "--tags-dir", dir];
    // The registry's log counts the requests of one attempt; with retries allowed, there must be no more.
    const before = await requestsInLog();
    const once = await runImgs([...argv, "--retries", "0"], { env: { DOCKER_CONFIG: dockerConfig } });
    const oneAttempt = (await requestsInLog()) - before;
    const allowed = await runImgs([...argv, "--retries", "3"], { env: { DOCKER_CONFIG: dockerConfig } });
    expect((await requestsInLog()) - before - oneAttempt).toBe(oneAttempt);
    for (const run of [once, allowed]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`  base: push of ${tags[0]} failed: unauthorized: authentication required [IMAGES_FAILED]`);
    }
    expect(await registryCatalog(secured.address, "ann:right-password")).toEqual([]);

    const ref = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", secured.address, "--platform", "x86_64", "--tags-dir", dir, "--push"], { env: { DOCKER_CONFIG: dockerConfig } });
    expect(ref.code).toBe(1);
    expect(ref.stderr).toContain(`HEAD ${secured.address}/imgs-registry-test/base:x86_64-latest: HTTP 401 Unauthorized; the credentials were refused`);
  });

  it("pushes with the right credentials from the docker config, and image-ref reads the digest", async () => {
    const tags = names(secured.address, "app", ["x86_64-latest", "x86_64-app-2.5"]);
    await tagLocal("app", tags);
    const dir = await tagsDir({ "x86_64-default-app.txt": tags });
    await useCredentials("right-password");
    const run = await runImgs(["push", "app", "-c", CONFIG, "--registry", secured.address, "--platform", "x86_64", "--tags-dir", dir], { env: { DOCKER_CONFIG: dockerConfig } });
    expect(run.code).toBe(0);
    expect(await registryTags(secured.address, "imgs-registry-test/app", "ann:right-password")).toEqual(["x86_64-app-2.5", "x86_64-latest"]);
    const digest = /sha256:[0-9a-f]{64}/.exec(run.stdout)?.[0];
    const ref = await runImgs(["image-ref", "app", "-c", CONFIG, "--registry", secured.address, "--platform", "x86_64", "--tags-dir", dir], { env: { DOCKER_CONFIG: dockerConfig } });
    expect(ref.stdout).toBe(`${secured.address}/imgs-registry-test/app@${digest}\n`);
  });
});

describe("imgs merge and image-ref when the registry is not what the tags files say", () => {
  it("refuses --push, naming the tag and the platform, when a platform is missing, and writes nothing", async () => {
    const target = await registry();
    const amd = names(target.address, "base", ["x86_64-latest", "x86_64-stack-1.0"]);
    await tagLocal("base", amd);
    const arm = names(target.address, "base", ["aarch64-latest", "aarch64-stack-1.0"]);
    const dir = await tagsDir({ "x86_64-default-base.txt": amd, "aarch64-default-base.txt": arm });
    expect((await runImgs(["push", "base", "-c", CONFIG, "--registry", target.address, "--platform", "x86_64", "--tags-dir", dir])).code).toBe(0);
    const before = await registryTags(target.address, "imgs-registry-test/base");
    const run = await runImgs(["merge", "base", "-c", CONFIG, "--registry", target.address, "--tags-dir", dir, "--push"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "imgs: merge refused, nothing was pushed:\n" +
        arm.map((tag) => `  tag ${tag} is declared in the tags file ${join(dir, "aarch64-default-base.txt")} but is not in the registry; merging ${tag.replace("aarch64-", "")} would silently drop platform aarch64\n`).join("").replace(/\n$/, " [MERGE_REFUSED]\n"),
    );
    expect(await registryTags(target.address, "imgs-registry-test/base")).toEqual(before);
    // PUSH_TO_REGISTRY=true asks for the same as --push.
    const env = await runImgs(["merge", "base", "-c", CONFIG, "--registry", target.address, "--tags-dir", dir], { env: { PUSH_TO_REGISTRY: "TRUE" } });
    expect(env.code).toBe(1);
    expect(await registryTags(target.address, "imgs-registry-test/base")).toEqual(before);
  });

  it("waits out a 429's Retry-After, and gives up naming the status when the registry keeps sending it", async () => {
    const target = await registry();
    const tags = names(target.address, "base", ["x86_64-latest"]);
    await tagLocal("base", tags);
    const pushDir = await tagsDir({ "x86_64-default-base.txt": tags });
    expect((await runImgs(["push", "base", "-c", CONFIG, "--registry", target.address, "--platform", "x86_64", "--tags-dir", pushDir])).code).toBe(0);
    // A stub in front of the registry (docker-registry never rate-limits): 429 for the first `limited` requests.
    let limited = 1;
    const seen: number[] = [];
    const stub = createHttpServer((req, res) => {
      seen.push(performance.now());
      if (limited-- > 0) return res.writeHead(429, { "retry-after": "1", "content-type": "application/json" }).end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
      const upstream = request({ host: "127.0.0.1", port: Number(target.address.split(":")[1]), path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
    try {
      const address = `127.0.0.1:${(stub.address() as AddressInfo).port}`;
      const dir = await tagsDir({ "x86_64-default-base.txt": names(address, "base", ["x86_64-latest"]) });
      const ok = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", address, "--platform", "x86_64", "--tags-dir", dir, "--push"]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(new RegExp(`^${address}/imgs-registry-test/base@sha256:[0-9a-f]{64}\\n$`));
      expect(seen).toHaveLength(2);
      expect((seen[1] ?? 0) - (seen[0] ?? 0)).toBeGreaterThanOrEqual(1000);

      limited = 100;
      const gaveUp = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", address, "--platform", "x86_64", "--tags-dir", dir, "--push", "--retries", "1"]);
      expect(gaveUp.code).toBe(1);
      expect(gaveUp.stderr).toContain(`HEAD ${address}/imgs-registry-test/base:x86_64-latest: HTTP 429 Too Many Requests (gave up after 2 attempts)`);
    } finally {
      stub.closeAllConnections();
      stub.close();
    }
  });
});

describe("imgs image-ref when the registry fails", () => {
  /** A tags folder for `base` whose one tag lives on `address`. */
  const baseTagsAt = (address: string): Promise<string> => tagsDir({ "x86_64-default-base.txt": names(address, "base", ["x86_64-latest"]) });

  it("fails the image (exit 1), naming registry, repository, tag and status, when the registry answers 500; a 404 stays a warning", async () => {
    // A stub registry: 500 for everything but /v2/ (so the client gets as far as the manifest), 404 for the tag `gone`.
    const stub = createHttpServer((req, res) => {
      if (req.url === "/v2/") return res.writeHead(200, { "content-type": "application/json" }).end("{}");
      if ((req.url ?? "").endsWith("/manifests/x86_64-gone")) return res.writeHead(404, { "content-type": "application/json" }).end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
      res.writeHead(500, { "content-type": "text/plain" }).end("broken");
    });
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
    try {
      const address = `127.0.0.1:${(stub.address() as AddressInfo).port}`;
      const dir = await baseTagsAt(address);
      const run = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", address, "--platform", "x86_64", "--tags-dir", dir, "--retries", "0"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`  base: cannot calculate the image reference of ${address}/imgs-registry-test/base:x86_64-latest: HEAD ${address}/imgs-registry-test/base:x86_64-latest: HTTP 500`);
      expect(run.stderr).not.toContain("warning");

      const missing = await tagsDir({ "x86_64-default-base.txt": names(address, "base", ["x86_64-gone"]) });
      const warned = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", address, "--platform", "x86_64", "--tags-dir", missing, "--retries", "0"]);
      expect([warned.code, warned.stdout]).toEqual([0, ""]);
      expect(warned.stderr).toContain(`imgs: warning: failed to calculate the digest of ${address}/imgs-registry-test/base:x86_64-gone: HEAD ${address}/imgs-registry-test/base:x86_64-gone: HTTP 404`);
    } finally {
      stub.closeAllConnections();
      stub.close();
    }
  });

  it("fails the image (exit 1) when nothing listens on the registry's port", async () => {
    // A port that was free a moment ago and is closed now.
    const probe = createHttpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = `127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const dir = await baseTagsAt(address);
    const run = await runImgs(["image-ref", "base", "-c", CONFIG, "--registry", address, "--platform", "x86_64", "--tags-dir", dir, "--retries", "0"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`  base: cannot calculate the image reference of ${address}/imgs-registry-test/base:x86_64-latest: .*${address}/imgs-registry-test/base:x86_64-latest: .*connection refused`));
  });
});

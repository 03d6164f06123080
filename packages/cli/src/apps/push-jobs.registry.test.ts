import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { docker, registryTags, runImgs, startRegistry, type TestRegistry } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `imgs push --jobs N` through the binary, measured on the wire: a proxy in front of the registry
// sees which repositories the engine is pushing to at once.
const FIXTURE = fileURLToPath(new URL("../__fixtures__/registry-stack/", import.meta.url));
const CONFIG = join(FIXTURE, "imgs.config.ts");
const SOURCE = { base: `imgs-push-jobs-${process.pid}/base:src`, app: `imgs-push-jobs-${process.pid}/app:src` } as const;
// How long the proxy holds a repository's first manifest PUT waiting for another repository to start.
const HOLD_MS = 3000;

let registry: TestRegistry;
let proxy: { address: string; server: Server; windows: Map<string, { first: number; last: number }>; reset(): void };
let work: string;
const tagged: string[] = [];

/**
 * A proxy to the registry that records, per repository, the first request's arrival and the last
 * answer's end. It holds each repository's first manifest PUT until another repository has had a
 * request (or HOLD_MS pass), so two images that may be pushed at once are seen at once every time.
 */
async function startProxy(target: TestRegistry): Promise<typeof proxy> {
  const windows = new Map<string, { first: number; last: number }>();
  const held = new Set<string>();
  const server = createServer((req, res) => {
    const repository = /^\/v2\/(.+?)\/(?:blobs|manifests|tags)\//.exec(req.url ?? "")?.[1];
    const now = performance.now();
    if (repository !== undefined && !windows.has(repository)) windows.set(repository, { first: now, last: now });
    const forward = (): void => {
      const upstream = request({ host: "127.0.0.1", port: Number(target.address.split(":")[1]), path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        res.on("finish", () => {
          const window = repository === undefined ? undefined : windows.get(repository);
          if (window) window.last = performance.now();
        });
      });
      upstream.on("error", () => req.socket.destroy());
      req.pipe(upstream);
    };
    if (repository === undefined || req.method !== "PUT" || !req.url?.includes("/manifests/") || held.has(repository)) return forward();
    held.add(repository);
    const started = performance.now();
    const wait = (): void => {
      const others = [...windows.keys()].some((r) => r !== repository);
      if (others || performance.now() - started > HOLD_MS) forward();
      else setTimeout(wait, 50);
    };
    wait();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const reset = (): void => {
    windows.clear();
    held.clear();
  };
  return { address: `127.0.0.1:${(server.address() as AddressInfo).port}`, server, windows, reset };
}

/** The most repositories whose windows (first request to last answer) overlap at one moment. */
function mostAtOnce(windows: Iterable<{ first: number; last: number }>): number {
  const list = [...windows];
  return Math.max(0, ...list.map((w) => list.filter((o) => o.first <= w.first && w.first <= o.last).length));
}

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startProxy(registry);
  work = await mkdtemp(join(tmpdir(), "imgs-push-jobs-"));
  await docker("build", "--quiet", "--tag", SOURCE.base, join(FIXTURE, "images/base"));
  await docker("build", "--quiet", "--build-arg", `BASE_IMAGE=${SOURCE.base}`, "--tag", SOURCE.app, join(FIXTURE, "images/app"));
  tagged.push(SOURCE.app, SOURCE.base);
  for (const image of ["base", "app"] as const) {
    const tags = ["x86_64-latest", "x86_64-jobs"].map((t) => `${proxy.address}/imgs-registry-test/${image}:${t}`);
    for (const tag of tags) await docker("tag", SOURCE[image], tag);
    tagged.unshift(...tags);
    await writeFile(join(work, `x86_64-default-${image}.txt`), tags.join("\n"));
  }
});

afterAll(async () => {
  if (tagged.length > 0) await docker("rmi", ...tagged);
  proxy?.server.closeAllConnections();
  proxy?.server.close();
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const push = (...flags: string[]) => runImgs(["push", "--all", "-c", CONFIG, "--registry", proxy.address, "--platform", "x86_64", "--tags-dir", work, "--quiet", ...flags]);

describe("imgs push --jobs", () => {
  it("--jobs 1 pushes one image at a time; --jobs 2 lets both go at once", async () => {
    proxy.reset();
    const one = await push("--jobs", "1");
    expect([one.code, one.stderr]).toEqual([0, ""]);
    expect([...proxy.windows.keys()].sort()).toEqual(["imgs-registry-test/app", "imgs-registry-test/base"]);
    expect(mostAtOnce(proxy.windows.values())).toBe(1);
    for (const image of ["base", "app"]) expect(await registryTags(registry.address, `imgs-registry-test/${image}`)).toEqual(["x86_64-jobs", "x86_64-latest"]);

    proxy.reset();
    const two = await push("-j", "2");
    expect(two.code).toBe(0);
    expect(mostAtOnce(proxy.windows.values())).toBe(2);
  }, 120_000);

  it.each([["0"], ["1.5"], ["-2"]])("--jobs %s is a usage error (exit 2) and pushes nothing", async (value) => {
    proxy.reset();
    const run = await push("--jobs", value);
    expect([run.code, run.stderr]).toEqual([2, `imgs: --jobs must be a whole number of at least 1, got ${value}\n`]);
    expect(proxy.windows.size).toBe(0);
  });
});

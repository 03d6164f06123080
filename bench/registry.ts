import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { applyTags, buildImages, hookImages, mergeTags, pushImages, type CliDeps } from "@imgs/cli";
import type { RequestEvent } from "@imgs/registry";
import { processDocker, startRegistry, type TestRegistry } from "@imgs/test-utils";
import { benchDeps } from "./_cli-deps.js";
import { formatTimings } from "./_stats.js";
import type { BenchOptions } from "./_types.js";

const execFileAsync = promisify(execFile);
const CONFIG = "examples/debian-stack/imgs.config.ts";
const IMAGES = ["foundation", "python", "scientific", "r"];
// A push of the example tree uploads about 440 MB of layers: a few runs are enough to see it.
const MAX_RUNS = 3;

/** Section name, for `pnpm bench registry`. */
export const name = "registry";

const docker = async (...args: string[]): Promise<string> => (await execFileAsync("docker", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })).stdout;

/** Requests the registry logged (one access-log line each), from docker-registry's own log. */
const loggedRequests = async (registry: TestRegistry): Promise<number> =>
  (await readFile(join(registry.dir, "registry.log"), "utf8")).split("\n").filter((line) => line.includes("http.request.uri=")).length;

/** The example tree built and tagged for a registry address, its tags files in `tags`; returns every tag. */
async function prepare(address: string, tags: string, deps: CliDeps): Promise<string[]> {
  const options = { config: CONFIG, registry: address, all: true, quiet: true, platform: "x86_64" };
  const built = await buildImages(options, deps);
  if (built.failed.length > 0 || built.skipped.length > 0) throw new Error(`building the example failed: ${built.failed.map((f) => f.error.message).join("; ")}`);
  const hooked = await hookImages({ ...options, tagsDir: tags, manifestsDir: join(tags, "..", "manifests"), histLinesDir: join(tags, "..", "hist-lines") }, deps);
  if (hooked.failures.length > 0) throw new Error(`hook failed: ${hooked.failures.map((f) => f.error.message).join("; ")}`);
  const applied = await applyTags({ ...options, tagsDir: tags }, deps);
  return applied.flatMap((a) => a.tags);
}

/** The local tags of the example under an address, all of them removed afterwards. */
const localTags = async (address: string): Promise<string[]> =>
  (await docker("images", "--format", "{{.Repository}}:{{.Tag}}")).split("\n").filter((n) => n.startsWith(`${address}/`));

/**
 * Pushes the example tree's x86_64 tags to an empty registry on 127.0.0.1 with `imgs push` and,
 * beside it, with `docker push` of the same tags one by one (a fresh registry each time, so
 * neither finds layers already there); then merges the tags with `imgs merge --push` and counts
 * its registry requests per merged tag. Both pushes go through the engine, so their request
 * counts (from the registry's own log) should match; the time difference is imgs' own work.
 */
export async function run(options: BenchOptions): Promise<void> {
  const { log } = options;
  const runs = Math.min(options.runs, MAX_RUNS);
  const deps = benchDeps({ docker: processDocker().docker, clock: { now: () => new Date() }, stderr: { write: () => undefined } });
  const work = await mkdtemp(join(tmpdir(), "imgs-bench-registry-"));
  const imgsTimes: number[] = [];
  const dockerTimes: number[] = [];
  const requests = { imgs: 0, docker: 0 };
  let merge: { ms: number; requests: RequestEvent[]; tags: number; indexes: number } | undefined;
  let tagCount = 0;
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const tool of ["imgs", "docker"] as const) {
        const registry = await startRegistry();
        const tags = join(work, `${tool}-${i}`, "tags");
        try {
          const all = await prepare(registry.address, tags, deps);
          tagCount = all.length;
          const before = await loggedRequests(registry);
          const start = performance.now();
          if (tool === "imgs") {
            const pushed = await pushImages({ config: CONFIG, registry: registry.address, all: true, quiet: true, platform: "x86_64", tagsDir: tags }, deps);
            if (pushed.failures.length > 0) throw new Error(`imgs push failed: ${pushed.failures.map((f) => f.error.message).join("; ")}`);
          } else {
            for (const tag of all) await docker("push", "--quiet", tag);
          }
          (tool === "imgs" ? imgsTimes : dockerTimes).push(performance.now() - start);
          requests[tool] += (await loggedRequests(registry)) - before;
          if (tool === "imgs" && merge === undefined) {
            const events: RequestEvent[] = [];
            const mergeStart = performance.now();
            const result = await mergeTags({ config: CONFIG, registry: registry.address, all: true, quiet: true, tagsDir: tags, push: true, onRequest: (e) => events.push(e) }, deps);
            const merged = result.images.flatMap((image) => image.tags);
            merge = { ms: performance.now() - mergeStart, requests: events, tags: merged.length, indexes: new Set(merged.map((t) => t.digest)).size };
          }
        } finally {
          const names = await localTags(registry.address);
          if (names.length > 0) await docker("rmi", ...names);
          await registry.stop();
        }
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  log(`example tree: ${IMAGES.length} images, ${tagCount} x86_64 tags, pushed to an empty docker-registry on 127.0.0.1 each run (${runs} run(s))`);
  log("");
  for (const line of formatTimings([
    { label: "imgs push --all", samples: imgsTimes },
    { label: "docker push, tag by tag", samples: dockerTimes },
  ])) {
    log(line);
  }
  log("");
  log(`registry requests per push of the tree (its access log): imgs push ${requests.imgs / runs}, docker push ${requests.docker / runs}`);
  if (merge !== undefined) {
    const byKind = new Map<string, number>();
    for (const e of merge.requests) byKind.set(e.method, (byKind.get(e.method) ?? 0) + 1);
    const kinds = [...byKind].map(([method, n]) => `${n} ${method}`).join(", ");
    log(`imgs merge --all --push: ${merge.tags} merged tags (${merge.indexes} distinct indexes, one platform here) in ${merge.ms.toFixed(0)} ms`);
    log(`  ${merge.requests.length} registry requests (${kinds}): ${(merge.requests.length / merge.tags).toFixed(2)} per merged tag`);
  }
}

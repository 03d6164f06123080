import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildImages, runImages, type CliDeps } from "@imgs/cli";
import { labelNewContainers, processDocker, recordContainerEvents } from "@imgs/test-utils";
import { benchDeps } from "./_cli-deps.js";
import { countingDocker, type CountingDocker } from "./_counting-docker.js";
import { blankBuildTimestamp, outputDifferences, readOutputs, type OutputFiles } from "./_outputs.js";
import { formatPathTable, heavyRuns, type PathSamples } from "./_path-report.js";
import { summarize } from "./_stats.js";
import type { BenchOptions } from "./_types.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = "examples/debian-stack/imgs.config.ts";
const BIN = join(ROOT, "packages/cli/dist/bin.js");

/** Files as compared across lanes: the binary runs on the real clock, so build timestamps are blanked everywhere. */
const comparable = (text: string): string => blankBuildTimestamp(text).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "(timestamp)");

/** Section name, for `pnpm bench exec-cache`. */
export const name = "exec-cache";

type Work = { tags: boolean; manifest: boolean };

/** One measured way of producing the example's files. */
interface Lane extends PathSamples {
  readonly ms: number[];
  readonly containers: number[];
  readonly execs: number[];
  /** Runs one measurement into `out`, with the exec cache in `cache` (undefined: --no-cache). */
  readonly run: (out: string, cache: string | undefined) => Promise<void>;
  /** Whether each run starts from an empty cache folder (else one warmed by an untimed run). */
  readonly cold: boolean;
  /** False for a lane in another process, whose execs the counting client cannot see. */
  readonly countsExecs: boolean;
  readonly cache: boolean;
}

function library(label: string, steps: readonly Work[], docker: CountingDocker["docker"], clock: CliDeps["clock"], cold: boolean, cache = true): Lane {
  return {
    label,
    ms: [],
    containers: [],
    execs: [],
    cold,
    cache,
    countsExecs: true,
    async run(out, cacheDir) {
      for (const work of steps) {
        const options = { config: CONFIG, all: true, quiet: true, cache, tagsDir: join(out, "tags"), manifestsDir: join(out, "manifests"), histLinesDir: join(out, "hist-lines") };
        // The folder env-paths names for XDG_CACHE_HOME=cacheDir, so the binary lane shares the cache.
        const { failures } = await runImages(work, options, benchDeps({ docker, clock, cacheDir: cacheDir === undefined ? undefined : join(cacheDir, "imgs") }));
        if (failures[0]) throw new Error(`${label}: ${failures.map((f) => `${f.image}: ${f.error.message}`).join("; ")}`);
      }
    },
  };
}

/** `imgs hook --all` as a user runs it: the built binary, its cache in XDG_CACHE_HOME. */
function binary(label: string): Lane {
  return {
    label,
    ms: [],
    containers: [],
    execs: [],
    cold: false,
    cache: true,
    countsExecs: false,
    run: (out, cacheDir) =>
      new Promise((done, fail) =>
        execFile(
          process.execPath,
          [BIN, "hook", "--all", "-c", CONFIG, "--quiet", "--tags-dir", join(out, "tags"), "--manifests-dir", join(out, "manifests"), "--hist-lines-dir", join(out, "hist-lines")],
          { cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: cacheDir }, encoding: "utf8" },
          (error, _stdout, stderr) => (error ? fail(new Error(`${label}: ${stderr}`)) : done()),
        ),
      ),
  };
}

/**
 * Acceptance 4 of the build-history issue, on the example tree: `imgs hook --all` with an empty
 * exec cache, then rerun with no image changed (must start no container: counted from the
 * engine's own events, and the section fails otherwise; the target is under a second), the same
 * rerun through the built binary, and `imgs tag` followed by `imgs manifest` (docker-stacks' two
 * steps) against `imgs hook` alone, both from an empty cache, and `--no-cache`. Every lane must
 * write the files of the first (timestamps blanked).
 */
export async function run({ runs, log }: BenchOptions): Promise<void> {
  const count = heavyRuns(runs, process.env.BENCH_RUNS);
  const { docker, endpoint } = processDocker();
  const counting = countingDocker(docker);
  const built = await buildImages({ config: CONFIG, all: true, quiet: true }, benchDeps({ docker, clock: { now: () => new Date() } }));
  if (built.failed.length > 0) throw new Error(`building the example failed: ${built.failed.map((f) => `${f.image}: ${f.error.message}`).join("; ")}`);
  const instant = new Date();
  const clock = { now: () => new Date(instant.getTime()) };
  const lanes: Lane[] = [
    library("hook --all, empty cache", [{ tags: true, manifest: true }], counting.docker, clock, true),
    library("hook --all, rerun, no image changed", [{ tags: true, manifest: true }], counting.docker, clock, false),
    binary("imgs hook --all (binary), rerun"),
    library("tag then manifest, empty cache", [{ tags: true, manifest: false }, { tags: false, manifest: true }], counting.docker, clock, true),
    library("hook --all --no-cache", [{ tags: true, manifest: true }], counting.docker, clock, true, false),
  ];
  log(`engine ${endpoint}; ${CONFIG}; ${count} timed runs of each lane, alternating; containers counted from the engine's events`);

  const tmp = await mkdtemp(join(tmpdir(), "imgs-bench-exec-cache-"));
  const label = labelNewContainers();
  let reference: OutputFiles | undefined;
  try {
    const warm = join(tmp, "warm-cache");
    await lanes[0]?.run(join(tmp, "warm-up"), warm);
    reference = await readOutputs(join(tmp, "warm-up"));
    for (let i = 0; i < count; i++) {
      for (const [l, lane] of lanes.entries()) {
        const out = join(tmp, `out-${i}-${l}`);
        const cache = lane.cache ? (lane.cold ? join(tmp, `cache-${i}-${l}`) : warm) : undefined;
        const events = await recordContainerEvents([label.label]);
        counting.take();
        const start = performance.now();
        await lane.run(out, cache);
        lane.ms.push(performance.now() - start);
        lane.containers.push((await events.settle()).filter((e) => e.action === "create").length);
        const { execs } = counting.take();
        if (lane.countsExecs) lane.execs.push(execs);
        const differences = outputDifferences(reference, await readOutputs(out), comparable);
        if (differences.length > 0) throw new Error(`${lane.label} wrote other files than the first run:\n  ${differences.join("\n  ")}`);
        await rm(out, { recursive: true, force: true });
      }
    }
  } finally {
    label.restore();
    await rm(tmp, { recursive: true, force: true });
  }
  log("");
  for (const line of formatPathTable(lanes)) log(line);
  const [, rerun, rerunBinary, twoSteps] = lanes;
  for (const lane of [rerun, rerunBinary]) {
    if (lane === undefined) continue;
    if (lane.containers.some((c) => c !== 0)) throw new Error(`${lane.label} started containers: ${lane.containers.join(", ")}`);
    const median = summarize(lane.ms).median;
    log(`\n${lane.label}: no container started in ${lane.ms.length} runs; median ${(median / 1000).toFixed(2)} s (target: under 1 s: ${median < 1000 ? "met" : "NOT met"})`);
  }
  if (twoSteps !== undefined) log(`tag then manifest: ${twoSteps.containers.join(", ")} containers a run (one per image in all)`);
}

import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildImages, runImages, type CliDeps } from "@imgs/cli";
import { readGitSnapshot } from "@imgs/git-helper";
import { buildOrder, builtinCatalog, loadConfig } from "@imgs/hierarchy";
import { processDocker } from "@imgs/test-utils";
import { benchDeps } from "./_cli-deps.js";
import { countingDocker, type CountingDocker, type DockerCounts } from "./_counting-docker.js";
import { runSequential } from "./_docker-stacks-path.js";
import { outputDifferences, readOutputs, type OutputFiles } from "./_outputs.js";
import { formatPathTable, heavyRuns, ratioLine, type PathSamples } from "./_path-report.js";
import type { BenchOptions } from "./_types.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = "examples/debian-stack/imgs.config.ts";

/** Section name, for `pnpm bench hierarchy`. */
export const name = "hierarchy";

/** One way of writing every tags file, manifest and history line of the hierarchy into a folder. */
interface BenchPath {
  readonly label: string;
  run(outDir: string): Promise<void>;
}

/** What one run of a path took, what it asked of the engine, and what it wrote. */
interface Measurement {
  readonly ms: number;
  readonly counts: DockerCounts;
  readonly files: OutputFiles;
}

/** Why a path may fail that is no fault of its own, as far as the engine counts tell. */
function outsideRemoval({ containers, removed }: DockerCounts): string {
  if (removed >= containers) return "";
  // A `pnpm test:docker` run's teardown force-removes every container created during it that lacks its label.
  const gone = containers - removed;
  return ` (${gone} of the ${containers} containers it started ${gone === 1 ? "was" : "were"} removed by someone else, e.g. a Docker test run ending meanwhile)`;
}

async function measure(path: BenchPath, outDir: string, counting: CountingDocker): Promise<Measurement> {
  counting.take();
  const start = performance.now();
  try {
    await path.run(outDir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${path.label} failed${outsideRemoval(counting.take())}: ${message}`, { cause: error });
  }
  const ms = performance.now() - start;
  const counts = counting.take();
  if (counts.removed !== counts.containers) {
    throw new Error(`${path.label}: started ${counts.containers} containers but removed ${counts.removed}`);
  }
  const files = await readOutputs(outDir);
  await rm(outDir, { recursive: true, force: true });
  return { ms, counts, files };
}

/** Throws unless `files` are the reference files; names a commit made during the bench, which changes them. */
async function assertSameOutputs(label: string, reference: OutputFiles, files: OutputFiles, startCommit: string): Promise<void> {
  const differences = outputDifferences(reference, files);
  if (differences.length === 0) return;
  const { commit } = await readGitSnapshot({ dir: ROOT, env: process.env });
  const moved = commit === startCommit ? "" : ` (HEAD moved from ${startCommit.slice(0, 12)} to ${commit.slice(0, 12)} during the bench: run it again)`;
  throw new Error(`${label} wrote other files than imgs' first run${moved}:\n  ${differences.join("\n  ")}`);
}

function imgsPath(docker: CountingDocker["docker"], clock: CliDeps["clock"]): BenchPath {
  const deps = benchDeps({ docker, clock });
  return {
    label: "imgs (1 container an image, concurrent)",
    async run(outDir) {
      const options = { config: CONFIG, all: true, quiet: true, tagsDir: join(outDir, "tags"), manifestsDir: join(outDir, "manifests"), histLinesDir: join(outDir, "hist-lines") };
      const { failures } = await runImages({ tags: true, manifest: true }, options, deps);
      const first = failures[0];
      if (first) throw new Error(`imgs failed for ${failures.map((f) => f.image).join(", ")}: ${first.error.message}`, { cause: first.error });
    },
  };
}

/** A path and the samples its runs collect. */
interface Lane extends PathSamples {
  readonly path: BenchPath;
  readonly ms: number[];
  readonly containers: number[];
  readonly execs: number[];
}

const lane = (path: BenchPath): Lane => ({ path, label: path.label, ms: [], containers: [], execs: [] });

function sequentialPath(docker: CountingDocker["docker"], clock: CliDeps["clock"]): BenchPath {
  return {
    label: "docker-stacks (2 containers an image, sequential)",
    run: (outDir) => runSequential({ configFile: join(ROOT, CONFIG), outDir, docker, clock, env: process.env }),
  };
}

/**
 * Tags file, manifest and history line of every image of the example Debian stack: imgs' path
 * (runImages, one container an image, concurrent, exec cache) against docker-stacks' pattern (per
 * image in build order, one container for the tags file and another for the manifest, every
 * command in turn). Both must write the same files, or the section fails. A run of both paths
 * takes about ten seconds, so without BENCH_RUNS the driver's default of 20 runs is capped at 5;
 * a BENCH_RUNS that is set is taken as it is.
 */
export async function run({ runs, log }: BenchOptions): Promise<void> {
  const count = heavyRuns(runs, process.env.BENCH_RUNS);
  const { docker, endpoint } = processDocker();
  const counting = countingDocker(docker);
  const { hierarchy } = await loadConfig({ cwd: ROOT, configPath: CONFIG, catalog: builtinCatalog() });
  const images = buildOrder(hierarchy.images);
  // Cached layers make this a second when the images are there; a cold build takes about a minute.
  const built = await buildImages({ config: CONFIG, all: true, quiet: true }, benchDeps({ docker, clock: { now: () => new Date() } }));
  if (built.failed.length > 0) throw new Error(`building the example failed: ${built.failed.map((f) => `${f.image}: ${f.error.message}`).join("; ")}`);
  // One instant for every run of both paths, so date tags and timestamps agree and outputs compare.
  const instant = new Date();
  const clock = { now: () => new Date(instant.getTime()) };
  const imgs = lane(imgsPath(counting.docker, clock));
  const sequential = lane(sequentialPath(counting.docker, clock));

  log(`engine ${endpoint}; ${CONFIG}: ${images.join(", ")}; ${availableParallelism()} CPUs (imgs' default --jobs)`);
  const capped = count < runs ? ` (BENCH_RUNS unset: the driver's ${runs} capped for this heavy section)` : "";
  log(`${count} timed runs of each path, alternating, after one untimed warm-up of each${capped}`);

  const startCommit = (await readGitSnapshot({ dir: ROOT, env: process.env })).commit;
  const tmp = await mkdtemp(join(tmpdir(), "imgs-bench-hierarchy-"));
  try {
    // The warm-up pays for first container starts and module loading; imgs' files are the reference.
    const reference = (await measure(imgs.path, join(tmp, "warm-up-imgs"), counting)).files;
    if (reference.size !== 3 * images.length) throw new Error(`imgs wrote ${reference.size} files, not 3 for each of ${images.length} images`);
    await assertSameOutputs(sequential.label, reference, (await measure(sequential.path, join(tmp, "warm-up-sequential"), counting)).files, startCommit);
    log(`outputs: both paths wrote the same ${reference.size} files (tags files, manifests with the timestamp blanked, history lines), checked every run`);

    // Alternating spreads slow spells of a shared engine over both paths.
    for (let i = 0; i < count; i += 1) {
      for (const [p, { path, ms, containers, execs }] of [imgs, sequential].entries()) {
        const measurement = await measure(path, join(tmp, `run-${i}-${p}`), counting);
        await assertSameOutputs(path.label, reference, measurement.files, startCommit);
        ms.push(measurement.ms);
        containers.push(measurement.counts.containers);
        execs.push(measurement.counts.execs);
      }
    }
    log("");
    for (const line of formatPathTable([imgs, sequential])) log(line);
    log(`\n${ratioLine(sequential, imgs)}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

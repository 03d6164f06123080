import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, hostname, machine, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildImages } from "@imgs/cli";
import { tagPrefix, unifyPlatform } from "@imgs/manifests";
import type { createDocker } from "@imgs/runner";
import { processDocker, testEngine } from "@imgs/test-utils";
import {
  buildPackages,
  builtImgsIsStale,
  checkDockerStacksCheckout,
  findDockerStacksPython,
  outputDirs,
  runDockerStacksApps,
  runImgsHook,
  type DockerStacksApps,
} from "./_docker-stacks-apps.js";
import { makeStandInTree, OWNER, REGISTRY, type StandInTree } from "./_docker-stacks-tree.js";
import { floorLine, measureEngineFloor } from "./_engine-floor.js";
import { countEngineEvents, type EngineEventCounter } from "./_engine-events.js";
import { blankRunTime, readOutputs, type OutputFiles } from "./_outputs.js";
import { formatPathTable, heavyRuns, ratioLine, type PathSamples } from "./_path-report.js";
import { formatQuotedOutputRuns, quotedOutputRuns } from "./_quoted-output-parity.js";
import { compareRuns, type RunPair } from "./_run-comparison.js";
import type { BenchOptions } from "./_types.js";

/** Section name, for `pnpm bench docker-stacks`. */
export const name = "docker-stacks";

/** Timed runs of each side when BENCH_RUNS is not set: docker-stacks' side takes most of a minute. */
const DEFAULT_RUNS = 3;
/** Samples of a container's and an exec's cost, for the engine floor. */
const FLOOR_RUNS = 5;
/** Runs of each command in the quoted-output comparison (at most). */
const QUOTED_RUNS = 10;

/** A side of the comparison and what its runs measured. */
interface Side extends PathSamples {
  readonly run: (dir: string) => Promise<void>;
  readonly ms: number[];
  readonly containers: number[];
  readonly execs: number[];
}

/**
 * One timed run of a side. A run that fails is retried once, untimed attempt dropped and the
 * failure logged: docker-py, which docker-stacks' apps use, now and then loses a short command's
 * whole output (docker/docker-py#3332; its tagger then stops on "did not find ubuntu version"),
 * and one such fault should not void a bench of many minutes. A second failure ends the section.
 */
async function measure(side: Side, dir: string, counter: EngineEventCounter, log: BenchOptions["log"]): Promise<OutputFiles> {
  await counter.take();
  let start = performance.now();
  try {
    await side.run(dir);
  } catch (error) {
    log(`${side.label} failed, retrying once: ${(error instanceof Error ? error.message : String(error)).split("\n").at(-1) ?? ""}`);
    await rm(dir, { recursive: true, force: true });
    await counter.take();
    start = performance.now();
    await side.run(dir);
  }
  side.ms.push(performance.now() - start);
  const counts = await counter.take();
  if (counts.removed !== counts.containers) throw new Error(`${side.label}: started ${counts.containers} containers but removed ${counts.removed}`);
  side.containers.push(counts.containers);
  side.execs.push(counts.execs);
  return readOutputs(dir);
}

/**
 * Removes the containers of the stand-in images that are still there, and says how many: docker-
 * stacks' DockerRunner leaves a created container behind when the engine fails to start it. The
 * images are this section's own, so their containers are too.
 */
async function removeLeftovers(docker: ReturnType<typeof createDocker>["docker"], tree: StandInTree, log: BenchOptions["log"]): Promise<void> {
  const refs = tree.images.map((image) => `${REGISTRY}/${OWNER}/${image}`);
  const left = (await docker.listContainers({ all: true })).filter((c) => refs.some((ref) => c.Image === ref || c.Image === `${ref}:latest`));
  await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  if (left.length > 0) log(`removed ${left.length} container(s) left behind: ${left.map((c) => `${c.Id.slice(0, 12)} (${c.Image}, ${c.State})`).join(", ")}`);
}

/** Builds the tree's images with imgs (the engine's cache makes this seconds after the first time). */
async function buildTree(tree: StandInTree, docker: ReturnType<typeof createDocker>["docker"]): Promise<void> {
  const deps = {
    cwd: tree.dir,
    env: process.env,
    stdout: { write: () => undefined },
    stderr: process.stderr,
    clock: { now: () => new Date() },
    docker: () => Promise.resolve(docker),
    cpus: availableParallelism(),
    machine: machine(),
    containers: { labels: testEngine().labels },
    host: { name: hostname(), isProcessAlive: () => true },
  };
  const { failed } = await buildImages({ config: tree.configFile, all: true, quiet: true }, deps);
  if (failed.length > 0) throw new Error(`building the stand-in tree failed: ${failed.map((f) => `${f.image}: ${f.error.message}`).join("; ")}`);
}

/**
 * docker-stacks' own `write_tags_file` and `write_manifest` apps (from DOCKER_STACKS_DIR, as
 * `make hook/<image>` runs them, image after image) against `imgs hook --all`, over the same
 * eleven stand-in images and the same commit: the files must be byte-identical apart from the
 * build timestamp and the date tag. Prints files compared and identical, both sides' times and
 * engine counts, the time ratio, and docker-stacks' quoted_output against imgs' on commands that
 * write stdout, stderr or both. Without DOCKER_STACKS_DIR it says so and does nothing.
 */
export async function run({ runs, log }: BenchOptions): Promise<void> {
  const dir = process.env.DOCKER_STACKS_DIR;
  if (dir === undefined || dir === "") {
    log("skipped: set DOCKER_STACKS_DIR to a checkout of jupyter/docker-stacks to compare imgs with its own tagging apps");
    return;
  }
  const checkout = resolve(dir);
  await checkDockerStacksCheckout(checkout);
  const python = await findDockerStacksPython();
  if (await builtImgsIsStale()) {
    log("packages/*/dist is older than the source: pnpm build");
    await buildPackages();
  }
  const count = heavyRuns(runs, process.env.BENCH_RUNS, DEFAULT_RUNS);
  const { docker, endpoint } = processDocker();
  const tmp = await mkdtemp(join(tmpdir(), "imgs-bench-docker-stacks-"));
  let counter: EngineEventCounter | undefined;
  let made: StandInTree | undefined;
  try {
    const tree = await makeStandInTree(join(tmp, "repo"));
    made = tree;
    await buildTree(tree, docker);
    const apps: DockerStacksApps = { python, checkout, pycache: join(tmp, "pycache") };
    const prefix = tagPrefix({ platform: unifyPlatform(machine()), variant: "default" });
    log(`engine ${endpoint}; ${availableParallelism()} CPUs; docker-stacks from ${checkout} with ${python}`);
    log(`${tree.images.length} stand-in images ${REGISTRY}/${OWNER}/<image>:latest (examples/docker-stacks/stand-ins), commit ${tree.commit.slice(0, 12)}`);
    log(`${count} timed runs of each side, alternating, after one untimed warm-up of each`);

    counter = await countEngineEvents(docker, tree.images.map((image) => `${REGISTRY}/${OWNER}/${image}`));
    const dockerStacks: Side = { label: "docker-stacks' apps (write_tags_file, write_manifest)", run: (d) => runDockerStacksApps(apps, tree, outputDirs(d)), ms: [], containers: [], execs: [] };
    const imgs: Side = { label: "imgs hook --all", run: (d) => runImgsHook(tree, outputDirs(d)), ms: [], containers: [], execs: [] };
    const pairs: RunPair[] = [];
    for (let i = 0; i <= count; i += 1) {
      const files: OutputFiles[] = [];
      for (const side of [dockerStacks, imgs]) files.push(await measure(side, join(tmp, `run-${i}-${side === imgs ? "imgs" : "docker-stacks"}`), counter, log));
      // The warm-up pays for the first container starts from new images; its outputs count, its times do not.
      if (i === 0) for (const side of [dockerStacks, imgs]) for (const samples of [side.ms, side.containers, side.execs]) samples.pop();
      pairs.push({ dockerStacks: files[0] ?? new Map(), imgs: files[1] ?? new Map() });
    }
    const comparison = compareRuns(pairs, (text) => blankRunTime(text, prefix));
    log(`\noutputs: files compared ${comparison.compared}, files identical ${comparison.identical} (${count + 1} runs of tags files, manifests and history lines; build timestamp and date tag blanked)`);
    for (const difference of comparison.differences.slice(0, 20)) log(`  differs: ${difference}`);
    if (comparison.dockerStacksUnstable.length > 0) {
      log(`  ${comparison.dockerStacksUnstable.length} other(s) differ because docker-stacks wrote, in that run, another file than in its other runs, where it wrote imgs' file:`);
      log("  its output is racy: stdout and stderr in the order their frames arrive, and docker-py now and then losing a short command's output (docker/docker-py#3332)");
      for (const difference of comparison.dockerStacksUnstable.slice(0, 20)) log(`  docker-stacks unstable: ${difference}`);
    }
    log("");
    for (const line of formatPathTable([dockerStacks, imgs])) log(line);
    log(`\n${ratioLine(dockerStacks, imgs, "docker-stacks/imgs")}`);

    // Where the time goes: each side's engine calls at the cost they have now, one at a time.
    const floor = await measureEngineFloor(docker, `${REGISTRY}/${OWNER}/${tree.images[0] ?? ""}:latest`, ["python", "--version"], FLOOR_RUNS);
    log(`\nnow, one at a time: container create+start+remove ${floor.containerMs.toFixed(0)} ms, exec round trip ${floor.execMs.toFixed(0)} ms (medians of ${FLOOR_RUNS})`);
    for (const side of [dockerStacks, imgs]) log(floorLine(side, floor));

    const quotedRuns = Math.min(runs, QUOTED_RUNS);
    log(`\nquoted output, ${quotedRuns} runs of each command through docker-stacks' quoted_output and imgs' quotedOutput (stderr, then stdout):`);
    for (const line of formatQuotedOutputRuns(await quotedOutputRuns(apps, docker, `${REGISTRY}/${OWNER}/pyspark-notebook:latest`, quotedRuns))) log(line);
    if (comparison.differences.length > 0) throw new Error(`imgs' files differ from docker-stacks' in ${comparison.differences.length} cases (listed above)`);
  } finally {
    counter?.stop();
    if (made) await removeLeftovers(docker, made, log);
    await rm(tmp, { recursive: true, force: true });
  }
}

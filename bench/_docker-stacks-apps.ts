import { execFile } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { OWNER, REGISTRY, REPOSITORY, type StandInTree } from "./_docker-stacks-tree.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const IMGS_BIN = join(ROOT, "packages/cli/dist/bin.js");

/** Where one tool writes: docker-stacks' --tags-dir, --manifests-dir and --hist-lines-dir. */
export interface OutputDirs {
  readonly tags: string;
  readonly manifests: string;
  readonly histLines: string;
}

export const outputDirs = (dir: string): OutputDirs => ({ tags: join(dir, "tags"), manifests: join(dir, "manifests"), histLines: join(dir, "hist-lines") });

/** A program's failure with the end of what it wrote on stderr, which names the cause. */
async function runOrExplain(what: string, file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  try {
    await run(file, [...args], { ...options, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`${what} failed: ${stderr.trim().split("\n").slice(-15).join("\n") || String(error)}`, { cause: error });
  }
}

/** Throws unless `dir` holds docker-stacks' tagging apps. */
export async function checkDockerStacksCheckout(dir: string): Promise<void> {
  const app = join(dir, "tagging/apps/write_tags_file.py");
  if (!(await stat(app).catch(() => undefined))?.isFile()) {
    throw new Error(`DOCKER_STACKS_DIR=${dir} is not a docker-stacks checkout: it has no tagging/apps/write_tags_file.py`);
  }
}

/**
 * The first python3 that can import what docker-stacks' apps need (docker-py and plumbum): a
 * python on PATH may be another build than the system's, which Debian's packages install into.
 */
export async function findDockerStacksPython(candidates: readonly string[] = ["python3", "/usr/bin/python3"]): Promise<string> {
  for (const python of candidates) {
    const ok = await run(python, ["-c", "import docker, plumbum"]).then(
      () => true,
      () => false,
    );
    if (ok) return python;
  }
  throw new Error(`none of ${candidates.join(", ")} can import docker and plumbum, which docker-stacks' apps need: apt-get install python3-docker python3-plumbum`);
}

/** How docker-stacks' apps are run: which python, which checkout, a cache folder for its bytecode. */
export interface DockerStacksApps {
  readonly python: string;
  readonly checkout: string;
  /** PYTHONPYCACHEPREFIX, so the checkout gets no __pycache__ folders. */
  readonly pycache: string;
}

/**
 * docker-stacks' `make hook/<image>` for every image in build order, without apply_tags:
 * `python3 -m tagging.apps.write_tags_file` then `python3 -m tagging.apps.write_manifest`, run in
 * the tree's repository (GitHelper asks git there) with PYTHONPATH at the checkout.
 */
export async function runDockerStacksApps(apps: DockerStacksApps, tree: StandInTree, out: OutputDirs): Promise<void> {
  const env = { ...process.env, PYTHONPATH: apps.checkout, PYTHONPYCACHEPREFIX: apps.pycache };
  const common = ["--registry", REGISTRY, "--owner", OWNER, "--variant", "default"];
  for (const image of tree.images) {
    const tags = ["-m", "tagging.apps.write_tags_file", ...common, "--image", image, "--tags-dir", out.tags];
    await runOrExplain(`docker-stacks' write_tags_file for ${image}`, apps.python, tags, { cwd: tree.dir, env });
    const manifest = ["-m", "tagging.apps.write_manifest", ...common, "--image", image, "--hist-lines-dir", out.histLines, "--manifests-dir", out.manifests];
    await runOrExplain(`docker-stacks' write_manifest for ${image}`, apps.python, [...manifest, "--repository", REPOSITORY ?? ""], { cwd: tree.dir, env });
  }
}

/** `imgs -c <config> hook --all` from the built binary, in the tree's repository. */
export async function runImgsHook(tree: StandInTree, out: OutputDirs): Promise<void> {
  const args = [IMGS_BIN, "-c", tree.configFile, "hook", "--all", "--quiet", "--tags-dir", out.tags, "--manifests-dir", out.manifests, "--hist-lines-dir", out.histLines];
  await runOrExplain("imgs hook --all", process.execPath, args, { cwd: tree.dir });
}

/** Newest modification time of the files under `dir` that `pick` accepts, in ms (0 when none). */
async function newest(dir: string, pick: (path: string) => boolean): Promise<number> {
  const files = (await readdir(dir, { recursive: true })).filter(pick);
  const times = await Promise.all(files.map(async (file) => (await stat(join(dir, file))).mtimeMs));
  return Math.max(0, ...times);
}

/** Whether packages/*\/dist is missing or older than a source file, so `imgs` would run stale code. */
export async function builtImgsIsStale(): Promise<boolean> {
  const built = await stat(IMGS_BIN).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const source = await newest(join(ROOT, "packages"), (p) => /\/src\/.*\.ts$/.test(p) && !p.endsWith(".test.ts") && !p.includes("node_modules"));
  return built === 0 || source > built;
}

/** `pnpm build`, for builtImgsIsStale. */
export async function buildPackages(): Promise<void> {
  await runOrExplain("pnpm build", "pnpm", ["build"], { cwd: ROOT });
}

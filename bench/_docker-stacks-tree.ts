import { execFileSync } from "node:child_process";
import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isolatedGitEnv } from "@imgs/test-utils";
import dockerStacks from "../examples/docker-stacks/imgs.config.js";

const STAND_INS = fileURLToPath(new URL("../examples/docker-stacks/stand-ins/", import.meta.url));

/** docker-stacks' apps accept only these registries (common_cli_arguments.py). */
export const REGISTRY = "quay.io";
/** The owner of the stand-in images: `quay.io/imgs-bench/<image>:latest`, clearly not Jupyter's. */
export const OWNER = "imgs-bench";
/** What the manifests' links name, as in docker-stacks' own runs. */
export const REPOSITORY = dockerStacks.repository;

/** The stand-in tree as a git repository: what both tools read their commit from. */
export interface StandInTree {
  readonly dir: string;
  /** imgs' config for the tree: docker-stacks' hierarchy, with the stand-in Dockerfiles. */
  readonly configFile: string;
  /** docker-stacks' images, parents first. */
  readonly images: readonly string[];
  readonly commit: string;
}

/**
 * Lays the stand-in tree (examples/docker-stacks/stand-ins: images/<image>/Dockerfile as in
 * docker-stacks, so the history lines' Dockerfile links agree) out in `dir`, writes imgs' config
 * for it (examples/docker-stacks/imgs.config.ts with owner imgs-bench and the Dockerfiles) and
 * commits it all. The commit's author, committer and dates are fixed, so its hash is the same
 * every run.
 */
export async function makeStandInTree(dir: string): Promise<StandInTree> {
  await cp(STAND_INS, dir, { recursive: true });
  const images = Object.fromEntries(
    Object.entries(dockerStacks.images).map(([image, entry]) => [image, { ...entry, dockerfile: `images/${image}/Dockerfile`, context: "." }]),
  );
  const configFile = join(dir, "imgs.config.json");
  await writeFile(configFile, `${JSON.stringify({ ...dockerStacks, registry: REGISTRY, owner: OWNER, images }, null, 2)}\n`);
  const git = (...args: string[]): string => execFileSync("git", args, { cwd: dir, env: isolatedGitEnv(), encoding: "utf8" }).trim();
  git("init", "--quiet", "--initial-branch=main");
  git("add", "--all");
  git("commit", "--quiet", "-m", "Stand-in docker-stacks tree for imgs' bench\n\nEleven images FROM imgs.localhost/debian:bookworm.");
  return { dir, configFile, images: Object.keys(dockerStacks.images), commit: git("rev-parse", "HEAD") };
}

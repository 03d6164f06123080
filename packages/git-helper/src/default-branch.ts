import { hasErrorCode } from "@imgs/errors";
import { listBranches, resolveRef } from "isomorphic-git";
import type { ConfigFilesOptions } from "./config-files.js";
import { readConfigValue } from "./config-files.js";

const ORIGIN_HEAD = "refs/remotes/origin/HEAD";
const ORIGIN_PREFIX = "refs/remotes/origin/";

/**
 * The repository's default branch: what origin/HEAD points to, else init.defaultBranch, else main,
 * else master — each only if such a branch exists locally or on origin; undefined if none does.
 */
export async function readDefaultBranch(commonDir: string, options: ConfigFilesOptions): Promise<string | undefined> {
  const { fs } = options;
  const [local, remote, originHead, configured] = await Promise.all([
    listBranches({ fs, gitdir: commonDir }),
    listBranches({ fs, gitdir: commonDir, remote: "origin" }),
    readOriginHead(commonDir, options),
    readConfigValue(commonDir, "init.defaultBranch", options),
  ]);
  const existing = new Set([...local, ...remote.filter((name) => name !== "HEAD")]);
  // A dangling origin/HEAD (its branch was pruned) says nothing about today's default branch.
  return [originHead, configured, "main", "master"].find((name) => name !== undefined && existing.has(name));
}

/** The branch refs/remotes/origin/HEAD names (loose symbolic ref; its target may be packed). */
async function readOriginHead(commonDir: string, { fs }: ConfigFilesOptions): Promise<string | undefined> {
  try {
    // depth 2 stops after following one symbolic link, so this yields the ref name, not a hash.
    const target = await resolveRef({ fs, gitdir: commonDir, ref: ORIGIN_HEAD, depth: 2 });
    return target.startsWith(ORIGIN_PREFIX) ? target.slice(ORIGIN_PREFIX.length) : undefined;
  } catch (error) {
    if (hasErrorCode(error, "NotFoundError")) return undefined;
    throw error;
  }
}

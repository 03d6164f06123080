import { basename } from "node:path";
import type { CiFacts, GitSnapshot } from "@imgs/git-helper";
import * as semver from "semver";
import type { RefContext } from "./context.js";

/** Sources of refContextFrom, weakest first: git, then CI, then explicit overrides. */
export interface RefContextFromOptions {
  /** The local repository, read by @imgs/git-helper's readGitSnapshot. */
  readonly git?: GitSnapshot | undefined;
  /** The CI run's facts, read by @imgs/git-helper's readCiEnv; absent on a developer machine. */
  readonly ci?: CiFacts | undefined;
  /** Explicit values (CLI flags); undefined entries are ignored. */
  readonly overrides?: Partial<RefContext> | undefined;
  /** Run instant (ISO 8601), from the caller's clock. */
  readonly now: string;
}

/**
 * The tag HEAD is taken to be built from when it carries several: the highest semver, else the
 * first in sorted order.
 */
export function pickHeadTag(tags: readonly string[]): string | undefined {
  const versions = tags.filter((tag) => semver.valid(tag) !== null);
  if (versions.length > 0) return [...versions].sort((a, b) => semver.rcompare(a, b) || (a < b ? -1 : 1))[0];
  return [...tags].sort()[0];
}

/** The ref a checkout stands for: a tag at HEAD wins over the branch (a release build); detached and untagged is "". */
function refOfGit(git: GitSnapshot): { ref: string; baseRef: string | null } {
  const tag = pickHeadTag(git.tags);
  // Like a tag push's base_ref, the checked-out branch tells where the tag was made.
  if (tag !== undefined) return { ref: `refs/tags/${tag}`, baseRef: git.branch ?? null };
  if (git.branch !== undefined) return { ref: `refs/heads/${git.branch}`, baseRef: null };
  return { ref: "", baseRef: null };
}

const definedOnly = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<T>;

/**
 * Build a RefContext from the local repository, the CI environment and explicit overrides, each
 * overriding the one before where it has a value. Git alone gives eventName `push` and `local: true`;
 * any CI facts make it a CI build (`local: false`).
 *
 * @example refContextFrom({ git: await readGitSnapshot({ dir }) }).ref // "refs/heads/main"
 */
export function refContextFrom(options: RefContextFromOptions): RefContext {
  const { git, ci } = options;
  const fromGit = git === undefined ? { ref: "", baseRef: null } : refOfGit(git);
  // An empty CI ref means the CI did not say (e.g. Jenkins without a branch): git tells then.
  const ciRef = ci?.ref ? { ref: ci.ref, baseRef: ci.baseRef ?? null } : undefined;
  const { ref, baseRef } = ciRef ?? fromGit;
  const name = ci?.repository?.name ?? (git === undefined ? undefined : basename(git.root));
  const base: RefContext = {
    eventName: ci?.eventName || "push",
    ref,
    sha: ci?.sha || (git?.commit ?? ""),
    defaultBranch: ci?.defaultBranch ?? git?.defaultBranch ?? "",
    baseRef,
    prNumber: ci?.prNumber ?? null,
    prHeadSha: ci?.prHeadSha ?? null,
    usePrHeadSha: false,
    commitDate: git?.commitDate,
    now: options.now,
    repo: { name, htmlUrl: ci?.repository?.htmlUrl },
    repoTags: git?.allTags,
    local: ci === undefined,
  };
  return { ...base, ...definedOnly(options.overrides) };
}

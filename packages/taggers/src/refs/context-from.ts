import { basename } from "node:path";
import type { CiFacts, CiProvider, GitSnapshot, HeadRef } from "@imgs/git-helper";
import * as semver from "semver";
import type { RefContext, RefContextSource } from "./context.js";
import { RefContextInvalidError } from "./errors.js";

/** Sources of refContextFrom: git and CI, as `source` weighs them, then explicit overrides. */
export interface RefContextFromOptions {
  /** The local repository, read by @imgs/git-helper's readGitSnapshot. */
  readonly git?: GitSnapshot | undefined;
  /** The CI run's facts, read by @imgs/git-helper's readCiEnv; absent on a developer machine. */
  readonly ci?: CiFacts | undefined;
  /**
   * metadata-action's `context` input (default `workflow`, as there). `workflow`: ref, sha and
   * commit date are the CI event's, the repository's where the CI tells none. `git`: they are the
   * repository's checkout's, even when CI variables say otherwise; the event name, pull request
   * and default branch still come from the CI.
   */
  readonly source?: RefContextSource | undefined;
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

/** Why a detached HEAD stands for the ref that told, for each way it can be inferred. */
const WHY: Readonly<Record<HeadRef["source"], string>> = {
  "checked-out": "",
  "tag-at-head": "HEAD is detached at it",
  "pull-request-at-head": "HEAD is detached at its tip",
  "branch-at-head": "HEAD is detached at its tip",
  "remote-branch-at-head": "HEAD is detached at its tip",
  "branch-containing-head": "HEAD is detached at an older commit of it, the newest branch holding HEAD",
  "remote-branch-containing-head": "HEAD is detached at an older commit of it, the newest branch holding HEAD",
  "tag-containing-head": "HEAD is detached at a commit of its history",
};

/** The ref a checkout stands for, and where that came from: a tag at HEAD wins over the branch (a release build). */
function refOfGit(git: GitSnapshot): { ref: string; baseRef: string | null; origin: string } {
  const tag = pickHeadTag(git.tags);
  // Like a tag push's base_ref, the checked-out branch tells where the tag was made.
  if (tag !== undefined) {
    const among = git.tags.length > 1 ? ` (the highest version of the ${git.tags.length} tags there)` : "";
    return { ref: `refs/tags/${tag}`, baseRef: git.branch ?? null, origin: `git: tag ${tag} is at HEAD${among}` };
  }
  const head = git.headRef;
  if (head === undefined) return { ref: "", baseRef: null, origin: "git: HEAD is detached and no branch or tag names or holds it" };
  const origin = head.source === "checked-out" ? "git: the checked-out branch" : `git: inferred from ${head.via} (${WHY[head.source]})`;
  return { ref: head.ref, baseRef: null, origin };
}

const PROVIDERS: Readonly<Record<CiProvider, string>> = { github: "GitHub Actions", gitlab: "GitLab CI", jenkins: "Jenkins", travis: "Travis CI" };

const definedOnly = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<T>;

/**
 * Build a RefContext from the local repository, the CI environment and explicit overrides. Git
 * alone gives eventName `push` and `local: true`; any CI facts make it a CI build (`local: false`).
 * `origin` says in words where ref and sha came from.
 *
 * @throws RefContextInvalidError for source `git` without a repository
 * @example refContextFrom({ git: await readGitSnapshot({ dir }), now: clock.now().toISOString() }).ref // "refs/heads/main"
 */
export function refContextFrom(options: RefContextFromOptions): RefContext {
  const { git, ci } = options;
  const source = options.source ?? "workflow";
  if (source === "git" && git === undefined) throw new RefContextInvalidError("source", source, "the git context needs a repository to read");
  const fromGit = git === undefined ? undefined : refOfGit(git);
  const ciName = ci === undefined ? undefined : PROVIDERS[ci.provider];
  // An empty CI ref or sha means the CI did not say (e.g. Jenkins without a branch): git tells then.
  const useCiRef = source === "workflow" && Boolean(ci?.ref);
  const useCiSha = source === "workflow" && Boolean(ci?.sha);
  const ref = useCiRef ? (ci?.ref ?? "") : (fromGit?.ref ?? "");
  const sha = useCiSha ? (ci?.sha ?? "") : (git?.commit ?? "");
  const commitDate = useCiSha ? (ci?.commitDate ?? (git?.commit === sha ? git.commitDate : undefined)) : git?.commitDate;
  const name = ci?.repository?.name ?? (git === undefined ? undefined : basename(git.root));
  const base: RefContext = {
    eventName: ci?.eventName || "push",
    ref,
    sha,
    defaultBranch: ci?.defaultBranch ?? git?.defaultBranch ?? "",
    baseRef: useCiRef ? (ci?.baseRef ?? null) : (fromGit?.baseRef ?? ci?.baseRef ?? null),
    prNumber: ci?.prNumber ?? null,
    prHeadSha: ci?.prHeadSha ?? null,
    usePrHeadSha: false,
    source,
    origin: {
      ref: useCiRef ? `${ciName ?? "CI"}: the event's ref (context workflow)` : (fromGit?.origin ?? "nowhere: no repository, and the CI named no ref"),
      sha: useCiSha ? `${ciName ?? "CI"}: the event's commit (context workflow)` : git === undefined ? "nowhere: no repository, and the CI named no commit" : "git: HEAD",
    },
    commitDate,
    now: options.now,
    repo: { name, htmlUrl: ci?.repository?.htmlUrl },
    repoTags: git?.allTags,
    repoTagsPartial: git?.partialTags,
    local: ci === undefined,
  };
  const overrides = definedOnly(options.overrides);
  const origin = {
    ref: overrides.ref === undefined ? base.origin?.ref ?? "" : "given explicitly",
    sha: overrides.sha === undefined ? base.origin?.sha ?? "" : "given explicitly",
  };
  return { ...base, ...overrides, origin };
}

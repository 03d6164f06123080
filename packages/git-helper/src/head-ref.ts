import type * as nodeFs from "node:fs";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { isDescendent, listRefs, readCommit } from "isomorphic-git";
import { readPackedRefs, type PackedRefs } from "./packed-refs.js";
import type { HeadRef } from "./types.js";

/** A ref name and the object it points at directly. */
export interface RefTip {
  readonly name: string;
  readonly oid: string;
}

/** The reads inferring HEAD's ref needs, from isomorphic-git or from the git CLI. */
export interface RefStore {
  /** Refs under `prefix` (`refs/heads`, `refs/remotes`) with their targets, sorted by name; symbolic refs left out. */
  tips(prefix: string): Promise<RefTip[]>;
  /** True when HEAD is `tip` or one of its ancestors (git's `--contains HEAD`). */
  contains(tip: string): Promise<boolean>;
  /** The committer time of a commit, in seconds. */
  commitTime(oid: string): Promise<number>;
}

/** What inferring HEAD's ref needs to know. */
export interface HeadRefFacts {
  readonly commit: string;
  /** The checked-out branch, undefined when HEAD is detached. */
  readonly branch: string | undefined;
  /** Every tag peeled to its target, sorted by name. */
  readonly tags: readonly { readonly name: string; readonly target: string }[];
  readonly store: RefStore;
}

/**
 * The ref HEAD stands for, as docker/actions-toolkit's `Git.ref()` (metadata-action's `context:
 * git`) infers it: the checked-out branch; when HEAD is detached, a ref whose tip is HEAD (a tag,
 * then a pull request ref `refs/remotes/pull/N/merge`, then a local branch, then a remote-tracking
 * branch, whose remote name is dropped: `origin/feature/login` → `refs/heads/feature/login`); when
 * none is, the branch whose history contains HEAD with the newest tip commit (local, then
 * remote-tracking), else the first tag that contains HEAD. Undefined when nothing names HEAD.
 *
 * Where the toolkit's parsing of `git show -s --pretty=%D` garbles several names at HEAD (`HEAD,
 * origin/main, origin/HEAD, main` gives it `refs/heads/origin/HEAD, main`), this gives the branch
 * those names agree on (`refs/heads/main`); `<remote>/HEAD` is never taken for a branch.
 */
export async function inferHeadRef(facts: HeadRefFacts): Promise<HeadRef | undefined> {
  if (facts.branch !== undefined) return { ref: `refs/heads/${facts.branch}`, source: "checked-out", via: "HEAD" };
  const { commit } = facts;
  // git lists decorations in reverse name order, and the toolkit takes the first tag it lists.
  const tag = facts.tags.filter((t) => t.target === commit).at(-1);
  if (tag !== undefined) return { ref: `refs/tags/${tag.name}`, source: "tag-at-head", via: `refs/tags/${tag.name}` };
  const { store } = facts;
  const [local, remote] = await Promise.all([store.tips("refs/heads"), store.tips("refs/remotes")]);
  const pull = remote.find((tip) => tip.oid === commit && /^refs\/remotes\/pull\/[0-9]+\/(head|merge)$/.test(tip.name));
  if (pull !== undefined) return { ref: pull.name.replace(/^refs\/remotes\//, "refs/"), source: "pull-request-at-head", via: pull.name };
  const branches = remote.filter((tip) => !tip.name.startsWith("refs/remotes/pull/"));
  const localAt = local.find((tip) => tip.oid === commit);
  if (localAt !== undefined) return { ref: localAt.name, source: "branch-at-head", via: localAt.name };
  const remoteAt = branches.find((tip) => tip.oid === commit);
  if (remoteAt !== undefined) return { ref: branchOfRemote(remoteAt.name), source: "remote-branch-at-head", via: remoteAt.name };
  const localContaining = await newestContaining(store, local);
  if (localContaining !== undefined) return { ref: localContaining.name, source: "branch-containing-head", via: localContaining.name };
  const remoteContaining = await newestContaining(store, branches);
  if (remoteContaining !== undefined) {
    return { ref: branchOfRemote(remoteContaining.name), source: "remote-branch-containing-head", via: remoteContaining.name };
  }
  for (const candidate of facts.tags) {
    if (await store.contains(candidate.target)) return { ref: `refs/tags/${candidate.name}`, source: "tag-containing-head", via: `refs/tags/${candidate.name}` };
  }
  return undefined;
}

/** `refs/remotes/<remote>/<branch>` → `refs/heads/<branch>` (the toolkit drops the first segment). */
const branchOfRemote = (name: string): string => `refs/heads/${name.replace(/^refs\/remotes\/[^/]+\//, "")}`;

/** The tip containing HEAD whose commit is newest (`--sort=-committerdate`; ties by name). */
async function newestContaining(store: RefStore, tips: readonly RefTip[]): Promise<RefTip | undefined> {
  const containing: { tip: RefTip; time: number }[] = [];
  for (const tip of tips) {
    if (await store.contains(tip.oid)) containing.push({ tip, time: await store.commitTime(tip.oid) });
  }
  // Array.prototype.sort is stable, so equal times keep the name order of `tips`.
  return containing.sort((a, b) => b.time - a.time)[0]?.tip;
}

/** The options of isomorphicRefStore. */
export interface IsomorphicRefStoreOptions {
  readonly fs: typeof nodeFs;
  readonly gitdir: string;
  readonly cache: object;
  /** HEAD's commit. */
  readonly commit: string;
}

/** A RefStore over isomorphic-git and the ref files. */
export function isomorphicRefStore(options: IsomorphicRefStoreOptions): RefStore {
  const { fs, gitdir, cache, commit } = options;
  let packed: Promise<PackedRefs> | undefined;
  return {
    async tips(prefix) {
      const names = await listRefs({ fs, gitdir, filepath: prefix });
      const tips = await Promise.all(
        names.map(async (short): Promise<RefTip | undefined> => {
          const name = `${prefix}/${short}`;
          const loose = await readLoose(fs, gitdir, name);
          if (loose !== undefined) return /^[0-9a-f]{40}$/.test(loose) ? { name, oid: loose } : undefined;
          const entry = (await (packed ??= readPackedRefs(fs, gitdir))).refs.get(name);
          return entry === undefined ? undefined : { name, oid: entry.oid };
        }),
      );
      return tips.filter((tip): tip is RefTip => tip !== undefined).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    async contains(tip) {
      if (tip === commit) return true;
      try {
        return await isDescendent({ fs, gitdir, oid: tip, ancestor: commit, depth: -1, cache });
      } catch (error) {
        // A tag of a tree or blob, or history a shallow clone cut off, contains nothing we can see.
        if (hasErrorCode(error, "ObjectTypeError", "NotFoundError")) return false;
        throw error;
      }
    },
    async commitTime(oid) {
      return (await readCommit({ fs, gitdir, oid, cache })).commit.committer.timestamp;
    },
  };
}

async function readLoose(fs: typeof nodeFs, gitdir: string, name: string): Promise<string | undefined> {
  try {
    return (await fs.promises.readFile(join(gitdir, name), "utf8")).trim();
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "ENOTDIR", "EISDIR")) return undefined;
    throw error;
  }
}

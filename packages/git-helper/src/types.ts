/** Everything imgs needs to know about a repository's HEAD, read once and passed down as data. */
export interface GitSnapshot {
  /** Absolute path of the work tree's top folder. */
  readonly root: string;
  /** Full 40-character commit hash of HEAD. */
  readonly commit: string;
  /** The full commit message with surrounding white space removed (git log -1 --pretty=%B, stripped). */
  readonly message: string;
  /** Short name of the checked-out branch; undefined when HEAD is detached. */
  readonly branch: string | undefined;
  /**
   * The ref HEAD stands for and how it was known, as docker/actions-toolkit infers it for
   * metadata-action's `context: git` (see HeadRef); undefined when HEAD is detached and no branch
   * or tag names or contains it.
   */
  readonly headRef: HeadRef | undefined;
  /** Tags that point at HEAD, lightweight and annotated (peeled), sorted. */
  readonly tags: readonly string[];
  /** Every tag name in the repository, sorted. */
  readonly allTags: readonly string[];
  /** origin/HEAD, else init.defaultBranch, else main or master where they exist; undefined if none. */
  readonly defaultBranch: string | undefined;
  /** Committer date of HEAD as an ISO 8601 instant (UTC, `Z`). */
  readonly commitDate: string;
  /** True in a shallow clone (history is cut off). */
  readonly shallow: boolean;
  /**
   * Why `allTags` may lack tags the repository's remote has, in words; undefined when nothing says
   * so. A shallow clone (CI checkouts fetch one commit and at most the tag being built) and a
   * remote set to fetch no tags (`git clone --no-tags` writes `remote.<name>.tagOpt=--no-tags`)
   * both see only some tags.
   */
  readonly partialTags?: string | undefined;
}

/** How the ref HEAD stands for was found, in the order docker/actions-toolkit's `Git.ref()` tries. */
export type HeadRefSource =
  /** HEAD is attached to the branch. */
  | "checked-out"
  /** HEAD is detached at a commit a tag points at. */
  | "tag-at-head"
  /** HEAD is detached at a pull request ref fetched as refs/remotes/pull/N/merge (actions/checkout). */
  | "pull-request-at-head"
  /** HEAD is detached at a local branch's tip. */
  | "branch-at-head"
  /** HEAD is detached at a remote-tracking branch's tip (a CI checkout of origin/<branch>). */
  | "remote-branch-at-head"
  /** HEAD is detached at an older commit of a local branch (the newest such branch). */
  | "branch-containing-head"
  /** HEAD is detached at an older commit of a remote-tracking branch. */
  | "remote-branch-containing-head"
  /** HEAD is detached at a commit only a tag's history holds. */
  | "tag-containing-head";

/** The ref a checkout stands for. */
export interface HeadRef {
  /** Full ref: `refs/heads/<branch>`, `refs/tags/<tag>` or `refs/pull/<n>/merge`. */
  readonly ref: string;
  readonly source: HeadRefSource;
  /** The ref that told, e.g. `refs/remotes/origin/main`; `HEAD` for a checked-out branch. */
  readonly via: string;
}

/** The CI systems whose environment imgs reads. */
export type CiProvider = "github" | "gitlab" | "jenkins" | "travis";

/**
 * What a CI run's environment says about the event being built, in docker/metadata-action's terms
 * (see metadata-action-SPEC.md §1); fields the CI does not provide are undefined.
 */
export interface CiFacts {
  readonly provider: CiProvider;
  /** metadata-action event name: "push", "pull_request", "schedule", "workflow_dispatch", … */
  readonly eventName: string;
  /** Full ref: refs/heads/<branch>, refs/tags/<tag>, refs/pull/<n>/merge, or "". */
  readonly ref: string;
  readonly sha: string;
  readonly defaultBranch: string | undefined;
  /** PR base branch for PR events; for tag pushes the branch the tag was pushed from, if known. */
  readonly baseRef: string | undefined;
  readonly prNumber: number | undefined;
  readonly prHeadSha: string | undefined;
  /** Repository facts for OCI labels, when the CI provides them. */
  readonly repository: { readonly name?: string; readonly htmlUrl?: string } | undefined;
  /** The commit's time (ISO 8601) when the CI tells it (GitHub's push payload). */
  readonly commitDate?: string | undefined;
  /** What the CI should have told and did not (an unset variable, an unreadable event file); absent when nothing is amiss. */
  readonly warnings?: readonly string[] | undefined;
}

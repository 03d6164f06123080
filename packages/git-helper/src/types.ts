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
}

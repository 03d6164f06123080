import { RefContextInvalidError } from "./errors.js";

/** Repository facts used only for the OCI labels. */
export interface RepoFacts {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  /** Web page of the repository: the `url` and `source` labels. */
  readonly htmlUrl?: string | undefined;
  /** SPDX license id, e.g. `MIT`. */
  readonly license?: string | undefined;
}

/**
 * What a computation knows about the build, as plain data (metadata-action-SPEC.md §1). Dates are
 * ISO 8601 instants. Fields beyond the spec's table are imgs additions, marked so.
 */
export interface RefContext {
  /** GitHub event name (`push`, `pull_request`, `schedule`, …) or "". */
  readonly eventName: string;
  /** Full ref (`refs/heads/b`, `refs/tags/t`, `refs/pull/N/merge`) or "". */
  readonly ref: string;
  /** Commit sha, or "". */
  readonly sha: string;
  readonly defaultBranch: string;
  /** PR base branch for PR events; for tag pushes the branch the tag was pushed from; else null. */
  readonly baseRef?: string | null | undefined;
  readonly prNumber?: number | null | undefined;
  readonly prHeadSha?: string | null | undefined;
  /** Use prHeadSha as the sha on PR events (metadata-action's DOCKER_METADATA_PR_HEAD_SHA=true). */
  readonly usePrHeadSha?: boolean | undefined;
  /** Commit instant for `{{commit_date}}`; defaults to `now`. */
  readonly commitDate?: string | undefined;
  /** Run instant (ISO 8601) for `{{date}}` and the `created` label; the caller's clock, never read here. */
  readonly now: string;
  readonly repo?: RepoFacts | undefined;
  /** imgs: every tag name of the repository, for `latestRequiresHighestSemver`. */
  readonly repoTags?: readonly string[] | undefined;
  /** imgs: true for a build on a developer machine (no CI detected); presets may tag it differently. */
  readonly local?: boolean | undefined;
}

/** The context after metadata-action's normalisation: effective ref and sha, parsed instants. */
export interface EffectiveContext {
  readonly eventName: string;
  readonly ref: string;
  readonly sha: string;
  readonly defaultBranch: string;
  readonly baseRef: string | undefined;
  readonly nowMs: number;
  readonly commitMs: number;
  /** Length of `{{sha}}` and `type=sha` short values (metadata-action's DOCKER_METADATA_SHORT_SHA_LENGTH). */
  readonly shortShaLength: number;
  readonly source: RefContext;
}

/** Engine settings that are not facts about the build. */
export interface EffectiveOptions {
  readonly shortShaLength: number;
}

function parseInstant(field: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RefContextInvalidError(field, value, "not an ISO 8601 instant");
  return ms;
}

/**
 * Apply metadata-action's context normalisation: a `pull_request_target` event builds the PR ref
 * `refs/pull/<n>/merge`, and with `usePrHeadSha` a PR event's sha becomes the PR head sha.
 */
export function effectiveContext(context: RefContext, options: EffectiveOptions): EffectiveContext {
  let ref = context.ref;
  let sha = context.sha;
  if (context.eventName.includes("pull_request_target")) ref = `refs/pull/${context.prNumber ?? ""}/merge`;
  if (context.usePrHeadSha === true && context.eventName.includes("pull_request") && context.prHeadSha) sha = context.prHeadSha;
  const nowMs = parseInstant("now", context.now);
  const commitMs = context.commitDate === undefined ? nowMs : parseInstant("commitDate", context.commitDate);
  return {
    eventName: context.eventName,
    ref,
    sha,
    defaultBranch: context.defaultBranch,
    baseRef: context.baseRef ?? undefined,
    nowMs,
    commitMs,
    shortShaLength: options.shortShaLength,
    source: context,
  };
}

/** `refs/heads/<name>` → name, else undefined. */
export const branchOf = (ref: string): string | undefined => (ref.startsWith("refs/heads/") ? ref.slice(11) : undefined);
/** `refs/tags/<name>` → name, else undefined. */
export const tagOf = (ref: string): string | undefined => (ref.startsWith("refs/tags/") ? ref.slice(10) : undefined);
/** `refs/pull/<rest>` → rest without a trailing `/merge`, else undefined. */
export const pullOf = (ref: string): string | undefined => (ref.startsWith("refs/pull/") ? ref.slice(10).replace(/\/merge$/, "") : undefined);

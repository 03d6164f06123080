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
 * Where a context's ref and sha come from, as metadata-action's `context` input says: `workflow`
 * (its default) takes the CI's event; `git` takes the repository's checkout, whatever the CI says.
 */
export type RefContextSource = "workflow" | "git";

/** imgs: where a context's ref and sha came from, in words, for `explain`. */
export interface RefContextOrigin {
  readonly ref: string;
  readonly sha: string;
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
  /** Use prHeadSha as the sha on PR events (metadata-action's DOCKER_METADATA_PR_HEAD_SHA=true); workflow source only. */
  readonly usePrHeadSha?: boolean | undefined;
  /**
   * Where ref and sha came from (default `workflow`). As in metadata-action, a `git` context's ref
   * is never rewritten for `pull_request_target` nor its sha replaced by the PR head's.
   */
  readonly source?: RefContextSource | undefined;
  /** imgs: where ref and sha came from, in words (refContextFrom fills it), for `explain`. */
  readonly origin?: RefContextOrigin | undefined;
  /** Commit instant for `{{commit_date}}`; defaults to `now`. */
  readonly commitDate?: string | undefined;
  /** Run instant (ISO 8601) for `{{date}}` and the `created` label; the caller's clock, never read here. */
  readonly now: string;
  readonly repo?: RepoFacts | undefined;
  /** imgs: every tag name of the repository, for `latestRequiresHighestSemver`. */
  readonly repoTags?: readonly string[] | undefined;
  /**
   * imgs: why `repoTags` may lack tags the remote has (a shallow clone, a remote that fetches no
   * tags: GitSnapshot.partialTags); `latestRequiresHighestSemver` then never adds `latest`.
   */
  readonly repoTagsPartial?: string | undefined;
  /** imgs: true for a build on a developer machine (no CI detected); presets may tag it differently. */
  readonly local?: boolean | undefined;
  /**
   * imgs: the run's short sha length, as DOCKER_METADATA_SHORT_SHA_LENGTH gives it (a number or its
   * text); computeRefTags' own `shortShaLength` option wins. Carried here so ref rules in a config
   * get the run's setting too.
   */
  readonly shortShaLength?: number | string | undefined;
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
  /**
   * Length of `{{sha}}` and `type=sha` short values (metadata-action's DOCKER_METADATA_SHORT_SHA_LENGTH).
   * Read when a short sha is made, as metadata-action does: a value that is not a number fails only then.
   *
   * @throws RefContextInvalidError when the length given is not a whole number of at least 1
   */
  readonly shortShaLength: () => number;
  readonly source: RefContext;
}

/** Engine settings that are not facts about the build. */
export interface EffectiveOptions {
  /** A number, or DOCKER_METADATA_SHORT_SHA_LENGTH's text (empty or undefined: 7). */
  readonly shortShaLength: number | string | undefined;
  /** DOCKER_METADATA_PR_HEAD_SHA; when given it wins over the context's `usePrHeadSha`. */
  readonly usePrHeadSha: boolean | undefined;
}

const DEFAULT_SHORT_SHA_LENGTH = 7;

function parseInstant(field: string, value: string | undefined): number {
  const ms = value === undefined ? Number.NaN : Date.parse(value);
  if (Number.isNaN(ms)) throw new RefContextInvalidError(field, value, "not an ISO 8601 instant");
  return ms;
}

function shortShaLengthOf(value: number | string | undefined): () => number {
  return () => {
    // metadata-action ignores an empty variable and rejects one that is not a number.
    if (value === undefined || value === "") return DEFAULT_SHORT_SHA_LENGTH;
    const length = Number(value);
    if (Number.isNaN(length)) throw new RefContextInvalidError("shortShaLength", value, "not a number (DOCKER_METADATA_SHORT_SHA_LENGTH must be one)");
    // metadata-action takes 0 or less and prints `sha-`, a tag that names no commit: imgs refuses it.
    if (!Number.isInteger(length) || length < 1) {
      throw new RefContextInvalidError("shortShaLength", value, "not a whole number of at least 1 (a shorter sha names no commit)");
    }
    return length;
  };
}

/**
 * Apply metadata-action's context normalisation: in a `workflow` context, a `pull_request_target`
 * event builds the PR ref `refs/pull/<n>/merge`, and with `usePrHeadSha` a PR event's sha becomes
 * the PR head sha (src/context.ts getContextFromWorkflow).
 *
 * @throws RefContextInvalidError when `now` or `commitDate` is not an ISO 8601 instant
 */
export function effectiveContext(context: RefContext, options: EffectiveOptions): EffectiveContext {
  let ref = context.ref;
  let sha = context.sha;
  const workflow = context.source !== "git";
  if (workflow && context.eventName.includes("pull_request_target")) ref = `refs/pull/${context.prNumber ?? ""}/merge`;
  const usePrHeadSha = options.usePrHeadSha ?? context.usePrHeadSha === true;
  if (workflow && usePrHeadSha && context.eventName.includes("pull_request") && context.prHeadSha) sha = context.prHeadSha;
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
    shortShaLength: shortShaLengthOf(options.shortShaLength),
    source: context,
  };
}

/** `refs/heads/<name>` → name, else undefined. */
export const branchOf = (ref: string): string | undefined => (ref.startsWith("refs/heads/") ? ref.slice(11) : undefined);
/** `refs/tags/<name>` → name, else undefined. */
export const tagOf = (ref: string): string | undefined => (ref.startsWith("refs/tags/") ? ref.slice(10) : undefined);
/** `refs/pull/<rest>` → rest without a trailing `/merge`, else undefined. */
export const pullOf = (ref: string): string | undefined => (ref.startsWith("refs/pull/") ? ref.slice(10).replace(/\/merge$/, "") : undefined);

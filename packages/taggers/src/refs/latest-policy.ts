import * as semver from "semver";
import { tagOf } from "./context.js";

/** The outcome of the highest-semver check on a `latest` that metadata-action would add. */
export interface LatestVerdict {
  readonly keep: boolean;
  readonly reason: string;
  /** Set when `latest` was held back only because the repository's tags cannot all be seen: why. */
  readonly incomplete?: string;
}

/** Strict SemVer (optional `v`) of a tag name, with `/` read as `-` as the semver rule does. */
function versionOfTag(tag: string, match: string | undefined): string | undefined {
  let source = tag;
  if (match) {
    // A repository tag the rule's match does not fit is read as it is, as the rule would read it.
    const found = new RegExp(match).exec(tag);
    if (found?.[1] !== undefined) source = found[1];
  }
  source = source.replace(/\//g, "-");
  return semver.valid(source) === null ? undefined : source;
}

/** What the check needs to know about the value that decided `latest`. */
export interface LatestCandidate {
  /** The semver a `type=semver` rule validated, when that rule decided `latest`. */
  readonly semver: string | undefined;
  /** That rule's `match` attribute, applied to the repository's tags too. */
  readonly match: string | undefined;
  /** The effective ref. */
  readonly ref: string;
  readonly repoTags: readonly string[] | undefined;
  /** Why repoTags may be incomplete (context.repoTagsPartial). */
  readonly repoTagsPartial?: string | undefined;
}

/**
 * imgs extension (`latestRequiresHighestSemver`): keep `latest` only for the highest stable semver
 * among the repository's tags, so a backport release (v1.9.1 after v2.0.0) never moves it. Refs
 * that are not a semver release are left to metadata-action's rules. When the tags seen cannot be
 * all of them (unknown, a shallow clone or a no-tags fetch, or a list without the tag being built),
 * no release can be known to be the highest, so `latest` is not added and `incomplete` says why.
 */
export function checkHighestSemver(candidate: LatestCandidate): LatestVerdict {
  const tag = tagOf(candidate.ref);
  const release = candidate.semver ?? (tag === undefined ? undefined : versionOfTag(tag, undefined));
  if (release === undefined) return { keep: true, reason: "not a semver release, so the highest-semver rule does not apply" };
  if (semver.prerelease(release) !== null) return { keep: false, reason: `'${release}' is a pre-release, not a stable release` };
  const unseen = (why: string): LatestVerdict => {
    const reason = `${why}, so '${release}' cannot be known to be the highest stable semver`;
    return { keep: false, incomplete: reason, reason };
  };
  if (candidate.repoTags === undefined) return unseen("the repository's tags are unknown (no repository was read)");
  if (candidate.repoTagsPartial !== undefined) return unseen(`the repository's tags may be incomplete: ${candidate.repoTagsPartial}`);
  if (tag !== undefined && !candidate.repoTags.includes(tag)) return unseen(`the repository's tags do not include '${tag}', the tag being built, so they are not all of the remote's`);
  let highest: { tag: string; version: string } | undefined;
  for (const repoTag of candidate.repoTags) {
    const version = versionOfTag(repoTag, candidate.match);
    if (version === undefined || semver.prerelease(version) !== null) continue;
    if (semver.gt(version, release) && (highest === undefined || semver.gt(version, highest.version))) highest = { tag: repoTag, version };
  }
  if (highest !== undefined) return { keep: false, reason: `'${release}' is not the highest stable semver: the repository has '${highest.tag}'` };
  return { keep: true, reason: `'${release}' is the highest stable semver among the repository's tags` };
}

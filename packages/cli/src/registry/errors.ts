import { ImgsError, messageOf } from "@imgs/errors";

/** merge --push would drop a platform or push an index that is wrong; nothing was written. */
export class MergeRefusedError extends ImgsError {
  readonly code = "MERGE_REFUSED";
  readonly category = "failure";
  constructor(readonly problems: readonly string[]) {
    super(`merge refused, nothing was pushed:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

/** A promote whose source and destinations are not in one registry, or whose destination is not a tag. */
export class PromoteUsageError extends ImgsError {
  readonly code = "PROMOTE_USAGE";
  readonly category = "usage";
}

/** image-ref: the registry failed (5xx, no answer, 401/403), or the tag to sign is not in it although pushing is expected. */
export class ImageRefUnavailableError extends ImgsError {
  readonly code = "IMAGE_REF_UNAVAILABLE";
  readonly category = "failure";
  constructor(readonly tag: string, cause: unknown) {
    super(`cannot calculate the image reference of ${tag}: ${messageOf(cause)}`, { cause });
  }
}

/** A tag's push failed for good: a permanent failure, or a transient one on every attempt. */
export class TagPushFailedError extends ImgsError {
  readonly code = "TAG_PUSH_FAILED";
  readonly category = "failure";
  constructor(readonly reference: string, readonly attempts: number, cause: unknown) {
    super(`${messageOf(cause)}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ""}`, { cause });
  }
}

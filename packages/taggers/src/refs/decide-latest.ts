import type { SurvivingValue } from "./apply-rules.js";
import { checkHighestSemver } from "./latest-policy.js";
import type { ExplainLatest, Flavor } from "./types.js";

/** Inputs of decideLatest. */
export interface DecideLatestInput {
  readonly values: readonly SurvivingValue[];
  readonly flavor: Flavor;
  readonly ref: string;
  readonly repoTags: readonly string[] | undefined;
  readonly repoTagsPartial?: string | undefined;
  readonly latestRequiresHighestSemver: boolean;
}

/**
 * Whether the `latest` tag is added: flavor `latest=true` when any value survived, `false` never,
 * `auto` as the first surviving value's rule says; then, when asked, the highest-semver check.
 */
export function decideLatest(input: DecideLatestInput): ExplainLatest {
  const [first] = input.values;
  if (first === undefined) return { kind: "latest", added: false, reason: "no tag value survived" };
  let added: boolean;
  let reason: string;
  const firstRule = `the first value '${first.value}' (${first.rule.line})`;
  switch (input.flavor.latest) {
    case "false":
      return { kind: "latest", added: false, reason: "flavor latest=false" };
    case "true":
      added = true;
      reason = "flavor latest=true and at least one value survived";
      break;
    case "auto":
      added = first.autoLatest;
      reason = added
        ? `flavor latest=auto and ${firstRule} marks a release`
        : `flavor latest=auto and ${firstRule} does not mark a release (type=${first.rule.type})`;
      break;
  }
  if (!added || !input.latestRequiresHighestSemver) return { kind: "latest", added, reason };
  const verdict = checkHighestSemver({
    semver: first.rule.type === "semver" ? first.semver : undefined,
    match: first.rule.type === "semver" ? first.rule.attrs["match"] || undefined : undefined,
    ref: input.ref,
    repoTags: input.repoTags,
    repoTagsPartial: input.repoTagsPartial,
  });
  return { kind: "latest", added: verdict.keep, reason: `${reason}; ${verdict.reason}`, ...(verdict.incomplete === undefined ? {} : { tagsIncomplete: verdict.incomplete }) };
}

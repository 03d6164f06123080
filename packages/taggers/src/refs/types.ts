/** The tag rule types of metadata-action's `tags` input. */
export type RuleType = "schedule" | "semver" | "pep440" | "match" | "edge" | "ref" | "raw" | "sha";

/** One parsed tag rule: its type, its attributes after defaults, and where it came from. */
export interface TagRule {
  readonly type: RuleType;
  /** Attributes by lower-cased key, with the type's defaults filled in (`enable`, `priority`, …). */
  readonly attrs: Readonly<Record<string, string>>;
  /** The line as written. */
  readonly line: string;
  /** The preset the line was expanded from, if any. */
  readonly preset?: string | undefined;
}

/** The parsed `flavor` input. */
export interface Flavor {
  readonly latest: "auto" | "true" | "false";
  readonly prefix: string;
  /** Whether the flavor prefix also goes on the `latest` tag (`onlatest=true` after `prefix=`). */
  readonly prefixLatest: boolean;
  readonly suffix: string;
  readonly suffixLatest: boolean;
}

/** One entry of the `images` input. */
export interface ImageSpec {
  /** Lower-cased image name, e.g. `ghcr.io/org/app`. */
  readonly name: string;
  readonly enable: boolean;
}

/** metadata-action's `version`: the main tag value, the other values, and whether `latest` is added. */
export interface RefVersion {
  readonly main: string | undefined;
  readonly partial: readonly string[];
  readonly latest: boolean;
}

/** Why a rule produced a tag value, for the `explain` result. */
export interface ExplainTag {
  readonly kind: "tag";
  /** The sanitized value, without image name. */
  readonly value: string;
  readonly rule: string;
  readonly preset?: string | undefined;
  /** The rule's attributes after defaults (type included). */
  readonly attributes: Readonly<Record<string, string>>;
  /** `main`, `partial`, or `duplicate` when the value was already emitted by an earlier rule. */
  readonly role: "main" | "partial" | "duplicate";
}

/** Why a rule produced nothing, for the `explain` result. */
export interface ExplainSkip {
  readonly kind: "skip";
  readonly rule: string;
  readonly preset?: string | undefined;
  readonly attributes: Readonly<Record<string, string>>;
  /** Plain-language reason, e.g. `not a tag ref` or `'feature/x' is not a valid semver`. */
  readonly reason: string;
}

/** Whether the `latest` tag was added, and why, for the `explain` result. */
export interface ExplainLatest {
  readonly kind: "latest";
  readonly added: boolean;
  readonly reason: string;
  /** imgs: set when the highest-semver rule held `latest` back only because the repository's tags cannot all be seen: why. */
  readonly tagsIncomplete?: string;
}

/** Which ref and commit the rules were applied to, and where they came from, for the `explain` result. */
export interface ExplainContext {
  readonly kind: "context";
  /** The effective ref (after metadata-action's normalisation), "" when none. */
  readonly ref: string;
  /** The effective commit sha, "" when none. */
  readonly sha: string;
  /** metadata-action's `context` input that applied. */
  readonly source: "workflow" | "git";
  /** Where the ref came from, in words (e.g. `git: inferred from refs/remotes/origin/main (HEAD is detached at its tip)`), when known. */
  readonly refOrigin: string | undefined;
  readonly shaOrigin: string | undefined;
}

/** One line of the `explain` result. */
export type ExplainEntry = ExplainContext | ExplainTag | ExplainSkip | ExplainLatest;

/** Output separators, as metadata-action's `sep-tags`, `sep-labels` and `sep-annotations` inputs (default "\n"). */
export interface RefSeparators {
  readonly tags: string;
  readonly labels: string;
  readonly annotations: string;
}

/** What computeRefTags returns: metadata-action's outputs as data. */
export interface RefTagsResult {
  readonly version: RefVersion;
  /** Full tags (`image:tag`, or bare tags when no image is enabled) in metadata-action's order. */
  readonly tags: readonly string[];
  /** The tags without image name, once each (metadata-action's `tag-names` output): `1.2.3`, `latest`. */
  readonly tagNames: readonly string[];
  /** `key=value` labels, sorted by key. */
  readonly labels: readonly string[];
  /** `level:key=value` annotations for each annotation level (default `manifest`), as metadata-action prints them. */
  readonly annotations: readonly string[];
  /** The enabled image names (metadata-action's DOCKER_META_IMAGES). */
  readonly images: readonly string[];
  readonly sep: RefSeparators;
  /** Present when computeRefTags was called with `explain: true`: the context first, each rule, then `latest`. */
  readonly explain?: readonly ExplainEntry[];
  /**
   * imgs: what the caller should be told even without `explain` (e.g. `latest` held back because the
   * repository's tags cannot all be seen); absent when there is nothing.
   */
  readonly warnings?: readonly string[];
}

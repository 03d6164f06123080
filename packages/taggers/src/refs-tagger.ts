import { computeRefTagsSync } from "./refs/compute.js";
import type { RefContext } from "./refs/context.js";
import type { Tagger, TagContext } from "./types.js";

/** Options of refsTagger: metadata-action's `tags` and `flavor` inputs as lines. */
export interface RefsTaggerOptions {
  /** `tags` rule lines (and `preset=<name>` lines). */
  readonly tags: readonly string[];
  /** `flavor` lines. */
  readonly flavor?: readonly string[];
}

const SHA = "0123456789abcdef0123456789abcdef01234567";
/**
 * Builds of every kind a rule can meet, so a bad line (an unknown attribute, a template or a
 * `type=match` expression that cannot work, a bad `enable=`, an unknown time zone) fails when the
 * config is read, not on the first release build.
 */
const PROBES: readonly RefContext[] = [
  { eventName: "push", ref: "refs/heads/main", sha: SHA, defaultBranch: "main", now: "2024-01-02T03:04:05Z" },
  { eventName: "push", ref: "refs/heads/feature/x", sha: SHA, defaultBranch: "main", now: "2024-01-02T03:04:05Z" },
  { eventName: "push", ref: "refs/tags/v1.2.3", sha: SHA, defaultBranch: "main", now: "2024-01-02T03:04:05Z" },
  { eventName: "push", ref: "refs/tags/v2.0.0-rc.1", sha: SHA, defaultBranch: "main", now: "2024-01-02T03:04:05Z" },
  { eventName: "pull_request", ref: "refs/pull/7/merge", sha: SHA, defaultBranch: "main", prNumber: 7, prHeadSha: SHA, baseRef: "main", now: "2024-01-02T03:04:05Z" },
  { eventName: "schedule", ref: "refs/heads/main", sha: SHA, defaultBranch: "main", now: "2024-01-02T03:04:05Z" },
];

/**
 * A tagger whose values are the tags docker/metadata-action computes from `tags` and `flavor` for
 * the run's git-ref context (`ctx.refs`, with the run's DOCKER_METADATA_* settings): none, one or
 * several. Named `refs(<rules>)`. The rules are tried against a branch push, release and
 * pre-release tags, a pull request and a schedule, on CI and locally, when the tagger is made, so
 * every error a rule can raise is a config error found before any container starts.
 *
 * @throws RefRuleInvalidError, RefFlavorInvalidError, RefTemplateInvalidError, UnknownPresetError,
 *   RefContextInvalidError for a line that cannot work
 * @example refsTagger({ tags: ["type=ref,event=branch", "type=semver,pattern={{version}}"] })
 */
export function refsTagger(options: RefsTaggerOptions): Tagger {
  const tags = [...options.tags];
  const flavor = [...(options.flavor ?? [])];
  for (const probe of PROBES) {
    for (const local of [false, true]) computeRefTagsSync({ tags, flavor, context: { ...probe, local } });
  }
  const tagger = (ctx: TagContext): readonly string[] => computeRefTagsSync({ tags, flavor, context: ctx.refs }).tags;
  Object.defineProperty(tagger, "name", { value: `refs(${tags.join("; ")})` });
  return tagger;
}

import { computeRefTagsSync } from "./refs/compute.js";
import { expandPresets } from "./refs/expand-presets.js";
import { parseFlavor } from "./refs/parse-flavor.js";
import { parseRules } from "./refs/parse-rule.js";
import type { Tagger, TagContext } from "./types.js";

/** Options of refsTagger: metadata-action's `tags` and `flavor` inputs as lines, and its settings. */
export interface RefsTaggerOptions {
  /** `tags` rule lines (and `preset=<name>` lines). */
  readonly tags: readonly string[];
  /** `flavor` lines. */
  readonly flavor?: readonly string[];
  /** Short sha length (metadata-action's DOCKER_METADATA_SHORT_SHA_LENGTH); default 7. */
  readonly shortShaLength?: number;
}

/**
 * A tagger whose values are the tags docker/metadata-action computes from `tags` and `flavor` for
 * the run's git-ref context (`ctx.refs`): none, one or several. Named `refs(<rules>)`. The rules
 * are checked when it is made, so a bad rule is a config error, found before any container starts.
 *
 * @throws RefRuleInvalidError, RefFlavorInvalidError or UnknownPresetError for a bad line
 * @example refsTagger({ tags: ["type=ref,event=branch", "type=semver,pattern={{version}}"] })
 */
export function refsTagger(options: RefsTaggerOptions): Tagger {
  const tags = [...options.tags];
  const flavor = [...(options.flavor ?? [])];
  // Check every line now, for both the local and the CI form of the presets.
  for (const local of [false, true]) {
    const expanded = expandPresets(tags, { local, flavor });
    parseRules(expanded.rules);
    parseFlavor(expanded.flavor);
  }
  const tagger = (ctx: TagContext): readonly string[] =>
    computeRefTagsSync({ tags, flavor, context: ctx.refs, shortShaLength: options.shortShaLength }).tags;
  Object.defineProperty(tagger, "name", { value: `refs(${tags.join("; ")})` });
  return tagger;
}

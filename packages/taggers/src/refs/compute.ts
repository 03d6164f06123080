import { applyRules } from "./apply-rules.js";
import { effectiveContext, type RefContext } from "./context.js";
import { decideLatest } from "./decide-latest.js";
import { RefInputInvalidError } from "./errors.js";
import { expandPresets } from "./expand-presets.js";
import { defaultOciEntries, mergeEntries, withLevels } from "./labels.js";
import { parseFlavor } from "./parse-flavor.js";
import { readInputList } from "./parse-csv.js";
import { parseImages } from "./parse-images.js";
import { parseRules } from "./parse-rule.js";
import { sanitizeImageName, sanitizeTag } from "./sanitize.js";
import { renderGlobal } from "./templates.js";
import type { ExplainContext, RefSeparators, RefTagsResult } from "./types.js";

/**
 * Inputs of computeRefTags: metadata-action's list inputs as lines (each input's lines are read as
 * metadata-action reads the input: `#` comment lines and blank lines dropped, CSV quotes taken off),
 * plus the context as data.
 */
export interface ComputeRefTagsOptions {
  /** `images` lines; none gives bare tags. */
  readonly images?: readonly string[] | undefined;
  /** `tags` rule lines (and `preset=<name>` lines); none gives metadata-action's default rules. */
  readonly tags?: readonly string[] | undefined;
  readonly flavor?: readonly string[] | undefined;
  /** Custom label lines (`key=value`, templated). */
  readonly labels?: readonly string[] | undefined;
  /** Custom annotation lines (`key=value`, templated). */
  readonly annotations?: readonly string[] | undefined;
  /** Output separators (`sep-tags`, `sep-labels`, `sep-annotations`); default "\n". */
  readonly sep?: Partial<RefSeparators> | undefined;
  readonly context: RefContext;
  /** Annotation levels (metadata-action's DOCKER_METADATA_ANNOTATIONS_LEVELS); default ["manifest"]. */
  readonly annotationLevels?: readonly string[] | undefined;
  /**
   * Short sha length (metadata-action's DOCKER_METADATA_SHORT_SHA_LENGTH; default 7); a string is
   * read like that variable, when a short sha is made.
   */
  readonly shortShaLength?: number | string | undefined;
  /** Tag a pull request's head commit, not its merge commit (DOCKER_METADATA_PR_HEAD_SHA); wins over `context.usePrHeadSha`. */
  readonly usePrHeadSha?: boolean | undefined;
  /** imgs: add `latest` only for the highest stable semver among `context.repoTags` (default false). */
  readonly latestRequiresHighestSemver?: boolean | undefined;
  /** imgs: include an `explain` account of every rule and of `latest` (default false). */
  readonly explain?: boolean | undefined;
}

/** A list input's items, as metadata-action reads the input. */
function inputList(name: string, lines: readonly string[] | undefined): string[] {
  const list = readInputList(lines ?? []);
  if (!list.ok) throw new RefInputInvalidError(name, list.reason);
  return [...list.fields];
}

/**
 * Compute tags, labels and annotations from tag rules and a build context, compatible with
 * docker/metadata-action (see metadata-action-SPEC.md). Pure: the run instant is `context.now`.
 *
 * @example computeRefTagsSync({ images: ["org/app"], tags: ["type=semver,pattern={{version}}"], context }).tags // ["org/app:1.2.3", "org/app:latest"]
 */
export function computeRefTagsSync(options: ComputeRefTagsOptions): RefTagsResult {
  const { context } = options;
  const expanded = expandPresets(inputList("tags", options.tags), { local: context.local, flavor: inputList("flavor", options.flavor) });
  const images = parseImages(inputList("images", options.images));
  const rules = parseRules(expanded.rules);
  const flavor = parseFlavor(expanded.flavor);
  const ctx = effectiveContext(context, { shortShaLength: options.shortShaLength ?? context.shortShaLength, usePrHeadSha: options.usePrHeadSha });

  const applied = applyRules(rules, flavor, ctx);
  const latest = decideLatest({
    values: applied.values,
    flavor,
    ref: ctx.ref,
    repoTags: context.repoTags,
    repoTagsPartial: context.repoTagsPartial,
    latestRequiresHighestSemver: options.latestRequiresHighestSemver === true,
  });
  const [main, ...rest] = applied.values.map((entry) => entry.value);
  const partial = [...new Set(rest.filter((value) => value !== main))];
  const version = { main, partial, latest: latest.added };

  const names = images.filter((image) => image.enable).map((image) => sanitizeImageName(image.name));
  const latestTag = sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ""}latest${flavor.suffixLatest ? flavor.suffix : ""}`);
  const tagsFor = (image: string | undefined): string[] => {
    const qualify = (tag: string): string => (image ? `${image}:${tag}` : tag);
    return main === undefined ? [] : [main, ...partial, ...(version.latest ? [latestTag] : [])].map(qualify);
  };
  const tagNames = tagsFor(undefined);
  const tags = names.length > 0 ? names.flatMap(tagsFor) : tagNames;

  const render = (line: string): string => renderGlobal(line, ctx, { line });
  const defaults = defaultOciEntries({
    repo: context.repo,
    version: main,
    created: new Date(ctx.nowMs).toISOString(),
    revision: ctx.sha,
  });
  const labels = mergeEntries(defaults, inputList("labels", options.labels).map(render));
  const annotations = withLevels(mergeEntries(defaults, inputList("annotations", options.annotations).map(render)), options.annotationLevels ?? ["manifest"]);
  const sep = { tags: options.sep?.tags ?? "\n", labels: options.sep?.labels ?? "\n", annotations: options.sep?.annotations ?? "\n" };
  const warnings = latest.tagsIncomplete === undefined ? [] : [`latest not added: ${latest.tagsIncomplete} (fetch every tag, or drop the highest-semver rule)`];
  const result: RefTagsResult = { version, tags, tagNames, labels, annotations, images: names, sep, ...(warnings.length > 0 ? { warnings } : {}) };
  if (options.explain !== true) return result;
  const source = context.source ?? "workflow";
  const used: ExplainContext = { kind: "context", ref: ctx.ref, sha: ctx.sha, source, refOrigin: context.origin?.ref, shaOrigin: context.origin?.sha };
  return { ...result, explain: [used, ...applied.explain, latest] };
}

/** computeRefTagsSync behind a promise, so callers need not change if computing ever needs I/O. */
export function computeRefTags(options: ComputeRefTagsOptions): Promise<RefTagsResult> {
  try {
    return Promise.resolve(computeRefTagsSync(options));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export { bakeDefinition, toBakeFile } from "./bake.js";
export type { BakeDefinition, BakeFileKind, BakeFileOptions, BakeTarget } from "./bake.js";
export { computeRefTags, computeRefTagsSync } from "./compute.js";
export type { ComputeRefTagsOptions } from "./compute.js";
export { refContextFrom, pickHeadTag } from "./context-from.js";
export type { RefContextFromOptions } from "./context-from.js";
export type { RefContext, RefContextOrigin, RefContextSource, RepoFacts } from "./context.js";
export { formatDate } from "./date-format.js";
export {
  OutputDelimiterError,
  RefContextInvalidError,
  RefFlavorInvalidError,
  RefInputInvalidError,
  RefImageInvalidError,
  RefRuleInvalidError,
  RefTemplateInvalidError,
  UnknownPresetError,
} from "./errors.js";
export { refOptionsFromEnv } from "./env-options.js";
export type { RefEnvOptions } from "./env-options.js";
export { expandPresets, presetNameOf } from "./expand-presets.js";
export type { ExpandedPresets, ExpandPresetsOptions } from "./expand-presets.js";
export { outputValues, toGithubEnv, toGithubOutput, toJsonOutput } from "./outputs.js";
export type { GithubOutputOptions, RefJsonOutput } from "./outputs.js";
export { parseFlavor } from "./parse-flavor.js";
export { parseImages } from "./parse-images.js";
export { DEFAULT_PRIORITIES, DEFAULT_RULE_LINES, parseRule, parseRules } from "./parse-rule.js";
export type { RuleLine } from "./parse-rule.js";
export { listPresets, PRESETS } from "./presets.js";
export type { PresetDefinition } from "./presets.js";
export { dockerTagProblem, sanitizeImageName, sanitizeTag } from "./sanitize.js";
export type {
  ExplainContext,
  ExplainEntry,
  ExplainLatest,
  ExplainSkip,
  ExplainTag,
  Flavor,
  ImageSpec,
  RefSeparators,
  RefTagsResult,
  RefVersion,
  RuleType,
  TagRule,
} from "./types.js";

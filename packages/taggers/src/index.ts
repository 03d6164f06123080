// The tagger contract and how taggers are run.
export type { BuildFacts, ImageFacts, TagContext, Tagger, TagValues } from "./types.js";
export { defineTagger } from "./container/define-tagger.js";
export type { TaggerFunction } from "./container/define-tagger.js";
export { runTagger } from "./run-tagger.js";
export type { RunTaggerOptions } from "./run-tagger.js";
export { InvalidTagError, InvalidTaggerSpecError, TaggerFailedError, UnparsableOutputError } from "./container/errors.js";

// Built-in taggers: docker-stacks' (same names and values) and imgs' own.
export { builtinTaggers, taggerFactories } from "./container/builtin-taggers.js";
export type { TaggerFactory } from "./container/builtin-taggers.js";
export { aptPackageTagger } from "./container/apt.js";
export { commandTagger } from "./container/command-tagger.js";
export type { CommandTaggerOptions } from "./container/command-tagger.js";
export { condaTagger, mambaTagger } from "./container/conda.js";
export { commitShaTagger, dateTagger } from "./container/git-and-clock.js";
export { jupyterHubTagger, jupyterLabTagger, jupyterNotebookTagger } from "./container/jupyter.js";
export { javaTagger, juliaTagger, nodeTagger, rTagger } from "./container/languages.js";
export { osVersionTagger, ubuntuVersionTagger } from "./container/os-release.js";
export type { PackageTaggerOptions } from "./container/package-prefix.js";
export { pipPackageTagger, pytorchTagger, tensorflowTagger } from "./container/pip.js";
export { pythonMajorMinorTagger, pythonTagger } from "./container/python.js";
export { sparkTagger } from "./container/spark.js";

// Git-ref tags with docker/metadata-action's rules.
export { refsTagger } from "./refs-tagger.js";
export type { RefsTaggerOptions } from "./refs-tagger.js";
export { computeRefTags, computeRefTagsSync } from "./refs/compute.js";
export type { ComputeRefTagsOptions } from "./refs/compute.js";
export { refContextFrom } from "./refs/context-from.js";
export type { RefContextFromOptions } from "./refs/context-from.js";
export type { RefContext, RefContextOrigin, RefContextSource, RepoFacts } from "./refs/context.js";
export { refOptionsFromEnv } from "./refs/env-options.js";
export type { RefEnvOptions } from "./refs/env-options.js";
export { listPresets, PRESETS } from "./refs/presets.js";
export type { PresetDefinition } from "./refs/presets.js";
export { toBakeFile } from "./refs/bake.js";
export type { BakeDefinition, BakeFileKind, BakeFileOptions, BakeTarget } from "./refs/bake.js";
export { toGithubEnv, toGithubOutput, toJsonOutput } from "./refs/outputs.js";
export type { GithubOutputOptions, RefJsonOutput } from "./refs/outputs.js";
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
} from "./refs/types.js";
export {
  OutputDelimiterError,
  RefContextInvalidError,
  RefFlavorInvalidError,
  RefImageInvalidError,
  RefInputInvalidError,
  RefRuleInvalidError,
  RefTemplateInvalidError,
  UnknownPresetError,
} from "./refs/errors.js";

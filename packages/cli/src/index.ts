// The apps as functions, for TypeScript tools that run imgs' jobs without yargs.
export { applyTags } from "./apps/apply.js";
export type { ApplyOptions, AppliedImage } from "./apps/apply.js";
export { buildImages } from "./apps/build.js";
export type { BuildImagesResult, BuildOptions } from "./apps/build.js";
export { checkDockerfiles } from "./apps/check.js";
export type { CheckResult } from "./apps/check.js";
export { cleanupContainers, CleanupFailedError } from "./apps/cleanup.js";
export type { CleanupOptions } from "./apps/cleanup.js";
export { diffTwoBuilds } from "./apps/diff.js";
export type { DiffOptions, DiffResult } from "./apps/diff.js";
export { runDoctor } from "./apps/doctor.js";
export type { DoctorCheck, DoctorOptions } from "./apps/doctor.js";
export { pruneImages } from "./apps/prune.js";
export type { PruneOptions, PruneOutcome } from "./apps/prune.js";
export { readImageSha } from "./apps/sha.js";
export type { ShaOptions, ShaResult, ShaSource } from "./apps/sha.js";
export { updateWiki } from "./apps/wiki.js";
export type { WikiOptions, WikiResult } from "./apps/wiki.js";
export { describeHierarchy } from "./apps/hierarchy.js";
export type { HierarchyFormat } from "./apps/hierarchy.js";
export { DEFAULT_TIMEOUT_SECONDS } from "./apps/options.js";
export type { OutputOptions, RunOptions } from "./apps/options.js";
export { imageRefs } from "./apps/image-ref.js";
export type { ImageRef, ImageRefOptions } from "./apps/image-ref.js";
export { mergeTags } from "./apps/merge.js";
export type { MergedTag, MergeOptions, MergeResult } from "./apps/merge.js";
export { promoteImage } from "./apps/promote.js";
export type { Promoted, PromoteOptions } from "./apps/promote.js";
export { pushImages } from "./apps/push.js";
export type { PushedImageResult, PushedTag, PushImagesResult, PushOptions } from "./apps/push.js";
export { computeRefs } from "./apps/refs.js";
export type { RefsOptions } from "./apps/refs.js";
export { runImages } from "./apps/run-images.js";
export type { ImageResult, ImageWork, RunImagesResult } from "./apps/run-images.js";
export { createCli, runCli } from "./cli.js";
export type { CliDeps, Output } from "./deps.js";
export { BuildIncompleteError, DoctorFailedError, FileWriteError, ImagesFailedError, PruneIncompleteError, ShaNotFoundError, UnpinnedFromError, UsageError } from "./errors.js";
export { ImageRefUnavailableError, MergeRefusedError, PromoteUsageError, TagPushFailedError } from "./registry/errors.js";

import type { CliDeps } from "./deps.js";
import { runImages } from "./apps/run-images.js";
import type { OutputOptions, RunOptions } from "./apps/options.js";

/** `imgs tag` as a function: compute tags and write tags files. */
export const tagImages = (options: RunOptions & OutputOptions, deps: CliDeps) => runImages({ tags: true, manifest: false }, options, deps);
/** `imgs manifest` as a function: write manifests and build history lines. */
export const writeManifests = (options: RunOptions & OutputOptions, deps: CliDeps) => runImages({ tags: false, manifest: true }, options, deps);
/** `imgs hook` as a function: tags file, manifest and history line in one run. */
export const hookImages = (options: RunOptions & OutputOptions, deps: CliDeps) => runImages({ tags: true, manifest: true }, options, deps);

// What a config file or plugin needs, from the one package users install.
export { defineConfig } from "@imgs/hierarchy";
export type { ImageConfig, ImgsConfig, ManifestConfig, RefRulesConfig, TaggerConfig } from "@imgs/hierarchy";
export { defineTagger } from "@imgs/taggers";
export type { TagContext, Tagger, TagValues } from "@imgs/taggers";
export { defineManifest } from "@imgs/manifests";
export type { Manifest, ManifestContext, ManifestPiece } from "@imgs/manifests";

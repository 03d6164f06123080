export { buildInfoManifest, buildInfoPiece } from "./builtin/build-info.js";
export type { BuildInfoFacts } from "./builtin/build-info.js";
export {
  aptPackagesManifest,
  condaEnvironmentManifest,
  juliaPackagesManifest,
  rPackagesManifest,
  sparkInfoManifest,
} from "./builtin/docker-stacks.js";
export { osReleaseManifest, pipPackagesManifest } from "./builtin/extra.js";
export { builtinManifests } from "./builtin/index.js";
export { defineManifest } from "./define-manifest.js";
export type { ManifestFunction } from "./define-manifest.js";
export { InvalidManifestSpecError, InvalidPieceError, ManifestFailedError, TagsFileError } from "./errors.js";
export { buildTimestamp } from "./files/build-timestamp.js";
export { historyLineFileName, manifestBaseName, manifestFileName, tagsFileName } from "./files/file-names.js";
export type { ManifestFileNameOptions, TagsFileNameOptions } from "./files/file-names.js";
export { dockerfileInRepository, historyLine } from "./files/history-line.js";
export type { HistoryLineOptions } from "./files/history-line.js";
export { manifestHeader, renderManifest, sbomPiece } from "./files/render-manifest.js";
export type { RenderManifestOptions } from "./files/render-manifest.js";
export { ALL_PLATFORMS, DEFAULT_VARIANT, filePrefix, ociPlatformOf, prefixPlatformOf, tagPrefix, unifyPlatform } from "./files/tag-prefix.js";
export type { PrefixOptions } from "./files/tag-prefix.js";
export { imageTags, parseTagsFile, readTagsFile, tagsFileContent } from "./files/tags-file.js";
export type { ImageTagsOptions, ReadTagsFileOptions, TextFileOptions } from "./files/tags-file.js";
export { InvalidManifestFileError, parseManifest } from "./files/parse-manifest.js";
export type { ParsedBuildInfo, ParsedManifest } from "./files/parse-manifest.js";
export { parseHistoryLine } from "./files/parse-history-line.js";
export type { ParsedHistoryLine } from "./files/parse-history-line.js";
export { formatImageSize } from "./format-image-size.js";
export { packagesOfOutput } from "./package-lists/package-commands.js";
export { renderPiece } from "./render-piece.js";
export { runManifest } from "./run-manifest.js";
export type { Manifest, ManifestContext, ManifestPiece, PackageRow } from "./types.js";

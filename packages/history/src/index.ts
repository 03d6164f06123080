export { recordFromFiles, splitManifestName, tagValue } from "./diff/build-record.js";
export type { BuildRecord, ManifestNameParts, RecordFromFilesOptions } from "./diff/build-record.js";
export { diffBuilds, isEmptyDiff } from "./diff/diff-builds.js";
export type { BuildDiff, BuildSummary, EcosystemDiff, PackageChange, PackageVersion } from "./diff/diff-builds.js";
export { diffTags, tagShape } from "./diff/diff-tags.js";
export type { TagChange, TagsDiff } from "./diff/diff-tags.js";
export { diffToJson, diffToMarkdown, diffToText, formatDiff } from "./diff/format-diff.js";
export type { DiffFormat } from "./diff/format-diff.js";

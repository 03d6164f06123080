export { recordFromFiles, splitManifestName, tagValue } from "./diff/build-record.js";
export type { BuildRecord, ManifestNameParts, RecordFromFilesOptions } from "./diff/build-record.js";
export { diffBuilds, isEmptyDiff } from "./diff/diff-builds.js";
export type { BuildDiff, BuildSummary, EcosystemDiff, PackageChange, PackageVersion } from "./diff/diff-builds.js";
export { diffTags, tagShape } from "./diff/diff-tags.js";
export type { TagChange, TagsDiff } from "./diff/diff-tags.js";
export { diffToJson, diffToMarkdown, diffToText, formatDiff } from "./diff/format-diff.js";
export type { DiffFormat } from "./diff/format-diff.js";
export { githubTable } from "./wiki/github-table.js";
export type { ColumnAlign } from "./wiki/github-table.js";
export { homeTables, monthStatistics } from "./wiki/home-tables.js";
export type { CountCommits, HomeTablesOptions, MonthPage, MonthStatistics } from "./wiki/home-tables.js";
export { DEFAULT_MAX_MANIFESTS, planWikiUpdate, readWikiInputs } from "./wiki/plan-wiki.js";
export type { PlanWikiOptions, WikiInputFile, WikiPlan } from "./wiki/plan-wiki.js";
export {
  addHistoryLine,
  DEFAULT_HOME_TEMPLATE,
  historyLineMonth,
  homePageHead,
  InvalidWikiInputError,
  manifestTimestamp,
  monthlyPageHeader,
  YEAR_MONTHLY_TABLES,
} from "./wiki/wiki-pages.js";
export { escapeHtml } from "./site/html.js";
export type { SitePage } from "./site/html.js";
export { readWiki } from "./site/read-wiki.js";
export type { WikiBuild, WikiHistory, WikiMonth } from "./site/read-wiki.js";
export { renderSite } from "./site/render-site.js";

import { toBakeFile, toGithubEnv, toGithubOutput, toJsonOutput, type ExplainEntry, type RefTagsResult } from "@imgs/taggers";

/** The tags one a line, nothing else: for scripts (`--format tags`). */
export const formatRefsTags = (result: RefTagsResult): string => result.tags.join("\n");

/** Tags, version and labels in sections for people, then, with explain, the account of every rule. */
export function formatRefsText(result: RefTagsResult): string {
  const { main, latest } = result.version;
  const lines = [
    "tags:",
    ...(result.tags.length ? result.tags.map((t) => `  ${t}`) : ["  (none)"]),
    `version: ${main ?? "(none)"}${latest ? " (latest)" : ""}`,
    "labels:",
    ...result.labels.map((label) => `  ${label}`),
  ];
  if (result.explain) lines.push("explain:", ...result.explain.map((e) => `  ${explainLine(e)}`));
  return lines.join("\n");
}

function explainLine(entry: ExplainEntry): string {
  const from = (rule: string, preset: string | undefined): string => (preset ? `${rule} (preset ${preset})` : rule);
  switch (entry.kind) {
    case "context":
      return [
        `ref ${entry.ref === "" ? "(none)" : entry.ref}  <- ${entry.refOrigin ?? `context ${entry.source}`}`,
        `sha ${entry.sha === "" ? "(none)" : entry.sha}  <- ${entry.shaOrigin ?? `context ${entry.source}`}`,
      ].join("\n  ");
    case "tag":
      return `${entry.value}  <- ${from(entry.rule, entry.preset)}${entry.role === "duplicate" ? " [duplicate, dropped]" : ""}`;
    case "skip":
      return `(none)  <- ${from(entry.rule, entry.preset)}: ${entry.reason}`;
    case "latest":
      return `${entry.added ? "latest" : "(no latest)"}  <- flavor latest: ${entry.reason}`;
  }
}

/** The result in the format `imgs refs --format` names: text, tags, json, github-output, github-env, bake. */
export function renderRefs(result: RefTagsResult, format: string, bakeTarget: string | undefined): string {
  switch (format) {
    case "json":
      return JSON.stringify(toJsonOutput(result), null, 2);
    case "github-output":
      return toGithubOutput(result);
    case "github-env":
      return toGithubEnv(result);
    case "bake":
      return toBakeFile(result, { target: bakeTarget });
    case "tags":
      return formatRefsTags(result);
    default:
      return formatRefsText(result);
  }
}

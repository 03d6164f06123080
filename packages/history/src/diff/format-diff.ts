import type { BuildDiff, BuildSummary, EcosystemDiff } from "./diff-builds.js";

/** How a diff is written: plain text for a terminal, Markdown for a pull request or wiki, JSON for tools. */
export type DiffFormat = "text" | "markdown" | "json";

const title = (b: BuildSummary): string => (b.buildTimestamp === undefined ? b.label : `${b.label} (${b.buildTimestamp})`);
const shown = (version: string): string => (version === "" ? "(no version)" : version);

function counts(e: EcosystemDiff): string {
  const parts = [
    e.added.length > 0 ? `${e.added.length} added` : "",
    e.removed.length > 0 ? `${e.removed.length} removed` : "",
    e.changed.length > 0 ? `${e.changed.length} changed` : "",
  ].filter(Boolean);
  return parts.length === 0 ? `no change (${e.unchanged} ${e.unchanged === 1 ? "package" : "packages"})` : `${parts.join(", ")}, ${e.unchanged} unchanged`;
}

/**
 * A diff as text: a heading line, then tags and each ecosystem with `+` added, `-` removed and
 * `~` changed (old → new) entries; ends with a newline.
 */
export function diffToText(diff: BuildDiff): string {
  const out = [`${title(diff.from)} → ${title(diff.to)}`];
  if (diff.tags === undefined) out.push("", "tags: not known (no history line for one of the builds)");
  else {
    const t = diff.tags;
    const total = t.added.length + t.removed.length + t.changed.length;
    out.push("", total === 0 ? "tags: no change" : "tags:");
    out.push(...t.added.map((v) => `  + ${v}`), ...t.removed.map((v) => `  - ${v}`), ...t.changed.map((c) => `  ~ ${c.from} → ${c.to}`));
  }
  for (const e of diff.ecosystems) {
    out.push("", `${e.ecosystem}: ${counts(e)}`);
    out.push(
      ...e.added.map((p) => `  + ${p.name} ${shown(p.version)}`),
      ...e.removed.map((p) => `  - ${p.name} ${shown(p.version)}`),
      ...e.changed.map((c) => `  ~ ${c.name} ${shown(c.from)} → ${shown(c.to)}`),
    );
  }
  return `${out.join("\n")}\n`;
}

/** Markdown cells may not hold a "|" or a line break. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A diff as Markdown: an H2 heading, then an H3 and a Before/After table for tags and each ecosystem. */
export function diffToMarkdown(diff: BuildDiff): string {
  const out = [`## \`${cell(diff.from.label)}\` → \`${cell(diff.to.label)}\``, ""];
  if (diff.from.buildTimestamp !== undefined || diff.to.buildTimestamp !== undefined) {
    out.push(`Built ${diff.from.buildTimestamp ?? "?"} and ${diff.to.buildTimestamp ?? "?"}.`, "");
  }
  const table = (rows: Array<[string, string, string]>): string[] =>
    rows.length === 0 ? ["No change.", ""] : ["| | Before | After |", "| - | - | - |", ...rows.map(([a, b, c]) => `| ${cell(a)} | ${cell(b)} | ${cell(c)} |`), ""];
  out.push("### Tags", "");
  if (diff.tags === undefined) out.push("Not known (no history line for one of the builds).", "");
  else {
    const t = diff.tags;
    out.push(...table([...t.added.map((v): [string, string, string] => ["added", "", `\`${v}\``]), ...t.removed.map((v): [string, string, string] => ["removed", `\`${v}\``, ""]), ...t.changed.map((c): [string, string, string] => ["changed", `\`${c.from}\``, `\`${c.to}\``])]));
  }
  for (const e of diff.ecosystems) {
    out.push(`### ${e.ecosystem}`, "", `${counts(e)}.`, "");
    if (e.added.length + e.removed.length + e.changed.length === 0) continue;
    out.push("| Package | Before | After |", "| - | - | - |");
    out.push(
      ...e.added.map((p) => `| ${cell(p.name)} | | ${cell(shown(p.version))} |`),
      ...e.removed.map((p) => `| ${cell(p.name)} | ${cell(shown(p.version))} | |`),
      ...e.changed.map((c) => `| ${cell(c.name)} | ${cell(shown(c.from))} | ${cell(shown(c.to))} |`),
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** A diff as JSON (two-space indented, newline at the end): the BuildDiff object itself. */
export const diffToJson = (diff: BuildDiff): string => `${JSON.stringify(diff, null, 2)}\n`;

/** A diff in the given format. */
export function formatDiff(diff: BuildDiff, format: DiffFormat): string {
  if (format === "json") return diffToJson(diff);
  return format === "markdown" ? diffToMarkdown(diff) : diffToText(diff);
}

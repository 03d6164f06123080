/** A build history line read back (see historyLine for how it is written). */
export interface ParsedHistoryLine {
  /** `2024-01-02T03:04:05Z`. */
  readonly buildTimestamp: string;
  /** Full tags, `R/O/I:<prefix>-<value>`, in the order written. */
  readonly tags: readonly string[];
  /** The `[text](target)` links of the last cell by their text ("Git diff", "Dockerfile", "Build manifest"). */
  readonly links: Readonly<Record<string, string>>;
  /** The manifest's base name `P-V-I-S` from the "Build manifest" link; undefined without one. */
  readonly manifestName: string | undefined;
}

/**
 * Reads one row of the wiki's build history table (`| \`timestamp\` | tags | links |`, cells joined
 * by `<br />`), as docker-stacks' get_build_history_line and imgs write it; undefined for any
 * other line (a table header, prose).
 */
export function parseHistoryLine(line: string): ParsedHistoryLine | undefined {
  const match = /^\| `([^`]+)` \| (.*) \| (.*) \|$/.exec(line.trimEnd());
  if (!match) return undefined;
  const [, buildTimestamp = "", tagCell = "", linkCell = ""] = match;
  const tags = tagCell
    .split("<br />")
    .map((cell) => /^`([^`]+)`$/.exec(cell.trim())?.[1])
    .filter((tag): tag is string => tag !== undefined);
  const links: Record<string, string> = {};
  for (const link of linkCell.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) links[link[1] ?? ""] = link[2] ?? "";
  const manifest = links["Build manifest"];
  return { buildTimestamp, tags, links, manifestName: manifest === undefined ? undefined : manifest.replace(/^\.\//, "") };
}

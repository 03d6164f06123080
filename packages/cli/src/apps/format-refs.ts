import type { ExplainEntry, RefTagsResult } from "@imgs/taggers";

/** Tags one a line (for scripts), then, with explain, the account of every rule. */
export function formatRefsText(result: RefTagsResult): string {
  const lines = [...result.tags];
  if (result.explain) lines.push("", ...result.explain.map(explainLine));
  return lines.join("\n");
}

function explainLine(entry: ExplainEntry): string {
  const from = (rule: string, preset: string | undefined): string => (preset ? `${rule} (preset ${preset})` : rule);
  switch (entry.kind) {
    case "tag":
      return `${entry.value}  <- ${from(entry.rule, entry.preset)}${entry.role === "duplicate" ? " [duplicate, dropped]" : ""}`;
    case "skip":
      return `(none)  <- ${from(entry.rule, entry.preset)}: ${entry.reason}`;
    case "latest":
      return `${entry.added ? "latest" : "(no latest)"}  <- flavor latest: ${entry.reason}`;
  }
}
